import * as path from 'node:path';
import { calleeEntryYaml, type CalleeCandidate } from '../../core/analysis/calleeCandidates';
import type { ArgumentRef } from '../../core/plan/model';

/** `tracklint wrappers --candidates --format json`: one object per candidate, the entry ready to paste. */
export function candidatesJson(candidates: CalleeCandidate[]): string {
  const json = candidates.map((c) => ({
    callee: c.callee,
    file: c.file,
    line: c.line + 1,
    column: c.character + 1,
    event: c.event,
    properties: c.properties ?? null,
    reason: c.reason,
    planNames: c.planNames,
    callSites: c.callSites,
    entry: calleeEntryYaml(c.spec),
  }));
  return `${JSON.stringify(json, null, 2)}\n`;
}

export function candidatesTable(candidates: CalleeCandidate[], cwd: string): string {
  if (!candidates.length) return 'No candidate wrappers found: every call that looks like tracking is already checked.\n';
  const header = ['Callee', 'Location', 'Calls', 'Why', 'callees: entry'];
  const rows = candidates.map((c) => [
    c.callee,
    `${path.relative(cwd, c.file) || c.file}:${c.line + 1}`,
    String(c.callSites),
    c.reason === 'plan-names' ? `${c.planNames.length} event names in ${slot(c.event)}` : `named like tracking, name in ${slot(c.event)}`,
    calleeEntryYaml(c.spec),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const count = `${candidates.length} candidate${candidates.length === 1 ? '' : 's'}`;
  return `${lines.join('\n')}\n\n${count}. tracklint does not check these calls: paste an entry under the plan's callees: to check them.\n`;
}

function slot(ref: ArgumentRef): string {
  return ref.field === undefined ? `arg ${ref.arg}` : `arg ${ref.arg} .${ref.field}`;
}
