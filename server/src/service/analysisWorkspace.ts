import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ts } from '@ts-morph/common';
import { findAnalyticsCalls, mayContainCalls, type AnalyticsCall } from '../core/analysis/calls';
import { wrapperInference, type WrapperInference } from '../core/analysis/wrappers';
import { candidateFunctions, candidateNames, namesTextTest, seedNames } from '../core/analysis/wrapperCandidates';
import { callableNames } from '../core/analysis/wrapperNames';
import { checkSourceFile } from '../core/check';
import { nestsDeeperThan, type SkipReason } from '../core/fileSize';
import { loadPlan, type PlanLoadResult } from '../core/plan/load';
import type { CalleeSpec, TrackingPlan } from '../core/plan/model';
import type { Finding, RuleId, SeveritySetting } from '../core/types';
import { diskFiles, ProgramHost, programPath } from '../core/program/programHost';
import { isInsideAnyFolder, isInsideFolder, isSourceFileName, workspaceCompilerOptions } from '../core/workspace';

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
  /** The text `lastGood` was loaded from: a check in another thread loads the same plan from it. */
  lastGoodText?: string;
}

/** What the last check of the closed files (in another thread) found of their call sites. */
export interface ClosedFileSites {
  /** Every closed file that check considered. */
  files: Set<string>;
  /** The call sites of each `kind:name` key, per file holding any. */
  counts: Map<string, [key: string, count: number][]>;
  /** No file's check failed: every closed file's call sites are counted. */
  complete: boolean;
}

/**
 * One workspace folder as the language server sees it: its source files, the editor's unsaved texts
 * laid over them, a TypeScript program over the files that may hold analytics calls, and its tracking
 * plan (the last good one when the file breaks).
 */
export class AnalysisWorkspace {
  readonly planState: PlanState = {};
  private compilerInstance?: ProgramHost;
  private readonly overlays = new Map<string, string>();
  /** The disk texts of the folder's source files known so far (scan, watcher, closed editors). */
  private readonly texts = new Map<string, string>();
  private callCache = new WeakMap<ts.SourceFile, { checker: ts.TypeChecker; calls: AnalyticsCall[] }>();
  private scanned = false;
  /** Set by the server after each check of the closed files in another thread; undefined until the first ends. */
  closedFileSites?: ClosedFileSites;
  /** The wrapper names of the last program: files naming one of them are program roots too. */
  private lastWrapperNames = new Set<string>();
  /** The plan's `ignore:` globs, matched against paths relative to the root. */
  private ignoreMatcher?: (relativePath: string) => boolean;
  private lastNesting?: { text: string; deep: boolean };
  /** Set when the plan's callees changed: which files are roots must be decided again. */
  private rootsStale = false;
  /** Workspace folders nested in this one: their files are theirs, left out of this folder's (see excludeFolders). */
  private excludedFolders: string[] = [];

  constructor(
    readonly root: string,
    private readonly host: WorkspaceHost,
    private options: WorkspaceOptions = {},
  ) {
    this.reloadPlan();
  }

  private readonly tsConfigProblems: string[] = [];

  /** Why the folder's tsconfig.json could not be used as it is (the defaults apply where it failed). */
  compilerOptionProblems(): string[] {
    void this.compiler;
    return this.tsConfigProblems;
  }

  /** The program host; the workspace's texts are read through this workspace, never twice from disk. */
  private get compiler(): ProgramHost {
    this.compilerInstance ??= new ProgramHost(workspaceCompilerOptions(this.host.findTsConfig(this.root), (problem) => this.tsConfigProblems.push(problem)), {
      ...diskFiles,
      readFile: (fileName) => this.texts.get(path.normalize(fileName)) ?? this.host.readFile(fileName),
      fileExists: (fileName) => this.texts.has(path.normalize(fileName)) || this.host.fileExists(fileName),
      currentDirectory: this.root,
    });
    return this.compilerInstance;
  }

  /** Whether this thread has read every file of the folder (references, renames and coverage need them all). */
  get isScanned(): boolean {
    return this.scanned;
  }

  /** Whether every file's call sites are known: read here, or counted by a check of the closed files. */
  get knowsEveryFile(): boolean {
    return this.scanned || this.closedFileSites?.complete === true;
  }

  contains(fileName: string): boolean {
    return isInsideFolder(this.root, fileName);
  }

  updateOptions(options: WorkspaceOptions): { planChanged: boolean } {
    const planChanged = options.planFile !== this.options.planFile;
    const calleesChanged = JSON.stringify(options.extraCallees ?? []) !== JSON.stringify(this.options.extraCallees ?? []);
    this.options = options;
    if (planChanged) this.reloadPlan();
    if (calleesChanged) this.rootsStale = true;
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

  /**
   * What the status bar and the coverage answer say of the plan: 'missing' without a plan file, or when the file has no
   * text (`tracklint.planPath` names a file that is not there); 'invalid' when its text cannot be used; else 'ok'.
   */
  get planCondition(): 'ok' | 'missing' | 'invalid' {
    const { file, loaded } = this.planState;
    return !file || !loaded ? 'missing' : loaded.plan ? 'ok' : 'invalid';
  }

  isPlanFile(fileName: string): boolean {
    return this.planState.file !== undefined && path.resolve(fileName) === path.resolve(this.planState.file);
  }

  /**
   * Reads the plan again, from `text` (an unsaved editor buffer) or from disk. A broken plan keeps the
   * last good one in use; returns whether the plan in use changed. The text of the last load again (the plan
   * opened, saved or closed as it is on disk) changes nothing, and is not parsed again.
   */
  reloadPlan(text?: string): boolean {
    const file = this.options.planFile ?? this.host.findPlanFile(this.root);
    const before = this.planState.lastGood;
    const sameFile = file === this.planState.file;
    if (!sameFile) this.forgetPlan();
    this.planState.file = file;
    const content = file === undefined ? undefined : (text ?? this.overlays.get(file) ?? this.host.readFile(file));
    if (file === undefined || content === undefined) {
      this.planState.loaded = undefined;
      this.forgetPlan();
      return before !== undefined;
    }
    if (sameFile && this.planState.loaded?.document.text === content) return false;
    const loaded = loadPlan(file, content);
    this.planState.loaded = loaded;
    if (loaded.plan) {
      this.planState.lastGood = loaded.plan;
      this.planState.lastGoodText = content;
    }
    if (this.planState.lastGood !== before) {
      this.rootsStale = true;
      this.forgetIgnored();
    }
    return this.planState.lastGood !== before;
  }

  private forgetPlan(): void {
    this.planState.lastGood = undefined;
    this.planState.lastGoodText = undefined;
  }

  /**
   * Forgets the files the plan's `ignore:` globs now exclude: a plan edited after the scan read them must
   * not leave them checked (the scan applies the globs when it lists files).
   */
  private forgetIgnored(): void {
    const ignore = this.plan?.ignore ?? [];
    this.ignoreMatcher = ignore.length ? picomatch(ignore, { dot: true }) : undefined;
    for (const fileName of [...this.texts.keys()]) {
      if (!this.isIgnored(fileName)) continue;
      this.texts.delete(fileName);
      if (!this.overlays.has(fileName)) this.compiler.removeRoot(fileName);
    }
  }

  private isIgnored(fileName: string): boolean {
    return this.ignoreMatcher?.(path.relative(this.root, fileName).split(path.sep).join('/')) ?? false;
  }

  /** Lays the editor's text over the file on disk. An open file is always a program root. */
  setOverlay(fileName: string, text: string): void {
    this.overlays.set(fileName, text);
    if (!isSourceFileName(fileName)) return;
    this.compiler.setText(fileName, text);
    if (this.skipReason(fileName) === undefined) this.compiler.addRoot(fileName);
    else this.compiler.removeRoot(fileName);
  }

  /** The editor closed the file: the disk's text applies again (or the file is gone if it has none). */
  removeOverlay(fileName: string): void {
    if (!this.overlays.delete(fileName) || !isSourceFileName(fileName)) return;
    this.compiler.deleteText(fileName);
    this.track(fileName, this.host.readFile(fileName));
  }

  hasOverlay(fileName: string): boolean {
    return this.overlays.has(fileName);
  }

  /** A file changed, appeared or disappeared on disk (watcher): pick up its new text unless the editor owns it. */
  refreshFromDisk(fileName: string): void {
    if (this.overlays.has(fileName) || !isSourceFileName(fileName) || this.isIgnored(fileName)) return;
    const known = this.texts.has(fileName);
    if (!known && !this.scanned) return;
    const onDisk = this.host.readFile(fileName);
    this.track(fileName, onDisk);
    this.compiler.fileChangedOnDisk(fileName, onDisk === undefined ? 'deleted' : known ? 'changed' : 'created');
  }

  /**
   * Records a file's disk text (undefined: it has none) and whether it is a program root: the files
   * that may hold analytics calls are, the others only enter the program when something imports them.
   */
  private track(fileName: string, text: string | undefined): void {
    if (text === undefined || this.skipReason(fileName, text) !== undefined) {
      this.texts.delete(fileName);
      this.compiler.removeRoot(fileName);
      return;
    }
    this.texts.set(fileName, text);
    if (this.overlays.has(fileName) || this.isCandidate(text)) this.compiler.addRoot(fileName);
    else this.compiler.removeRoot(fileName);
  }

  /** May this text hold analytics calls: does it name an SDK method, a declared callee or a known wrapper? */
  private isCandidate(text: string, wrapperTest = this.wrapperNamesTest()): boolean {
    return mayContainCalls(text, this.plan?.callees ?? []) || (wrapperTest?.test(text) ?? false);
  }

  private wrapperNamesTest(): RegExp | undefined {
    return this.plan?.wrappers?.infer === false ? undefined : namesTextTest(this.lastWrapperNames);
  }

  /**
   * Lists the folder's source files, makes roots of those that may hold calls, and parses every file
   * in slices between yields: the first program build then finds the work done, and requests are
   * answered meanwhile.
   */
  async scan(options: { onProgress?: (done: number, total: number) => void; isCancelled?: () => boolean; yieldEvery?: number } = {}): Promise<string[]> {
    const ignore = this.plan?.ignore ?? [];
    const files = (await this.host.listSourceFiles(this.root, ignore)).filter((file) => !this.isExcluded(file));
    const chunk = options.yieldEvery ?? 50;
    for (let i = 0; i < files.length; i++) {
      if (options.isCancelled?.()) return files.slice(0, i);
      const file = files[i];
      if (!this.overlays.has(file) && !this.texts.has(file)) this.track(file, this.host.readFile(file));
      if (this.texts.has(file)) this.compiler.preParse(file);
      if ((i + 1) % chunk === 0) {
        options.onProgress?.(i + 1, files.length);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    options.onProgress?.(files.length, files.length);
    this.scanned = true;
    return files;
  }

  /** The source files of the workspace known so far. */
  sourceFileNames(): string[] {
    const names = new Set(this.texts.keys());
    for (const fileName of this.overlays.keys()) if (isSourceFileName(fileName) && this.contains(fileName)) names.add(fileName);
    return [...names].filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`) && !this.isExcluded(f));
  }

  /**
   * Leaves out the files of these folders (workspace folders nested in this one: theirs): those read are forgotten,
   * and the scan and the file lists skip them. A folder no longer excluded is read again by the next scan.
   */
  excludeFolders(folders: string[]): void {
    this.excludedFolders = folders;
    for (const fileName of [...this.texts.keys()]) {
      if (!this.isExcluded(fileName)) continue;
      this.texts.delete(fileName);
      if (!this.overlays.has(fileName)) this.compiler.removeRoot(fileName);
    }
  }

  private isExcluded(fileName: string): boolean {
    return isInsideAnyFolder(this.excludedFolders, fileName);
  }

  /** The files that may hold analytics calls (the program's roots): where call sites are looked for. */
  analysedFileNames(): string[] {
    return this.sourceFileNames().filter((fileName) => this.compiler.isRoot(fileName));
  }

  /**
   * The program over the roots. When it reveals new wrapper names, the files naming them become roots
   * too and the program is built again (the compiler reuses everything it parsed).
   */
  program(): ts.Program {
    if (this.rootsStale) {
      this.rootsStale = false;
      for (const [fileName, text] of this.texts) this.track(fileName, text);
    }
    let program = this.compiler.program();
    const plan = this.plan;
    if (!plan || plan.wrappers?.infer === false) return program;
    for (let round = 0; round < 6; round++) {
      const names = candidateNames(program, [...seedNames(plan.callees)]);
      if (sameNames(names, this.lastWrapperNames)) break;
      this.lastWrapperNames = names;
      const test = this.wrapperNamesTest();
      let added = false;
      for (const [fileName, text] of this.texts) {
        if (this.compiler.isRoot(fileName) || !test?.test(text)) continue;
        this.compiler.addRoot(fileName);
        added = true;
      }
      if (!added) break;
      program = this.compiler.program();
    }
    return program;
  }

  /**
   * Why a file is not analysed (over tracklint.maxFileSize, or nested like generated data), or
   * undefined when it may be. `text` is the file's text when the caller has it at hand.
   */
  skipReason(fileName: string, text?: string): SkipReason | undefined {
    const limit = this.options.maxFileSize;
    const overlay = this.overlays.get(fileName);
    if (limit !== undefined) {
      // Bytes on disk, as the setting says, whenever the host can tell without reading the file.
      const size = overlay?.length ?? this.host.fileSize?.(fileName) ?? text?.length ?? this.host.readFile(fileName)?.length ?? 0;
      if (size > limit) return { kind: 'size', size, limit, setting: 'tracklint.maxFileSize' };
    }
    const content = overlay ?? text ?? this.texts.get(fileName) ?? this.host.readFile(fileName);
    return content !== undefined && this.nestsTooDeep(content) ? { kind: 'nesting' } : undefined;
  }

  /**
   * {@link nestsDeeperThan}, remembered for the last text asked about: one keystroke asks it several
   * times of the same text (the overlay, the validation, each request), and so does a closed file's check.
   */
  private nestsTooDeep(text: string): boolean {
    if (this.lastNesting?.text !== text) this.lastNesting = { text, deep: nestsDeeperThan(text) };
    return this.lastNesting.deep;
  }

  /**
   * The compiler's source file for a path: a root, or a file the roots import. A file that names no
   * analytics call and is imported by none is not in the program: it has nothing to analyse.
   */
  sourceFile(fileName: string): ts.SourceFile | undefined {
    if (!isSourceFileName(fileName) || this.skipReason(fileName) !== undefined) return undefined;
    if (!this.overlays.has(fileName) && !this.texts.has(fileName)) this.track(fileName, this.host.readFile(fileName));
    return this.program().getSourceFile(programPath(fileName));
  }

  /**
   * The source file a request is about, in the program even when it holds no call and nothing in the
   * program imports it: go to definition from a constant works in a file of constants alone.
   */
  requestedSourceFile(fileName: string): ts.SourceFile | undefined {
    const sourceFile = this.sourceFile(fileName);
    if (sourceFile || !this.texts.has(fileName) || this.compiler.isRoot(fileName)) return sourceFile;
    this.compiler.addRoot(fileName);
    return this.program().getSourceFile(programPath(fileName));
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
    return plan ? wrapperInference(program, program.getTypeChecker(), plan) : undefined;
  }

  /**
   * The names of the functions of a file that may be wrappers, from its syntax and the last program's
   * wrapper names: cheap enough for every keystroke (it builds no program).
   */
  wrapperNamesIn(fileName: string): string[] {
    const plan = this.plan;
    if (!plan || plan.wrappers?.infer === false) return [];
    const sourceFile = this.sourceFile(fileName);
    if (!sourceFile) return [];
    const seeds = seedNames(plan.callees);
    const names = new Set<string>();
    for (const fn of candidateFunctions(sourceFile, seeds, this.lastWrapperNames)) for (const name of callableNames(fn)) names.add(name);
    return [...names];
  }

  /** The known source files whose text mentions one of `names`: where a wrapper's call sites may be. */
  filesMentioning(names: Iterable<string>): string[] {
    const test = namesTextTest(names);
    if (!test) return [];
    return this.sourceFileNames().filter((file) => test.test(this.overlays.get(file) ?? this.texts.get(file) ?? ''));
  }

  get severities() {
    return this.options.severities;
  }
}

function sameNames(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((name) => b.has(name));
}
