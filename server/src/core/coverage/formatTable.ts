import { KIND_LABEL, plannedSourcesText, plannedStatus, plural, siteLocation, summaryLine, UNASSIGNED_LABEL } from './describe';
import type { CoverageReport } from './report';

export interface CoverageFormatOptions {
  /** Paths are shown relative to this folder. */
  relativeTo: string;
  /** List every call site of every planned name, not just the counts. */
  verbose?: boolean;
}

/** The coverage report as plain-text tables for a terminal. */
export function formatCoverageTable(report: CoverageReport, { relativeTo, verbose }: CoverageFormatOptions): string {
  const bySource = report.sources.length > 0;
  const header = ['Kind', 'Name', 'Calls', ...(bySource ? [...report.sources, UNASSIGNED_LABEL] : []), 'Planned for', 'Status'];
  const rows = report.planned.map((p) => [
    KIND_LABEL[p.kind],
    p.name,
    String(p.sites.length),
    ...(bySource ? [...report.sources.map((s) => String(p.bySource[s])), String(p.unassigned)] : []),
    plannedSourcesText(p),
    plannedStatus(p),
  ]);
  const numeric = new Set([2, ...(bySource ? report.sources.map((_, i) => 3 + i).concat(3 + report.sources.length) : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [line(header), line(widths.map((w) => '-'.repeat(w)))];
  report.planned.forEach((p, i) => {
    out.push(line(rows[i]));
    if (verbose) for (const site of p.sites) out.push(`    ${siteLocation(site, relativeTo)}${site.source ? ` (${site.source})` : ''}`);
  });

  const unplannedCalls = report.unplanned.reduce((n, u) => n + u.sites.length, 0);
  out.push('', `Not in the plan: ${report.unplanned.length ? `${plural(report.unplanned.length, 'name')}, ${plural(unplannedCalls, 'call')}` : 'none'}`);
  for (const u of report.unplanned) {
    out.push(`  ${KIND_LABEL[u.kind]} '${u.name}' (${plural(u.sites.length, 'call')})`);
    for (const site of u.sites) out.push(`    ${siteLocation(site, relativeTo)}`);
  }
  out.push('', `Dynamic names (cannot be resolved statically): ${report.dynamic.length || 'none'}`);
  for (const d of report.dynamic) out.push(`  ${siteLocation(d, relativeTo)}  ${KIND_LABEL[d.kind].toLowerCase()} name of type '${d.typeText}'`);
  out.push('', summaryLine(report), '');
  return out.join('\n');
}
