import * as path from 'node:path';
import type { ts } from '@ts-morph/common';
import type { AnalyticsCall } from '../core/analysis/calls';
import { collectNameSites, type DynamicNameSite, type FileCalls, type NameSite } from '../core/coverage/nameSites';
import type { AnalysisWorkspace } from './analysisWorkspace';

/** One place where code sends a name: the call, the resolved name and where it is written. */
export type CallSite = NameSite;

export interface WorkspaceNameSites {
  /** Every static name's sites, by `kind:name` (`track:Order Completed`); not the forwarding calls inside wrappers. */
  index: Map<string, CallSite[]>;
  /** Calls whose names cannot be resolved. */
  dynamic: DynamicNameSite[];
}

const cache = new WeakMap<ts.Program, WorkspaceNameSites>();

/**
 * Every call site in the workspace's analysed files, built once per program, so references, code lenses,
 * unused-event hints and the coverage report share one pass over the files.
 */
export function workspaceNameSites(workspace: AnalysisWorkspace): WorkspaceNameSites {
  const program = workspace.program();
  const cached = cache.get(program);
  if (cached) return cached;
  const files: FileCalls[] = [];
  for (const fileName of workspace.analysedFileNames()) {
    const sourceFile = workspace.sourceFile(fileName);
    if (sourceFile) files.push({ sourceFile, calls: workspace.calls(sourceFile) });
  }
  const { sites, dynamic } = collectNameSites(files, program.getTypeChecker());
  const index = new Map<string, CallSite[]>();
  for (const site of sites) {
    // A wrapper's own forwarding call is no call site: its callers are (as in the coverage report).
    if (site.forwarding) continue;
    const key = siteKey(site.kind, site.name.value);
    const list = index.get(key) ?? [];
    list.push(site);
    index.set(key, list);
  }
  const result = { index, dynamic };
  cache.set(workspace.program(), result);
  return result;
}

/** Every call site in the workspace, by `kind:name` (`track:Order Completed`). */
export function callSiteIndex(workspace: AnalysisWorkspace): Map<string, CallSite[]> {
  return workspaceNameSites(workspace).index;
}

/**
 * How many call sites each `kind:name` has in the folder: from this thread's program where it read the
 * file (open files, or every file once the folder was read here), else from the last check of the closed
 * files in another thread.
 */
export function callSiteCounts(workspace: AnalysisWorkspace): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string, count: number) => counts.set(key, (counts.get(key) ?? 0) + count);
  const closed = workspace.isScanned ? undefined : workspace.closedFileSites;
  const countedElsewhere = (file: string) => closed !== undefined && !workspace.hasOverlay(file) && closed.files.has(file);
  for (const [key, sites] of callSiteIndex(workspace)) for (const site of sites) if (!countedElsewhere(path.normalize(site.file))) add(key, 1);
  for (const [file, fileCounts] of closed?.counts ?? []) if (countedElsewhere(file)) for (const [key, count] of fileCounts) add(key, count);
  return counts;
}

export function siteKey(kind: AnalyticsCall['kind'], name: string): string {
  return `${kind}:${name}`;
}
