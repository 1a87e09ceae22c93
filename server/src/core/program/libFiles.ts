import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from '@ts-morph/common';

/**
 * TypeScript's lib files (`lib.dom.d.ts` …) as ts-morph ships them, in memory: the bundled server has
 * no `node_modules/typescript/lib` beside it, and the workspace's own TypeScript is never loaded.
 */
export const LIB_FOLDER = libFolderInMemoryPath;

const libTexts = new Map(getLibFiles().map((file) => [`${LIB_FOLDER}/${file.fileName}`, file.text]));

export function isLibFile(fileName: string): boolean {
  return libTexts.has(fileName);
}

export function libFileText(fileName: string): string | undefined {
  return libTexts.get(fileName);
}

/**
 * Parsed lib files, shared by every program of the process (the largest, `lib.dom.d.ts`, is 1.5 MB).
 * They never change; binding only depends on the target and on strict mode, which are part of the key.
 */
const parsedLibs = new Map<string, ts.SourceFile>();

export function libSourceFile(fileName: string, languageVersion: ts.ScriptTarget, options: ts.CompilerOptions): ts.SourceFile | undefined {
  const text = libTexts.get(fileName);
  if (text === undefined) return undefined;
  const key = `${fileName}\0${languageVersion}\0${options.alwaysStrict ?? options.strict ?? false}`;
  let sourceFile = parsedLibs.get(key);
  if (!sourceFile) {
    // As tsc does: a declaration file's JSDoc carries no types, and lib.dom.d.ts is mostly JSDoc.
    sourceFile = ts.createSourceFile(fileName, text, { languageVersion, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeErrors }, false);
    parsedLibs.set(key, sourceFile);
  }
  return sourceFile;
}
