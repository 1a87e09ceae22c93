import type { PlanEntry, TrackingPlan } from '../plan/model';
import { sourceOfFile } from '../plan/sources';
import type { Range } from '../types';
import type { DynamicNameSite, NameSite } from './nameSites';

/** The calls whose names a plan lists: events always, pages and screens when the plan has any. */
export type CoveredKind = 'track' | 'page' | 'screen';

export interface CoverageSite {
  file: string;
  range: Range;
  /** The plan source the file belongs to; undefined when it matches none (or the plan declares none). */
  source?: string;
}

export interface PlannedCoverage {
  kind: CoveredKind;
  name: string;
  deprecated: boolean;
  /** The sources the plan lists for it; undefined: any. */
  plannedSources?: string[];
  sites: CoverageSite[];
  /** Call sites per declared source (every declared source is a key, 0 included). */
  bySource: Record<string, number>;
  /** Call sites in files that belong to no declared source. */
  unassigned: number;
  /** Call sites in files of a source the entry is not planned for (each an event-source finding). */
  offSource: number;
}

export interface UnplannedCoverage {
  kind: CoveredKind;
  name: string;
  sites: CoverageSite[];
}

export interface DynamicCoverage extends CoverageSite {
  kind: CoveredKind;
  typeText: string;
}

/** Which plan names the code sends, where from, and what it sends that the plan does not know. */
export interface CoverageReport {
  /** The plan's declared sources, in its order. */
  sources: string[];
  /** Every plan event (then page, then screen) in the plan's order, with its call sites. */
  planned: PlannedCoverage[];
  /** Names sent that the plan does not list, by kind then name. */
  unplanned: UnplannedCoverage[];
  /** Calls whose names cannot be resolved statically. */
  dynamic: DynamicCoverage[];
}

/**
 * Builds the coverage report from the name sites of the analysed files (see collectNameSites).
 * Forwarding calls inside wrappers are left out: their callers' names are counted instead.
 */
export function buildCoverage(plan: TrackingPlan, sites: NameSite[], dynamic: DynamicNameSite[]): CoverageReport {
  const kinds = coveredKinds(plan);
  const sources = plan.sources?.list.map((s) => s.name) ?? [];
  const byKey = new Map<string, CoverageSite[]>();
  for (const site of sites) {
    if (site.forwarding || !isCovered(site.kind, kinds) || site.name.value === '') continue;
    const key = `${site.kind}:${site.name.value}`;
    const list = byKey.get(key) ?? [];
    list.push(located(plan, site.file, site.range));
    byKey.set(key, list);
  }
  const planned: PlannedCoverage[] = [];
  for (const kind of kinds) {
    for (const entry of entriesOf(plan, kind).values()) {
      const found = sortSites(byKey.get(`${kind}:${entry.name}`) ?? []);
      byKey.delete(`${kind}:${entry.name}`);
      planned.push(plannedCoverage(kind, entry, found, sources));
    }
  }
  const unplanned: UnplannedCoverage[] = [...byKey].map(([key, found]) => {
    const kind = key.slice(0, key.indexOf(':')) as CoveredKind;
    return { kind, name: key.slice(kind.length + 1), sites: sortSites(found) };
  });
  unplanned.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || a.name.localeCompare(b.name));
  const dynamicSites = sortSites(
    dynamic.filter((d) => isCovered(d.kind, kinds)).map((d) => ({ ...located(plan, d.file, d.range), kind: d.kind as CoveredKind, typeText: d.typeText })),
  );
  return { sources, planned, unplanned, dynamic: dynamicSites };
}

/** Planned names no code sends; deprecated ones are left out (not sending them is the point). */
export function neverSent(report: CoverageReport): PlannedCoverage[] {
  return report.planned.filter((p) => p.sites.length === 0 && !p.deprecated);
}

function coveredKinds(plan: TrackingPlan): CoveredKind[] {
  return ['track', ...(plan.pages.size ? (['page'] as const) : []), ...(plan.screens.size ? (['screen'] as const) : [])];
}

function isCovered(kind: string, kinds: CoveredKind[]): kind is CoveredKind {
  return (kinds as string[]).includes(kind);
}

function entriesOf(plan: TrackingPlan, kind: CoveredKind): Map<string, PlanEntry> {
  return kind === 'track' ? plan.events : kind === 'page' ? plan.pages : plan.screens;
}

function located(plan: TrackingPlan, file: string, range: Range): CoverageSite {
  const source = sourceOfFile(plan.sources, file);
  return source === undefined ? { file, range } : { file, range, source };
}

function plannedCoverage(kind: CoveredKind, entry: PlanEntry, sites: CoverageSite[], sources: string[]): PlannedCoverage {
  const bySource = Object.fromEntries(sources.map((s) => [s, 0]));
  let unassigned = 0;
  let offSource = 0;
  for (const site of sites) {
    if (site.source === undefined) unassigned++;
    else {
      bySource[site.source]++;
      if (entry.sources && !entry.sources.includes(site.source)) offSource++;
    }
  }
  const result: PlannedCoverage = { kind, name: entry.name, deprecated: !!entry.deprecated, sites, bySource, unassigned, offSource };
  if (entry.sources) result.plannedSources = entry.sources;
  return result;
}

function sortSites<T extends CoverageSite>(sites: T[]): T[] {
  return sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
