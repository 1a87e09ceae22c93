import * as path from 'node:path';
import type { Project } from 'ts-morph';
import { ts } from 'ts-morph';
import { findAnalyticsCalls, type AnalyticsCall } from '../core/analysis/calls';
import { wrapperInference, type WrapperInference } from '../core/analysis/wrappers';
import { candidateFunctions, namesTextTest, seedNames } from '../core/analysis/wrapperCandidates';
import { callableNames } from '../core/analysis/wrapperNames';
import { checkSourceFile } from '../core/check';
import { loadPlan, type PlanLoadResult } from '../core/plan/load';
import type { CalleeSpec, TrackingPlan } from '../core/plan/model';
import type { Finding, RuleId, SeveritySetting } from '../core/types';
import { createWorkspaceProject, isSourceFileName } from '../core/workspace';

/** The file-system operations the workspace needs, injected so tests and editors can supply their own. */
export interface WorkspaceHost {
  readFile(fileName: string): string | undefined;
  fileExists(fileName: string): boolean;
  /** Size in bytes without reading the file; optional. */
  fileSize?(fileName: string): number | undefined;
  /** Every source file under `root` that is not ignored. */
  listSourceFiles(root: string, ignore: string[]): Promise<string[]>;
  /** The tsconfig.json that applies to `root`, if any. */
  findTsConfig(root: string): string | undefined;
  /** The plan file for `root` when none is configured. */
  findPlanFile(root: string): string | undefined;
}

export interface WorkspaceOptions {
  /** Plan file path from the settings (absolute); undefined: discovered. */
  planFile?: string;
  severities?: Partial<Record<RuleId, SeveritySetting>>;
  extraCallees?: CalleeSpec[];
  /** Files with more characters than this are not analysed (generated bundles); undefined: no limit. */
  maxFileSize?: number;
}

export interface PlanState {
  file?: string;
  /** The last load of the plan file, valid or not (its findings are the plan's diagnostics). */
  loaded?: PlanLoadResult;
  /** The last plan that could be used: kept while the file is broken, so checking goes on. */
  lastGood?: TrackingPlan;
}

/**
 * One workspace folder as the language server sees it: a TypeScript project over its files, the
 * editor's unsaved texts laid over them, and its tracking plan (the last good one when the file breaks).
 */
export class AnalysisWorkspace {
  readonly planState: PlanState = {};
  private projectInstance?: Project;
  private readonly overlays = new Map<string, string>();
  private callCache = new WeakMap<ts.SourceFile, { checker: ts.TypeChecker; calls: AnalyticsCall[] }>();
  private scanned = false;
  /** The wrapper names of the last program (not the program itself, which may be large). */
  private lastWrapperNames = new Set<string>();

  constructor(
    readonly root: string,
    private readonly host: WorkspaceHost,
    private options: WorkspaceOptions = {},
  ) {
    this.reloadPlan();
  }

  get project(): Project {
    this.projectInstance ??= createWorkspaceProject(this.root, this.host.findTsConfig(this.root));
    return this.projectInstance;
  }

  get isScanned(): boolean {
    return this.scanned;
  }

  contains(fileName: string): boolean {
    const relative = path.relative(this.root, fileName);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  updateOptions(options: WorkspaceOptions): { planChanged: boolean } {
    const planChanged = options.planFile !== this.options.planFile;
    this.options = options;
    if (planChanged) this.reloadPlan();
    return { planChanged };
  }

  /** The plan to check against: the last good one, with the settings' extra callees. */
  get plan(): TrackingPlan | undefined {
    const plan = this.planState.lastGood;
    if (!plan || !this.options.extraCallees?.length) return plan;
    return { ...plan, callees: [...plan.callees, ...this.options.extraCallees] };
  }

  get planFile(): string | undefined {
    return this.planState.file;
  }

  isPlanFile(fileName: string): boolean {
    return this.planState.file !== undefined && path.resolve(fileName) === path.resolve(this.planState.file);
  }

  /**
   * Reads the plan again, from `text` (an unsaved editor buffer) or from disk. A broken plan keeps the
   * last good one in use; returns whether the plan in use changed.
   */
  reloadPlan(text?: string): boolean {
    const file = this.options.planFile ?? this.host.findPlanFile(this.root);
    const before = this.planState.lastGood;
    if (file !== this.planState.file) this.planState.lastGood = undefined;
    this.planState.file = file;
    if (!file) {
      this.planState.loaded = undefined;
      this.planState.lastGood = undefined;
      return before !== undefined;
    }
    const content = text ?? this.overlays.get(file) ?? this.host.readFile(file);
    if (content === undefined) {
      this.planState.loaded = undefined;
      this.planState.lastGood = undefined;
      return before !== undefined;
    }
    const loaded = loadPlan(file, content);
    this.planState.loaded = loaded;
    if (loaded.plan) this.planState.lastGood = loaded.plan;
    return this.planState.lastGood !== before;
  }

  /** Lays the editor's text over the file on disk. */
  setOverlay(fileName: string, text: string): void {
    this.overlays.set(fileName, text);
    if (!isSourceFileName(fileName)) return;
    const existing = this.project.getSourceFile(fileName);
    if (existing) {
      if (existing.getFullText() !== text) existing.replaceWithText(text);
    } else this.project.createSourceFile(fileName, text, { overwrite: true });
  }

  /** The editor closed the file: the disk's text applies again (or the file leaves the project if it has none). */
  removeOverlay(fileName: string): void {
    if (!this.overlays.delete(fileName) || !isSourceFileName(fileName)) return;
    const sourceFile = this.project.getSourceFile(fileName);
    const onDisk = this.host.readFile(fileName);
    if (onDisk === undefined) {
      if (sourceFile) this.project.removeSourceFile(sourceFile);
    } else if (sourceFile && sourceFile.getFullText() !== onDisk) sourceFile.replaceWithText(onDisk);
  }

  hasOverlay(fileName: string): boolean {
    return this.overlays.has(fileName);
  }

  /** A file changed on disk (watcher): pick up its new text unless the editor owns it. */
  refreshFromDisk(fileName: string): void {
    if (this.overlays.has(fileName) || !isSourceFileName(fileName)) return;
    const sourceFile = this.project.getSourceFile(fileName);
    const onDisk = this.host.readFile(fileName);
    if (onDisk === undefined) {
      if (sourceFile) this.project.removeSourceFile(sourceFile);
    } else if (sourceFile) {
      if (sourceFile.getFullText() !== onDisk) sourceFile.replaceWithText(onDisk);
    } else if (this.scanned) this.project.createSourceFile(fileName, onDisk, { overwrite: true });
  }

  /** Adds every source file of the folder to the project, in chunks, yielding between them. */
  async scan(options: { onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean; yieldEvery?: number } = {}): Promise<string[]> {
    const ignore = this.plan?.ignore ?? [];
    const files = await this.host.listSourceFiles(this.root, ignore);
    const chunk = options.yieldEvery ?? 50;
    for (let i = 0; i < files.length; i++) {
      if (options.isCancelled?.()) return files.slice(0, i);
      const file = files[i];
      if (!this.project.getSourceFile(file) && this.oversize(file) === undefined) {
        const text = this.overlays.get(file) ?? this.host.readFile(file);
        if (text !== undefined) this.project.createSourceFile(file, text, { overwrite: true });
      }
      if ((i + 1) % chunk === 0) {
        options.onProgress?.(i + 1, files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    options.onProgress?.(files.length, files.length);
    this.scanned = true;
    return files;
  }

  /** The source files of the workspace known so far, excluding declaration files. */
  sourceFileNames(): string[] {
    return this.project
      .getSourceFiles()
      .map((s) => s.getFilePath() as string)
      .filter((f) => isSourceFileName(f) && this.contains(f) && !f.includes(`${path.sep}node_modules${path.sep}`));
  }

  program(): ts.Program {
    return this.project.getProgram().compilerObject;
  }

  /** The size of a file over the limit, or undefined when it may be analysed. */
  oversize(fileName: string): number | undefined {
    const limit = this.options.maxFileSize;
    if (limit === undefined) return undefined;
    const size = this.overlays.get(fileName)?.length ?? this.host.fileSize?.(fileName) ?? this.host.readFile(fileName)?.length ?? 0;
    return size > limit ? size : undefined;
  }

  get maxFileSize(): number | undefined {
    return this.options.maxFileSize;
  }

  /** The compiler's source file for a path, adding the file (from its overlay or disk) when it is new. */
  sourceFile(fileName: string): ts.SourceFile | undefined {
    if (!isSourceFileName(fileName) || this.oversize(fileName) !== undefined) return undefined;
    if (!this.project.getSourceFile(fileName)) {
      const text = this.overlays.get(fileName) ?? this.host.readFile(fileName);
      if (text === undefined) return undefined;
      this.project.createSourceFile(fileName, text, { overwrite: true });
    }
    return this.program().getSourceFile(this.project.getSourceFileOrThrow(fileName).getFilePath());
  }

  check(fileName: string): Finding[] {
    const plan = this.plan;
    const sourceFile = this.sourceFile(fileName);
    if (!plan || !sourceFile) return [];
    const program = this.program();
    return checkSourceFile({ plan, sourceFile, checker: program.getTypeChecker(), program, severities: this.options.severities });
  }

  /** The analytics calls of a file, cached for as long as the program's checker lives. */
  calls(sourceFile: ts.SourceFile): AnalyticsCall[] {
    const checker = this.program().getTypeChecker();
    const cached = this.callCache.get(sourceFile);
    if (cached && cached.checker === checker) return cached.calls;
    const calls = findAnalyticsCalls(sourceFile, checker, this.plan?.callees ?? [], this.wrappers());
    this.callCache.set(sourceFile, { checker, calls });
    return calls;
  }

  /** The wrapper inference of the current program (undefined without a plan, or when the plan turns it off). */
  wrappers(): WrapperInference | undefined {
    const plan = this.plan;
    const program = this.program();
    const wrappers = plan ? wrapperInference(program, program.getTypeChecker(), plan) : undefined;
    if (wrappers) this.lastWrapperNames = wrappers.candidates;
    return wrappers;
  }

  /**
   * The names of the functions of a file that may be wrappers, from its syntax and the last program's
   * wrapper names: cheap enough for every keystroke (it builds no program).
   */
  wrapperNamesIn(fileName: string): string[] {
    const plan = this.plan;
    const sourceFile = this.project.getSourceFile(fileName)?.compilerNode;
    if (!plan || plan.wrappers?.infer === false || !sourceFile) return [];
    const seeds = seedNames(plan.callees);
    const names = new Set<string>();
    for (const fn of candidateFunctions(sourceFile, seeds, this.lastWrapperNames)) for (const name of callableNames(fn)) names.add(name);
    return [...names];
  }

  /** The known source files whose text mentions one of `names`: where a wrapper's call sites may be. */
  filesMentioning(names: Iterable<string>): string[] {
    const test = namesTextTest(names);
    if (!test) return [];
    return this.sourceFileNames().filter((file) => test.test(this.project.getSourceFile(file)?.getFullText() ?? ''));
  }

  get severities() {
    return this.options.severities;
  }
}
