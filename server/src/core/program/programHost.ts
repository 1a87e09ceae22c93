import * as path from 'node:path';
import { ts } from '@ts-morph/common';
import { nestsDeeperThan } from '../fileSize';
import { declarationSource, redirectToSource } from './declarationSources';
import { isLibFile, LIB_FOLDER, libFileText, libSourceFile } from './libFiles';

/** Where the program's files come from: the disk, an editor's buffers laid over it, or memory in tests. */
export interface ProgramFiles {
  readFile(fileName: string): string | undefined;
  fileExists(fileName: string): boolean;
  directoryExists(directoryName: string): boolean;
  getDirectories(directoryName: string): string[];
  realpath(fileName: string): string;
  currentDirectory: string;
}

export const diskFiles: ProgramFiles = {
  readFile: (fileName) => ts.sys.readFile(fileName),
  fileExists: (fileName) => ts.sys.fileExists(fileName),
  directoryExists: (directoryName) => ts.sys.directoryExists(directoryName),
  getDirectories: (directoryName) => ts.sys.getDirectories(directoryName),
  realpath: (fileName) => ts.sys.realpath?.(fileName) ?? fileName,
  currentDirectory: ts.sys.getCurrentDirectory(),
};

/** The compiler spells paths with forward slashes on every platform; so do the keys here. */
export function programPath(fileName: string): string {
  // Called for every file of every program build: skip path.resolve for paths that are already plain.
  if (fileName.startsWith('/') && !fileName.includes('\\') && !/\/\.\.?(\/|$)|\/\//.test(fileName)) return fileName;
  return path.resolve(fileName).replace(/\\/g, '/');
}

interface Parsed {
  version: number;
  sourceFile: ts.SourceFile;
  languageVersion: ts.ScriptTarget;
  impliedNodeFormat: ts.ResolutionMode;
  /** Parsed ahead by {@link ProgramHost.preParse}, not yet handed to a program. */
  preParsed?: boolean;
}

/**
 * JSDoc is parsed where it carries types (JavaScript files), as tsc does; nothing here reads comments
 * of TypeScript files, and skipping them is a good part of the parse time.
 */
const JSDOC_PARSING_MODE = ts.JSDocParsingMode.ParseForTypeErrors;

/**
 * A TypeScript program over a set of root files, rebuilt only when a text or the roots changed. Each
 * rebuild hands the compiler the previous program and the unchanged source file objects, so an edit
 * re-parses one file and the compiler reuses the rest (module resolutions included). It replaces
 * ts-morph's Project on the hot path: no wrapper objects, no path normalisation per lookup.
 */
export class ProgramHost {
  private readonly overlays = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private readonly parsed = new Map<string, Parsed>();
  private readonly roots = new Set<string>();
  private readonly compilerHost: ts.CompilerHost;
  private moduleResolutionCache: ts.ModuleResolutionCache;
  private current?: ts.Program;
  private stale = true;
  /** The workspace files imports may bring in (see setImportGate); undefined: any. */
  private importGate?: ReadonlySet<string>;
  /** The gate changed since the last build: the compiler must resolve every import again, not reuse. */
  private resolutionsInvalidated = false;
  private readonly moduleHost: ts.ModuleResolutionHost;
  /** Declaration files of workspace packages, by path, and the source each was built from (null: none). */
  private readonly declarationSources = new Map<string, string | null>();

  constructor(
    readonly options: ts.CompilerOptions,
    private readonly files: ProgramFiles = diskFiles,
  ) {
    const getCanonicalFileName = (fileName: string) => (ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase());
    this.moduleResolutionCache = ts.createModuleResolutionCache(files.currentDirectory, getCanonicalFileName, options);
    const moduleHost: ts.ModuleResolutionHost = (this.moduleHost = {
      fileExists: (fileName) => this.fileExists(fileName),
      readFile: (fileName) => this.readText(fileName),
      directoryExists: (directoryName) => directoryName.startsWith(LIB_FOLDER) || files.directoryExists(directoryName),
      getDirectories: (directoryName) => files.getDirectories(directoryName),
      realpath: (fileName) => (isLibFile(fileName) || this.overlays.has(programPath(fileName)) ? fileName : files.realpath(fileName)),
      getCurrentDirectory: () => files.currentDirectory,
    });
    this.compilerHost = {
      ...moduleHost,
      getSourceFile: (fileName, languageVersionOrOptions, _onError, shouldCreateNewSourceFile) => this.getSourceFile(fileName, languageVersionOrOptions, shouldCreateNewSourceFile),
      getDefaultLibFileName: (compilerOptions) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(compilerOptions)}`,
      getDefaultLibLocation: () => LIB_FOLDER,
      writeFile: () => undefined,
      getCurrentDirectory: () => files.currentDirectory,
      getCanonicalFileName,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
      getNewLine: () => '\n',
      jsDocParsingMode: JSDOC_PARSING_MODE,
      getModuleResolutionCache: () => this.moduleResolutionCache,
      hasInvalidatedResolutions: () => this.resolutionsInvalidated,
      resolveModuleNameLiterals: (literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) =>
        literals.map((literal) => {
          const resolution = this.resolve(literal, containingFile, containingSourceFile, compilerOptions, redirectedReference);
          const resolved = resolution.resolvedModule;
          // Outside the gate, the import is left unresolved: the program never loads the file.
          if (resolved && this.importGate && !resolved.isExternalLibraryImport && !this.importGate.has(programPath(resolved.resolvedFileName))) return { resolvedModule: undefined };
          return resolution;
        }),
    };
  }

  private resolve(literal: ts.StringLiteralLike, containingFile: string, containingSourceFile: ts.SourceFile, compilerOptions: ts.CompilerOptions, redirectedReference?: ts.ResolvedProjectReference) {
    const resolution = ts.resolveModuleName(
      literal.text,
      containingFile,
      compilerOptions,
      this.moduleHost,
      this.moduleResolutionCache,
      redirectedReference,
      ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions),
    );
    // A workspace package's built declarations: its source instead, where wrappers can be inferred.
    const resolved = resolution.resolvedModule;
    if (!resolved || !(resolved.extension === ts.Extension.Dts || resolved.extension === ts.Extension.Dmts || resolved.extension === ts.Extension.Dcts)) return resolution;
    let source = this.declarationSources.get(resolved.resolvedFileName);
    if (source === undefined) this.declarationSources.set(resolved.resolvedFileName, (source = declarationSource(resolved.resolvedFileName, this.moduleHost) ?? null));
    return source ? redirectToSource(resolution, source) : resolution;
  }

  /**
   * Limits which of the workspace's own files imports may bring into the program (packages are not
   * limited): the CLI lets in only what the analytics calls depend on (see importClosure.ts).
   */
  setImportGate(allowed: ReadonlySet<string> | undefined): void {
    // The same files as before: the program and its resolutions stay (a re-check of the same workspace reuses them).
    if (allowed === this.importGate || (allowed && this.importGate && allowed.size === this.importGate.size && [...allowed].every((file) => this.importGate!.has(file)))) return;
    this.importGate = allowed;
    this.resolutionsInvalidated = true;
    this.stale = true;
  }

  /** The workspace file an import names, resolved as the program would (ungated); undefined for a package's or an unresolved one. */
  resolveWorkspaceImport(literal: ts.StringLiteralLike, containingFile: ts.SourceFile): string | undefined {
    const resolved = this.resolve(literal, containingFile.fileName, containingFile, this.options).resolvedModule;
    return resolved && !resolved.isExternalLibraryImport ? programPath(resolved.resolvedFileName) : undefined;
  }

  /** The program over the current roots and texts; the same object until something changes. */
  program(): ts.Program {
    if (this.current && !this.stale) return this.current;
    const oldProgram = this.current;
    this.current = ts.createProgram({ rootNames: [...this.roots], options: this.options, host: this.compilerHost, oldProgram });
    this.stale = false;
    this.resolutionsInvalidated = false;
    // Forget parses of files that left the program, so a long editing session does not accumulate them.
    if (this.parsed.size > this.current.getSourceFiles().length) {
      const inProgram = new Set(this.current.getSourceFiles().map((sourceFile) => sourceFile.fileName));
      for (const fileName of this.parsed.keys()) if (!inProgram.has(fileName)) this.parsed.delete(fileName);
    }
    return this.current;
  }

  /**
   * Parses a file ahead of the next program build (a workspace scan does it in slices between yields),
   * so that the build itself finds it parsed.
   */
  preParse(fileName: string): void {
    const key = programPath(fileName);
    if (this.parsed.has(key)) return;
    this.getSourceFile(key, { languageVersion: this.options.target ?? ts.ScriptTarget.Latest, jsDocParsingMode: JSDOC_PARSING_MODE });
    const parsed = this.parsed.get(key);
    if (parsed) parsed.preParsed = true;
  }

  /** The file parsed (ahead of the program build that will use the same object), without building a program. */
  parse(fileName: string): ts.SourceFile | undefined {
    const key = programPath(fileName);
    if (this.current && !this.stale) {
      const inProgram = this.current.getSourceFile(key);
      if (inProgram) return inProgram;
    }
    this.preParse(key);
    return this.parsed.get(key)?.sourceFile;
  }

  /** The program's source file for a path, if it is in the program. */
  sourceFile(fileName: string): ts.SourceFile | undefined {
    return this.program().getSourceFile(programPath(fileName));
  }

  isRoot(fileName: string): boolean {
    return this.roots.has(programPath(fileName));
  }

  rootNames(): string[] {
    return [...this.roots];
  }

  addRoot(fileName: string): void {
    const key = programPath(fileName);
    if (this.roots.has(key)) return;
    this.roots.add(key);
    this.stale = true;
  }

  removeRoot(fileName: string): void {
    if (this.roots.delete(programPath(fileName))) this.stale = true;
  }

  /** Lays a text over the file on disk (an editor buffer, or a file of an in-memory workspace). */
  setText(fileName: string, text: string): void {
    const key = programPath(fileName);
    if (this.overlays.get(key) === text) return;
    this.overlays.set(key, text);
    this.changed(key);
  }

  /** Drops the text laid over a file: the disk's text applies again. */
  deleteText(fileName: string): void {
    const key = programPath(fileName);
    if (this.overlays.delete(key)) this.changed(key);
  }

  /**
   * The file changed, appeared or disappeared on disk. Module resolutions are dropped too: an import
   * that failed may resolve now, or one that resolved may fail.
   */
  fileChangedOnDisk(fileName: string, kind: 'changed' | 'created' | 'deleted' = 'changed'): void {
    const key = programPath(fileName);
    if (kind !== 'changed') {
      this.moduleResolutionCache.clear();
      this.stale = true;
    }
    if (!this.overlays.has(key)) this.changed(key);
  }

  /** The text the program sees for a file: its overlay, else the disk's. */
  readText(fileName: string): string | undefined {
    if (isLibFile(fileName)) return libFileText(fileName);
    return this.overlays.get(programPath(fileName)) ?? this.files.readFile(fileName);
  }

  private fileExists(fileName: string): boolean {
    return isLibFile(fileName) || this.overlays.has(programPath(fileName)) || this.files.fileExists(fileName);
  }

  private changed(key: string): void {
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
    if (this.roots.has(key) || this.current?.getSourceFile(key)) this.stale = true;
  }

  private getSourceFile(fileName: string, languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions, shouldCreateNewSourceFile?: boolean): ts.SourceFile | undefined {
    const options = typeof languageVersionOrOptions === 'number' ? { languageVersion: languageVersionOrOptions } : languageVersionOrOptions;
    if (isLibFile(fileName)) return libSourceFile(fileName, options.languageVersion, this.options);
    const key = programPath(fileName);
    const version = this.versions.get(key) ?? 0;
    const cached = this.parsed.get(key);
    if (cached && cached.version === version && !shouldCreateNewSourceFile && cached.languageVersion === options.languageVersion && cached.impliedNodeFormat === options.impliedNodeFormat) {
      if (cached.preParsed) {
        // A pre-parse could not know how the program decides what is a module: let it decide now.
        options.setExternalModuleIndicator?.(cached.sourceFile);
        cached.preParsed = false;
      }
      return cached.sourceFile;
    }
    const text = this.readText(fileName);
    if (text === undefined) {
      this.parsed.delete(key);
      return undefined;
    }
    // Nested like generated data, the file would overflow the parser's stack (or stall the checker):
    // the program gets it empty, and the check reports it as skipped.
    const sourceFile = ts.createSourceFile(fileName, nestsDeeperThan(text) ? '' : text, options, true);
    this.parsed.set(key, { version, sourceFile, languageVersion: options.languageVersion, impliedNodeFormat: options.impliedNodeFormat });
    return sourceFile;
  }
}
