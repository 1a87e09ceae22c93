import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { Project, ts } from 'ts-morph';
import { glob } from 'tinyglobby';
import { mayContainCalls } from './analysis/calls';
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
 * the program; the files they import come in through module resolution, and the rest of the workspace
 * is never parsed, bound or type-checked (it has nothing to report).
 */
export function checkFiles({ plan, project, files, severities }: CheckFilesOptions): Map<string, Finding[]> {
  const results = new Map<string, Finding[]>();
  const roots: string[] = [];
  for (const file of files) {
    if (project.getSourceFile(file)) {
      roots.push(file);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      results.set(file, []);
      continue;
    }
    if (!mayContainCalls(text, plan.callees)) {
      results.set(file, []);
      continue;
    }
    project.createSourceFile(file, text, { overwrite: true });
    roots.push(file);
  }
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  for (const file of roots) {
    const sourceFile = program.getSourceFile(project.getSourceFileOrThrow(file).getFilePath());
    results.set(file, sourceFile ? checkSourceFile({ plan, sourceFile, checker, severities }) : []);
  }
  return results;
}
