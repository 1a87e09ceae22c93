import * as path from 'node:path';
import { neverSent, type CoverageReport, type CoverageSite, type CoveredKind, type PlannedCoverage } from './report';

/** Words and numbers the coverage formats (table, markdown) share, so they never disagree. */

export const KIND_LABEL: Record<CoveredKind, string> = { track: 'Event', page: 'Page', screen: 'Screen' };

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `src/pages/cart.ts:8:14`, relative to `relativeTo` with `/` separators, 1-based. */
export function siteLocation(site: CoverageSite, relativeTo: string): string {
  const file = path.relative(relativeTo, site.file).split(path.sep).join('/') || site.file;
  return `${file}:${site.range.start.line + 1}:${site.range.start.character + 1}`;
}

/** The status of a planned name, in a few words. */
export function plannedStatus(entry: PlannedCoverage): string {
  if (entry.deprecated) return entry.sites.length ? 'deprecated, still sent' : 'deprecated';
  if (!entry.sites.length) return 'never sent';
  return entry.offSource ? `sent, ${plural(entry.offSource, 'call')} off-source (event-source)` : 'sent';
}

export function plannedSourcesText(entry: PlannedCoverage): string {
  return entry.plannedSources ? entry.plannedSources.join(', ') || '—' : 'any';
}

/** The column heading for calls in files of no declared source. */
export const UNASSIGNED_LABEL = 'no source';

export interface CoverageTotals {
  planned: number;
  sent: number;
  neverSent: number;
  unplanned: number;
  dynamic: number;
}

/** Deprecated names count neither as planned nor as sent: the plan wants them gone. */
export function coverageTotals(report: CoverageReport): CoverageTotals {
  const live = report.planned.filter((p) => !p.deprecated);
  return {
    planned: live.length,
    sent: live.filter((p) => p.sites.length > 0).length,
    neverSent: neverSent(report).length,
    unplanned: report.unplanned.length,
    dynamic: report.dynamic.length,
  };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '100%' : `${Math.round((part / whole) * 100)}%`;
}

/** One line: `6 of 9 planned names sent (67%); 3 never sent; 3 names not in the plan; 1 dynamic name.` */
export function summaryLine(report: CoverageReport): string {
  const t = coverageTotals(report);
  return `${t.sent} of ${plural(t.planned, 'planned name')} sent (${percent(t.sent, t.planned)}); ${t.neverSent} never sent; ${plural(t.unplanned, 'name')} not in the plan; ${plural(t.dynamic, 'dynamic name')}.`;
}
