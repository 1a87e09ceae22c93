import * as path from 'node:path';
import { findAnalyticsCalls } from '../../core/analysis/calls';
import { wrapperInference } from '../../core/analysis/wrappers';
import { checkSourceFile, effectiveSeverity } from '../../core/check';
import { collectNameSites } from '../../core/coverage/nameSites';
import { skippedFileFinding, splitSkipped } from '../../core/fileSize';
import { loadPlan } from '../../core/plan/load';
import type { TrackingPlan } from '../../core/plan/model';
import { diskFiles, ProgramHost, programPath } from '../../core/program/programHost';
import type { Finding } from '../../core/types';
import { addProgramRoots, isInsideAnyFolder, limitProgramToCallDependencies, workspaceCompilerOptions } from '../../core/workspace';
import type { WorkspaceHost } from '../analysisWorkspace';
import { siteKey } from '../callSites';
import type { ClosedFileBatch, ClosedFileCheckRequest, ClosedFileCheckResult } from './protocol';

/** Findings are handed over in batches of this many files, so the Problems panel fills as the check goes. */
const BATCH_FILES = 50;

/**
 * The check of a folder's closed files, as the CLI checks a workspace (only the files that may hold
 * calls, and what their calls depend on), kept between checks: a re-check after a plan edit or a save
 * re-reads only what changed. It runs in a worker thread, so nothing here ever waits on a request.
 */
export class ClosedFileSession {
  private readonly texts = new Map<string, string | undefined>();
  private readonly compiler: ProgramHost;
  private overlays = new Set<string>();
  private plan?: { key: string; plan: TrackingPlan };

  constructor(
    private readonly root: string,
    private readonly host: WorkspaceHost,
  ) {
    const readFile = (fileName: string) => {
      const key = path.normalize(fileName);
      if (!this.texts.has(key)) this.texts.set(key, host.readFile(key));
      return this.texts.get(key);
    };
    this.compiler = new ProgramHost(workspaceCompilerOptions(host.findTsConfig(root)), { ...diskFiles, readFile, currentDirectory: root });
  }

  async check(request: ClosedFileCheckRequest, control: { isCancelled(): boolean; onBatch(batch: ClosedFileBatch): void }): Promise<ClosedFileCheckResult | undefined> {
    const plan = this.planFor(request);
    if (!plan) return { files: [], failed: [], siteCounts: [] };
    this.applyChanges(request);
    const excluded = request.excludedFolders ?? [];
    const listed = await this.host.listSourceFiles(this.root, plan.ignore ?? []);
    const files = excluded.length ? listed.filter((file) => !isInsideAnyFolder(excluded, file)) : listed;
    if (control.isCancelled()) return undefined;
    // A file the check of which fails is reported and left out; the others are checked all the same.
    const failures = new Map<string, string>();
    const guarded = <T>(file: string, work: () => T): T | undefined => {
      try {
        return work();
      } catch (error) {
        failures.set(file, error instanceof Error ? (error.stack ?? error.message) : String(error));
        return undefined;
      }
    };
    const split = splitSkipped(files, {
      limit: request.maxFileSize,
      setting: 'tracklint.maxFileSize',
      sizeOf: (file) => (this.overlays.has(file) ? undefined : guarded(file, () => this.host.fileSize?.(file))),
      readText: (file) => this.compiler.readText(file),
    });
    const analysed = split.analysed.filter((file) => !failures.has(file));
    const { skipped } = split;
    const closed = files.filter((file) => !this.overlays.has(file));
    const skippedSeverity = effectiveSeverity('file-too-large', plan, request.severities);
    const findings = new Map<string, Finding[]>();
    for (const [file, reason] of skipped) findings.set(file, skippedSeverity === 'off' ? [] : [skippedFileFinding(file, reason, skippedSeverity)]);

    // Open files are roots too, unchecked: a wrapper one of them defines is followed at its closed call sites.
    const { roots, wrapperNames } = addProgramRoots(this.compiler, plan, analysed);
    // Roots stay from check to check; those deleted, ignored or skipped since leave.
    const rootKeys = new Set([...roots].map(programPath));
    for (const root of this.compiler.rootNames()) if (!rootKeys.has(root)) this.compiler.removeRoot(root);
    // The gate stays set between checks: a re-check whose calls depend on the same files reuses the program.
    limitProgramToCallDependencies(this.compiler, plan, roots, wrapperNames, analysed);
    const program = this.compiler.program();
    const checker = program.getTypeChecker();
    const wrappers = wrapperInference(program, checker, plan);
    const siteCounts: ClosedFileCheckResult['siteCounts'] = [];
    let batch: ClosedFileBatch = { results: [], failures: [], done: 0, total: closed.length };
    for (let i = 0; i < closed.length; i++) {
      if (control.isCancelled()) return undefined;
      const file = closed[i];
      const sourceFile = roots.has(file) && !failures.has(file) ? this.compiler.sourceFile(file) : undefined;
      if (sourceFile) {
        guarded(file, () => {
          findings.set(file, checkSourceFile({ plan, sourceFile, checker, program, severities: request.severities }));
          const { sites } = collectNameSites([{ sourceFile, calls: findAnalyticsCalls(sourceFile, checker, plan.callees, wrappers) }], checker);
          // As the editor's own index counts them: a wrapper's forwarding call is no call site, its callers are.
          const keys = sites.filter((site) => !site.forwarding).map((site) => siteKey(site.kind, site.name.value));
          if (keys.length) siteCounts.push([file, countByKey(keys)]);
        });
      }
      const failure = failures.get(file);
      if (failure === undefined) batch.results.push([file, findings.get(file) ?? []]);
      else batch.failures.push([file, failure]);
      if (batch.results.length + batch.failures.length === BATCH_FILES || i === closed.length - 1) {
        control.onBatch({ ...batch, done: i + 1 });
        batch = { results: [], failures: [], done: 0, total: closed.length };
      }
    }
    return { files: closed, failed: closed.filter((file) => failures.has(file)), siteCounts };
  }

  /** The plan of the request, loaded once per text and callees (a re-check after a save reuses it). */
  private planFor(request: ClosedFileCheckRequest): TrackingPlan | undefined {
    const key = `${request.planFile}\0${request.planText}\0${JSON.stringify(request.extraCallees ?? [])}`;
    if (this.plan?.key !== key) {
      const loaded = loadPlan(request.planFile, request.planText).plan;
      if (!loaded) return undefined;
      const plan = request.extraCallees?.length ? { ...loaded, callees: [...loaded.callees, ...request.extraCallees] } : loaded;
      this.plan = { key, plan };
    }
    return this.plan.plan;
  }

  /** Lays the open documents over the disk, drops those closed since, and forgets what changed on disk. */
  private applyChanges(request: ClosedFileCheckRequest): void {
    for (const fileName of request.changedOnDisk) {
      const key = path.normalize(fileName);
      const known = this.texts.has(key);
      this.texts.delete(key);
      this.compiler.fileChangedOnDisk(key, this.host.fileExists(key) ? (known ? 'changed' : 'created') : 'deleted');
    }
    const open = new Set(request.overlays.map(([fileName]) => path.normalize(fileName)));
    for (const fileName of this.overlays) if (!open.has(fileName)) this.compiler.deleteText(fileName);
    for (const [fileName, text] of request.overlays) this.compiler.setText(path.normalize(fileName), text);
    this.overlays = open;
  }
}

function countByKey(keys: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts];
}
