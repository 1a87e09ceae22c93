import { NativePlanSchema, toCalleeSpec } from '../nativeSchema';
import { emptyPlan, type PlanEntry, type PlanEntryKind, type PlanPath, type PropertiesSpec, type TrackingPlan } from '../model';
import { isRecord, normalizeSchema, propertiesSpecFromObjectSchema, type PlanFormatLoader } from './format';
import type { JsonSchema } from '../jsonSchema';
import { checkEventDestinations } from '../destinationChecks';
import { readNativeSources } from './nativeSources';

// Keys only a native plan has at its top level; a plan may start with just a name and grow from there.
const NATIVE_KEYS = ['events', 'conventions', 'identify', 'group', 'pages', 'screens', 'callees', 'wrappers', 'common', 'name', 'ignore', 'destinations', 'sources'];

export const nativeFormat: PlanFormatLoader = {
  format: 'native',
  detect(value) {
    if (!isRecord(value)) return false;
    if (isRecord(value.events)) return true;
    return NATIVE_KEYS.some((k) => k in value) && !Array.isArray(value.events) && !('display_name' in value) && !Array.isArray(value.rules);
  },
  load(value, context) {
    const parsed = NativePlanSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        if (issue.code === 'unrecognized_keys') {
          for (const key of issue.keys) context.report([...path, key], zodMessage(issue, path, key), 'key');
        } else context.report(path, zodMessage(issue, path), 'value');
      }
      return undefined;
    }
    const data = parsed.data;
    const plan = emptyPlan('native');
    plan.name = data.name;
    plan.conventions = {
      events: data.conventions?.events ?? 'any',
      properties: data.conventions?.properties ?? 'any',
    };
    plan.rules = { ...data.rules };
    plan.ignore = data.ignore ?? [];
    plan.callees = (data.callees ?? []).map(toCalleeSpec);
    plan.destinations = data.destinations;
    plan.wrappers = { infer: data.wrappers?.infer ?? true, ignore: data.wrappers?.ignore ?? [] };
    const entries = (section: 'events' | 'pages' | 'screens', kind: PlanEntryKind, target: Map<string, PlanEntry>) => {
      for (const [name, entry] of Object.entries(data[section] ?? {})) {
        const path: PlanPath = [section, name];
        target.set(name, {
          kind,
          name,
          ...spec(entry ?? {}, path),
          description: entry?.description,
          deprecated: entry?.deprecated,
          replacedBy: entry?.replacedBy,
          destinations: entry?.destinations,
          sources: entry?.sources,
          path,
        });
      }
    };
    entries('events', 'track', plan.events);
    entries('pages', 'page', plan.pages);
    entries('screens', 'screen', plan.screens);
    for (const section of ['identify', 'group'] as const) {
      const entry = data[section];
      if (entry === undefined) continue;
      plan[section] = {
        kind: section,
        name: '',
        ...spec(entry ?? {}, [section]),
        description: entry?.description,
        path: [section],
      };
    }
    if (data.common) plan.common = spec(data.common, ['common']);
    plan.sources = readNativeSources(data.sources, plan, context);
    for (const [name, entry] of plan.events) {
      if (entry.replacedBy !== undefined && !plan.events.has(entry.replacedBy)) {
        context.report([...entry.path, 'replacedBy'], `Event '${name}' is replaced by '${entry.replacedBy}', which is not in the plan.`);
      }
    }
    checkEventDestinations(plan, context.report);
    return plan;
  },
};

/** The properties of the entry at `path`; its `$ref`s point into the whole plan (`#/definitions/…`). */
function spec(entry: { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown }, path: PlanPath): PropertiesSpec {
  const result = propertiesSpecFromObjectSchema({
    properties: entry.properties as Record<string, JsonSchema> | undefined,
    required: entry.required,
    additionalProperties: isRecord(entry.additionalProperties)
      ? normalizeSchema(entry.additionalProperties as JsonSchema)
      : (entry.additionalProperties as boolean | undefined),
  });
  return { ...result, propertiesPath: [...path, 'properties'], schemaRoot: [] };
}

function zodMessage(issue: { message: string }, path: PlanPath, unknownKey?: string): string {
  const where = path.length ? `in '${path.join('.')}'` : 'at the top level';
  if (unknownKey !== undefined) return `Unknown key '${unknownKey}' ${where}.`;
  return `${issue.message} ${where}.`;
}
