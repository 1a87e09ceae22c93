import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ts } from '@ts-morph/common';
import { glob } from 'tinyglobby';
import { mayContainCalls } from './analysis/calls';
import { candidateNamesAmong, namesTextTest, seedNames } from './analysis/wrapperCandidates';
import type { CallTally } from './callTally';
import { checkSourceFileTallied } from './check';
import type { TrackingPlan } from './plan/model';
import { inMemoryFiles } from './program/inMemoryFiles';
import { importClosure } from './program/importClosure';
import { diskFiles, ProgramHost, programPath } from './program/programHost';
import type { Finding, RuleId, SeveritySetting } from './types';

export const SOURCE_EXTENSIONS = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts'];

/** Skipped unless a plan or the command line says otherwise: dependencies, build output, generated bundles. */
export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.svelte-kit/**',
  '**/coverage/**',
  '**/.git/**',
  '**/*.min.js',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
];

/** Compiler options used when the workspace has no tsconfig.json, and forced on top of one that exists. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
};

const FORCED_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  skipLibCheck: true,
  // The workspace's own plugins are workspace code: never load them.
  plugins: [],
};

export function isSourceFileName(fileName: string): boolean {
  return SOURCE_EXTENSIONS.some((ext) => fileName.endsWith(`.${ext}`)) && !/\.d\.[mc]?ts$/.test(fileName);
}

/** Whether `fileName` (a file or a folder) is `folder` or lies inside it. */
export function isInsideFolder(folder: string, fileName: string): boolean {
  const relative = path.relative(folder, fileName);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Whether `fileName` lies inside one of `folders` (workspace folders nested in another: their files are theirs). */
export function isInsideAnyFolder(folders: readonly string[], fileName: string): boolean {
  return folders.some((folder) => isInsideFolder(folder, fileName));
}

/** The nearest tsconfig.json (or jsconfig.json) at or above `start`, stopping at the filesystem root. */
export function findTsConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface CollectOptions {
  ignore?: string[];
}

/** Expands files and directories into the source files to check, skipping ignored ones. */
export async function collectSourceFiles(paths: string[], options: CollectOptions = {}): Promise<string[]> {
  const ignore = [...DEFAULT_IGNORES, ...(options.ignore ?? [])];
  const isIgnored = picomatch(ignore, { dot: true });
  const files = new Set<string>();
  for (const input of paths) {
    const absolute = path.resolve(input);
    if (!existsSync(absolute)) throw new Error(`No such file or directory: ${input}`);
    if (statSync(absolute).isDirectory()) {
      const found = await glob(`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, { cwd: absolute, absolute: true, ignore, dot: false, followSymbolicLinks: false });
      for (const file of found) if (isSourceFileName(file)) files.add(path.normalize(file));
    } else if (isSourceFileName(absolute) && !isIgnored(absolute)) {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/**
 * The compiler options for a workspace: its tsconfig's when it has one, with ours forced on top. A
 * tsconfig that cannot be read or parsed is reported to `onProblem` (located, `file:line:col: message`)
 * and the defaults apply: a broken tsconfig.json must not stop the check.
 */
export function workspaceCompilerOptions(tsConfigFilePath: string | undefined, onProblem: (message: string) => void = () => {}): ts.CompilerOptions {
  if (!tsConfigFilePath) return { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS };
  // Reads the JSON (and what it extends); nothing in it is executed.
  // Parsed as a JSON source file, so that every problem, of syntax or of an option's value, has its place.
  const configFile = ts.readJsonConfigFile(tsConfigFilePath, ts.sys.readFile);
  const syntaxError = (configFile as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics?.[0];
  if (syntaxError) {
    onProblem(`${describeConfigDiagnostic(syntaxError)} tracklint uses the default compiler options.`);
    return { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS };
  }
  const parsed = ts.parseJsonSourceFileConfigFileContent(configFile, ts.sys, path.dirname(tsConfigFilePath), undefined, tsConfigFilePath);
  // "No inputs were found": tracklint picks its files itself.
  for (const error of parsed.errors) if (error.code !== 18003) onProblem(describeConfigDiagnostic(error));
  return { ...parsed.options, ...FORCED_OPTIONS };
}

function describeConfigDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return message;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName}:${line + 1}:${character + 1}: ${message}`;
}

/**
 * A program host over the workspace on disk, for one run of the CLI: each file is read once, though the
 * size and nesting checks, the choice of roots and the parser all need its text.
 */
export function createWorkspaceProgram(rootDir: string, tsConfigFilePath = findTsConfig(rootDir), onProblem?: (message: string) => void): ProgramHost {
  const texts = new Map<string, string | undefined>();
  const readFile = (fileName: string) => {
    if (!texts.has(fileName)) texts.set(fileName, diskFiles.readFile(fileName));
    return texts.get(fileName);
  };
  return new ProgramHost(workspaceCompilerOptions(tsConfigFilePath, onProblem), { ...diskFiles, readFile, currentDirectory: path.resolve(rootDir) });
}

/** A program host whose files live in memory (for tests); every file is a root. */
export function createInMemoryProgram(files: Record<string, string>, compilerOptions: ts.CompilerOptions = {}): ProgramHost {
  const host = new ProgramHost({ ...DEFAULT_OPTIONS, ...FORCED_OPTIONS, ...compilerOptions }, inMemoryFiles(files));
  for (const fileName of Object.keys(files)) host.addRoot(fileName);
  return host;
}

export interface CheckFilesOptions {
  plan: TrackingPlan;
  host: ProgramHost;
  files: string[];
  severities?: Partial<Record<RuleId, SeveritySetting>>;
  /** Given, receives each checked file's count of its calls by what became of them (see callTally.ts). */
  tallies?: Map<string, CallTally>;
}

/**
 * Checks files against the plan. Only files that may hold analytics calls become roots of the program
 * (see {@link addProgramRoots}); the rest of the workspace is never parsed, bound or type-checked (it
 * has nothing to report).
 */
export function checkFiles({ plan, host, files, severities, tallies }: CheckFilesOptions): Map<string, Finding[]> {
  const { roots, wrapperNames } = addProgramRoots(host, plan, files);
  limitProgramToCallDependencies(host, plan, roots, wrapperNames, files);
  try {
    return checkRoots({ plan, host, files, severities, tallies }, roots);
  } finally {
    // The limit is this check's: a later program of the same host (another check, a listing) sees every import.
    host.setImportGate(undefined);
  }
}

/**
 * Lets into the program only the workspace files the roots' analytics calls depend on (see
 * importClosure.ts), not everything they import: most of a real app's import graph is UI and data
 * code no call's name or properties come from.
 */
export function limitProgramToCallDependencies(host: ProgramHost, plan: TrackingPlan, roots: Iterable<string>, wrapperNames: Iterable<string>, checkedFiles: Iterable<string>): void {
  const closureHost = { parse: (file: string) => host.parse(file), resolveImport: (literal: ts.StringLiteralLike, from: ts.SourceFile) => host.resolveWorkspaceImport(literal, from) };
  const rootList = [...roots];
  const checked = new Set([...checkedFiles].map(programPath));
  let callNames = new Set([...seedNames(plan.callees), ...wrapperNames]);
  let closure = importClosure(closureHost, rootList, callNames, checked);
  // Wrappers declared outside the roots (a check of one folder) are called by imported names: look
  // for wrappers in the files those calls lead to, and follow the calls of the ones found.
  for (let round = 0; round < 6 && plan.wrappers?.infer !== false && closure.probed.size; round++) {
    const files = [...rootList, ...closure.probed].map((file) => host.parse(file)).filter((f) => f !== undefined);
    const found = candidateNamesAmong(files, [...callNames]);
    const grown = new Set([...callNames, ...found]);
    if (grown.size === callNames.size) break;
    callNames = grown;
    closure = importClosure(closureHost, rootList, callNames, checked);
  }
  const { needed } = closure;
  host.setImportGate(needed);
}

/** The findings of each file once the roots are chosen: the roots' own, none for the others (they hold no calls). */
export function checkRoots({ plan, host, files, severities, tallies }: CheckFilesOptions, roots: Set<string>): Map<string, Finding[]> {
  const results = new Map<string, Finding[]>();
  const program = host.program();
  const checker = program.getTypeChecker();
  for (const file of files) {
    const sourceFile = roots.has(file) ? host.sourceFile(file) : undefined;
    if (!sourceFile) {
      results.set(file, []);
      continue;
    }
    const { findings, tally } = checkSourceFileTallied({ plan, sourceFile, checker, program, severities });
    results.set(file, findings);
    tallies?.set(file, tally);
  }
  return results;
}

/**
 * Makes roots of the files that may hold analytics calls and returns them: those naming an SDK method
 * or a declared callee, and — with wrapper inference — those naming one of the team's wrappers (found
 * in the former, then chains of them). The files they import come in through module resolution.
 */
export function addProgramRoots(host: ProgramHost, plan: TrackingPlan, files: string[]): { roots: Set<string>; wrapperNames: Set<string> } {
  const selection = selectDirectRoots(host, plan, files);
  let wrapperNames = new Set<string>();
  if (plan.wrappers?.infer !== false) {
    for (let round = 0; round < 6; round++) {
      const { names, added } = addWrapperCallerRoots(host, plan, selection);
      const grew = names.size !== wrapperNames.size;
      wrapperNames = names;
      if (!added || !grew) break;
    }
  }
  return { roots: new Set(selection.roots), wrapperNames };
}

/** Files split by whether they may hold calls: `roots` (now roots of the program) and the rest. */
export interface RootSelection {
  roots: string[];
  others: { file: string; text: string }[];
}

/** Makes roots of the files naming an SDK method or a declared callee. */
export function selectDirectRoots(host: ProgramHost, plan: TrackingPlan, files: string[]): RootSelection {
  const selection: RootSelection = { roots: [], others: [] };
  for (const file of files) {
    if (host.isRoot(file)) {
      selection.roots.push(file);
      continue;
    }
    const text = host.readText(file);
    if (text === undefined) continue;
    if (!mayContainCalls(text, plan.callees)) {
      selection.others.push({ file, text });
      continue;
    }
    host.addRoot(file);
    selection.roots.push(file);
  }
  return selection;
}

/**
 * One round of wrapper discovery: the wrapper names the roots define (given names already known
 * elsewhere, for chains through files of another worker), and the files among the others naming one
 * of them, which become roots. Only parses the roots: no program is built until the roots are known.
 */
export function addWrapperCallerRoots(host: ProgramHost, plan: TrackingPlan, selection: RootSelection, knownNames: Iterable<string> = []): { names: Set<string>; added: number } {
  const rootFiles = selection.roots.map((file) => host.parse(file)).filter((f) => f !== undefined);
  const known = [...knownNames];
  const names = candidateNamesAmong(rootFiles, [...seedNames(plan.callees), ...known]);
  const test = namesTextTest([...names, ...known]);
  if (!test) return { names, added: 0 };
  const remaining: RootSelection['others'] = [];
  for (const entry of selection.others) {
    if (!test.test(entry.text)) {
      remaining.push(entry);
      continue;
    }
    host.addRoot(entry.file);
    selection.roots.push(entry.file);
  }
  const added = selection.others.length - remaining.length;
  selection.others = remaining;
  return { names, added };
}
