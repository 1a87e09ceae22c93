import { Document, isMap, isSeq, visit } from 'yaml';
import type { JsonSchema } from '../jsonSchema';
import type { ArgumentRef, CalleeSpec, PlanEntry, PropertiesSpec, TrackingPlan } from '../model';
import { orderedSchema } from './schemaOrder';

/**
 * The model as a native plan document (plain data, keys in a fixed order), so that the same plan
 * always gives the same file whatever format it came from. Settings at their defaults are left out.
 * `$ref`s were resolved when the plan was loaded: their schemas are written in place.
 */
export function nativePlanValue(plan: TrackingPlan): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (plan.name !== undefined) value.name = plan.name;
  const conventions: Record<string, string> = {};
  if (plan.conventions.events !== 'any') conventions.events = plan.conventions.events;
  if (plan.conventions.properties !== 'any') conventions.properties = plan.conventions.properties;
  if (Object.keys(conventions).length) value.conventions = conventions;
  if (Object.keys(plan.rules).length) value.rules = { ...plan.rules };
  if (plan.ignore.length) value.ignore = [...plan.ignore];
  if (plan.events.size) value.events = entriesValue(plan.events);
  for (const section of ['identify', 'group'] as const) {
    const entry = plan[section];
    if (entry) value[section] = { ...(entry.description !== undefined ? { description: entry.description } : {}), ...specValue(entry) };
  }
  if (plan.common) value.common = specValue(plan.common);
  if (plan.pages.size) value.pages = entriesValue(plan.pages);
  if (plan.screens.size) value.screens = entriesValue(plan.screens);
  if (plan.callees.length) value.callees = plan.callees.map(calleeValue);
  if (plan.destinations?.length) value.destinations = [...plan.destinations];
  if (plan.sources?.list.length) value.sources = Object.fromEntries(plan.sources.list.map((source) => [source.name, [...source.globs]]));
  const wrappers = plan.wrappers;
  if (wrappers && (wrappers.infer === false || wrappers.ignore.length)) {
    value.wrappers = { ...(wrappers.infer === false ? { infer: false } : {}), ...(wrappers.ignore.length ? { ignore: [...wrappers.ignore] } : {}) };
  }
  return value;
}

/** The native plan as YAML: `header` lines become comments at the top; small property schemas are written on one line. */
export function nativePlanYaml(plan: TrackingPlan, header: string[] = []): string {
  const document = new Document(nativePlanValue(plan));
  visit(document, {
    Pair(_, pair) {
      // The schema of one property: `order_id: { type: string }` when it holds no nested schema.
      if (isMap(pair.value) && isFlat(pair.value) && pair.value.items.length > 0 && isPropertySchema(pair)) pair.value.flow = true;
      else if (isSeq(pair.value) && pair.value.items.every((item) => !isMap(item) && !isSeq(item)) && pair.value.items.length > 0) pair.value.flow = true;
    },
  });
  if (header.length) document.commentBefore = header.map((line) => ` ${line}`).join('\n');
  return document.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function entriesValue(entries: Map<string, PlanEntry>): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const [name, entry] of entries) {
    const written: Record<string, unknown> = {};
    if (entry.description !== undefined) written.description = entry.description;
    if (entry.deprecated) written.deprecated = true;
    if (entry.replacedBy !== undefined) written.replacedBy = entry.replacedBy;
    if (entry.sources) written.sources = [...entry.sources];
    if (entry.destinations) written.destinations = [...entry.destinations];
    value[name] = { ...written, ...specValue(entry) };
  }
  return value;
}

function specValue(spec: PropertiesSpec): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (spec.properties) value.properties = Object.fromEntries(Object.entries(spec.properties).map(([key, schema]) => [key, orderedSchema(schema)]));
  if (spec.required.length) value.required = [...spec.required];
  if (spec.additionalProperties !== undefined) {
    value.additionalProperties = typeof spec.additionalProperties === 'boolean' ? spec.additionalProperties : orderedSchema(spec.additionalProperties as JsonSchema);
  }
  return value;
}

function calleeValue(callee: CalleeSpec): Record<string, unknown> {
  const ref = (r: ArgumentRef | undefined) => (r === undefined ? undefined : r.field === undefined ? r.arg : { arg: r.arg, field: r.field });
  const value: Record<string, unknown> = { callee: callee.callee };
  if (callee.kind !== 'track') value.kind = callee.kind;
  if (callee.event) value.event = ref(callee.event);
  if (callee.properties) value.properties = ref(callee.properties);
  if (callee.prefix !== undefined) value.prefix = callee.prefix;
  if (callee.suffix !== undefined) value.suffix = callee.suffix;
  return value;
}

/** A map whose values are all scalars or flat lists. */
function isFlat(map: { items: { value: unknown }[] }): boolean {
  return map.items.every(({ value }) => !isMap(value) && !(isSeq(value) && value.items.some((item) => isMap(item) || isSeq(item))));
}

/** Whether a pair sits in a `properties:` map (its value is a property's schema), not at a section's own level. */
function isPropertySchema(pair: { value: unknown }): boolean {
  return isMap(pair.value) && pair.value.items.some((item) => ['type', 'enum', 'const', 'format', 'pattern', '$ref'].includes(String((item.key as { value?: unknown })?.value)));
}
