import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { Project, ts } from 'ts-morph';
import { glob } from 'tinyglobby';
import { mayContainCalls } from './analysis/calls';
import { candidateNamesAmong, namesTextTest, seedNames } from './analysis/wrapperCandidates';
import { checkSourceFile } from './check';
import type { TrackingPlan } from './plan/model';
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
    const { statSync } = await import('node:fs');
    if (statSync(absolute).isDirectory()) {
      const found = await glob(`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, { cwd: absolute, absolute: true, ignore, dot: false, followSymbolicLinks: false });
      for (const file of found) if (isSourceFileName(file)) files.add(path.normalize(file));
    } else if (isSourceFileName(absolute) && !isIgnored(absolute)) {
      files.add(absolute);
    }
  }
  return [...files].sort();
}

/** A ts-morph project over the workspace, with its tsconfig's options when it has one. */
export function createWorkspaceProject(rootDir: string, tsConfigFilePath = findTsConfig(rootDir)): Project {
  const project = new Project({
    tsConfigFilePath,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    compilerOptions: tsConfigFilePath ? FORCED_OPTIONS : { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS },
  });
  return project;
}

/** A project whose files live in memory, for tests and for unsaved editor buffers. */
export function createInMemoryProject(files: Record<string, string>, compilerOptions: ts.CompilerOptions = {}): Project {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { ...DEFAULT_OPTIONS, ...FORCED_OPTIONS, ...compilerOptions },
  });
  for (const [fileName, text] of Object.entries(files)) project.createSourceFile(fileName, text, { overwrite: true });
  return project;
}

export interface CheckFilesOptions {
  plan: TrackingPlan;
  project: Project;
  files: string[];
  severities?: Partial<Record<RuleId, SeveritySetting>>;
}

/**
 * Checks files of a project against the plan. Only files that may hold analytics calls become roots of
 * the program (see {@link addProgramRoots}); the rest of the workspace is never parsed, bound or
 * type-checked (it has nothing to report).
 */
export function checkFiles({ plan, project, files, severities }: CheckFilesOptions): Map<string, Finding[]> {
  const results = new Map<string, Finding[]>();
  const roots = addProgramRoots(project, plan, files);
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  for (const file of files) {
    const sourceFile = roots.has(file) ? program.getSourceFile(project.getSourceFileOrThrow(file).getFilePath()) : undefined;
    results.set(file, sourceFile ? checkSourceFile({ plan, sourceFile, checker, program, severities }) : []);
  }
  return results;
}

/**
 * Adds to the project the files that may hold analytics calls and returns them: those naming an SDK
 * method or a declared callee, and — with wrapper inference — those naming one of the team's wrappers
 * (found in the former, then chains of them). The files they import come in through module resolution.
 */
export function addProgramRoots(project: Project, plan: TrackingPlan, files: string[]): Set<string> {
  const roots: string[] = [];
  const others: { file: string; text: string }[] = [];
  for (const file of files) {
    if (project.getSourceFile(file)) {
      roots.push(file);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!mayContainCalls(text, plan.callees)) {
      others.push({ file, text });
      continue;
    }
    project.createSourceFile(file, text, { overwrite: true });
    roots.push(file);
  }
  if (plan.wrappers?.infer !== false) roots.push(...wrapperCallers(project, plan, roots, others));
  return new Set(roots);
}

/** The files among `others` that name a wrapper the roots (or, round after round, those files) define. */
function wrapperCallers(project: Project, plan: TrackingPlan, roots: string[], others: { file: string; text: string }[]): string[] {
  const seeds = seedNames(plan.callees);
  const rootFiles = roots.map((file) => project.getSourceFileOrThrow(file).compilerNode);
  const added: string[] = [];
  let pending = others;
  let known = -1;
  for (let round = 0; round < 6 && pending.length; round++) {
    const names = candidateNamesAmong(rootFiles, seeds);
    if (names.size === known) break;
    known = names.size;
    const test = namesTextTest(names);
    if (!test) break;
    const next: typeof pending = [];
    for (const entry of pending) {
      if (!test.test(entry.text)) {
        next.push(entry);
        continue;
      }
      rootFiles.push(project.createSourceFile(entry.file, entry.text, { overwrite: true }).compilerNode);
      added.push(entry.file);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  return added;
}
