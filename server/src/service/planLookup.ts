import type { JsonSchema } from '../core/plan/jsonSchema';
import type { PlanEntry, TrackingPlan } from '../core/plan/model';
import type { CallKind } from '../core/analysis/calls';

/** The plan entries a call of this kind may name (events for track, pages for page...). */
export function namedEntriesFor(plan: TrackingPlan, kind: CallKind): Map<string, PlanEntry> | undefined {
  if (kind === 'track') return plan.events;
  if (kind === 'page') return plan.pages;
  if (kind === 'screen') return plan.screens;
  return undefined;
}

/** The entry whose properties a call sends: the named event, or identify/group traits. */
export function entryForCall(plan: TrackingPlan, kind: CallKind, name: string | undefined): PlanEntry | undefined {
  if (kind === 'identify') return plan.identify;
  if (kind === 'group') return plan.group;
  return name === undefined ? undefined : namedEntriesFor(plan, kind)?.get(name);
}

export function ownerLabel(entry: PlanEntry): string {
  if (entry.kind === 'identify') return 'identify traits';
  if (entry.kind === 'group') return 'group traits';
  return `${entry.kind === 'track' ? 'event' : entry.kind} '${entry.name}'`;
}

/** Properties (with common ones for track events) and required keys at a nested path of an entry. */
export function propertiesAt(plan: TrackingPlan, entry: PlanEntry, path: string[]): { properties: Record<string, JsonSchema>; required: string[] } | undefined {
  let properties: Record<string, JsonSchema> = { ...(entry.kind === 'track' ? plan.common?.properties : {}), ...(entry.properties ?? {}) };
  let required = [...(entry.kind === 'track' ? plan.common?.required ?? [] : []), ...entry.required];
  for (const key of path) {
    const schema = properties[key];
    if (!schema?.properties) return undefined;
    properties = schema.properties;
    required = Array.isArray(schema.required) ? schema.required : [];
  }
  return { properties, required };
}

/**
 * What a call site writes for a planned name when its wrapper adds a prefix or suffix
 * (`trackEvent('Order Completed')` sends `app.Order Completed`); undefined when the name cannot be sent that way.
 */
export function withoutAffixes(name: string, prefix: string, suffix: string): string | undefined {
  if (!prefix && !suffix) return name;
  if (name.length < prefix.length + suffix.length || !name.startsWith(prefix) || !name.endsWith(suffix)) return undefined;
  return name.slice(prefix.length, name.length - suffix.length);
}
