import type { JsonSchema } from '../jsonSchema';
import type { PlanEntry, PropertiesSpec, TrackingPlan } from '../model';
import { orderedSchema } from './schemaOrder';

/** One rule as Segment's Public API takes it (createTrackingPlan / replaceRulesInTrackingPlan) and lists it. */
export interface SegmentRule {
  key?: string;
  type: 'TRACK' | 'IDENTIFY' | 'GROUP' | 'PAGE' | 'SCREEN' | 'COMMON';
  version: number;
  jsonSchema: JsonSchema;
  deprecatedAt?: string;
}

export interface SegmentRulesExport {
  rules: SegmentRule[];
  /** What the plan says that Segment rules have no place for, one line each, for the user to read. */
  notExported: string[];
}

/**
 * The plan as Segment Public API rules: each event, page and screen a rule keyed by its name, identify and
 * group a rule with the traits at `jsonSchema.properties.traits`, the common properties a COMMON rule.
 * `deprecatedAt` marks deprecated events (Segment keeps the date; the caller says which).
 */
export function segmentRules(plan: TrackingPlan, options: { deprecatedAt: string }): SegmentRulesExport {
  const rules: SegmentRule[] = [];
  const notExported: string[] = [];
  const named = (type: SegmentRule['type'], entries: Map<string, PlanEntry>) => {
    for (const [name, entry] of entries) {
      const rule: SegmentRule = { key: name, type, version: 1, jsonSchema: envelope(entry, 'properties', entry.description) };
      if (entry.deprecated) rule.deprecatedAt = options.deprecatedAt;
      if (entry.replacedBy !== undefined) notExported.push(`replacedBy of '${name}' (${entry.replacedBy})`);
      rules.push(rule);
    }
  };
  named('TRACK', plan.events);
  for (const type of ['IDENTIFY', 'GROUP'] as const) {
    const entry = plan[type === 'IDENTIFY' ? 'identify' : 'group'];
    if (entry) rules.push({ type, version: 1, jsonSchema: envelope(entry, 'traits', entry.description) });
  }
  named('PAGE', plan.pages);
  named('SCREEN', plan.screens);
  if (plan.common) rules.push({ type: 'COMMON', version: 1, jsonSchema: envelope(plan.common, 'properties') });

  if (plan.conventions.events !== 'any' || plan.conventions.properties !== 'any') notExported.push('conventions');
  if (Object.keys(plan.rules).length) notExported.push('rules (severities)');
  if (plan.callees.length) notExported.push('callees');
  if (plan.wrappers && (plan.wrappers.infer === false || plan.wrappers.ignore.length)) notExported.push('wrappers');
  if (plan.ignore.length) notExported.push('ignore');
  if (plan.name !== undefined) notExported.push('name (a rules list has none; it is the tracking plan\'s own)');
  return { rules, notExported };
}

/** Segment's schema of a whole call: the object schema of the properties (or traits) under `properties.<slot>`. */
function envelope(spec: PropertiesSpec, slot: 'properties' | 'traits', description?: string): JsonSchema {
  const inner: JsonSchema = { type: 'object' };
  if (spec.properties) inner.properties = Object.fromEntries(Object.entries(spec.properties).map(([key, schema]) => [key, orderedSchema(schema)]));
  if (spec.required.length) inner.required = [...spec.required];
  if (spec.additionalProperties !== undefined) {
    inner.additionalProperties = typeof spec.additionalProperties === 'boolean' ? spec.additionalProperties : orderedSchema(spec.additionalProperties as JsonSchema);
  }
  const schema: JsonSchema = { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' };
  if (description !== undefined) schema.description = description;
  schema.properties = { context: {}, traits: {}, properties: {}, [slot]: inner };
  return schema;
}
