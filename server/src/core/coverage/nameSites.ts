import type { ts } from '@ts-morph/common';
import type { AnalyticsCall, CallKind } from '../analysis/calls';
import { resolveCallNames, type ResolvedName } from '../analysis/names';
import { rangeOfNode } from '../analysis/ranges';
import type { Range } from '../types';

/** One place where code sends a resolved name: the call's kind, the name and where it is written. */
export interface NameSite {
  file: string;
  kind: CallKind;
  name: ResolvedName;
  /** Range of the name's node in `file`. */
  range: Range;
  /**
   * The call inside a wrapper that forwards the wrapper's parameter: its names (a typed parameter's
   * union) are what the wrapper may send, not what any caller sends.
   */
  forwarding: boolean;
  /** What the call adds around the name as written (a prefixing wrapper's `web.`): `name.value` includes them. */
  prefix: string;
  suffix: string;
}

/** A call whose name the type checker cannot narrow to fixed strings. */
export interface DynamicNameSite {
  file: string;
  kind: CallKind;
  range: Range;
  /** The name's type as the checker prints it (`string`). */
  typeText: string;
}

export interface FileCalls {
  sourceFile: ts.SourceFile;
  calls: AnalyticsCall[];
}

/**
 * Resolves the names of every call of the given files once: the sites of static names and the dynamic
 * ones. Shared by coverage reports (CLI and server) and the server's references, code lenses and
 * unused-event hints. Forwarding calls inside wrappers are never dynamic sites: their callers are judged.
 */
export function collectNameSites(files: Iterable<FileCalls>, checker: ts.TypeChecker): { sites: NameSite[]; dynamic: DynamicNameSite[] } {
  const sites: NameSite[] = [];
  const dynamic: DynamicNameSite[] = [];
  for (const { sourceFile, calls } of files) {
    for (const call of calls) {
      const names = resolveCallNames(call, checker);
      if (!names) continue;
      const file = sourceFile.fileName;
      if (names.kind === 'dynamic') {
        if (!call.forwardedBy) dynamic.push({ file, kind: call.kind, range: rangeOfNode(names.node, sourceFile), typeText: names.typeText });
        continue;
      }
      for (const name of names.names) sites.push({ file, kind: call.kind, name, range: rangeOfNode(name.node, sourceFile), forwarding: !!call.forwardedBy, prefix: call.prefix, suffix: call.suffix });
    }
  }
  return { sites, dynamic };
}
