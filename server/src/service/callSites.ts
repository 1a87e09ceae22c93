import type { ts } from 'ts-morph';
import type { Range } from 'vscode-languageserver-types';
import type { AnalyticsCall } from '../core/analysis/calls';
import { resolveNames, type ResolvedName } from '../core/analysis/names';
import { rangeOfNode } from '../core/analysis/ranges';
import type { AnalysisWorkspace } from './analysisWorkspace';

/** One place where code sends a name: the call, the resolved name and where it is written. */
export interface CallSite {
  file: string;
  kind: AnalyticsCall['kind'];
  name: ResolvedName;
  /** Range of the name's node in `file`. */
  range: Range;
}

const indexCache = new WeakMap<ts.Program, Map<string, CallSite[]>>();

/**
 * Every call site in the workspace, by `kind:name` (`track:Order Completed`). Built once per program,
 * so references, code lenses and unused-event hints share one pass over the files.
 */
export function callSiteIndex(workspace: AnalysisWorkspace): Map<string, CallSite[]> {
  const program = workspace.program();
  const cached = indexCache.get(program);
  if (cached) return cached;
  const checker = program.getTypeChecker();
  const index = new Map<string, CallSite[]>();
  for (const fileName of workspace.analysedFileNames()) {
    const sourceFile = workspace.sourceFile(fileName);
    if (!sourceFile) continue;
    for (const call of workspace.calls(sourceFile)) {
      if (!call.name) continue;
      const names = resolveNames(call.name, checker, call.prefix, call.suffix);
      if (names.kind !== 'static') continue;
      for (const name of names.names) {
        const key = siteKey(call.kind, name.value);
        const sites = index.get(key) ?? [];
        sites.push({ file: sourceFile.fileName, kind: call.kind, name, range: rangeOfNode(name.node, sourceFile) });
        index.set(key, sites);
      }
    }
  }
  indexCache.set(workspace.program(), index);
  return index;
}

export function siteKey(kind: AnalyticsCall['kind'], name: string): string {
  return `${kind}:${name}`;
}
