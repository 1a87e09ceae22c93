import type { JsonSchema } from '../jsonSchema';
import type { PlanEntry, PlanEntryKind, PlanPath, PropertiesSpec, TrackingPlan } from '../model';
import { isRecord, propertiesSpecFromObjectSchema, type FormatContext } from './format';

/**
 * What the Segment-family formats (Public API rules, Typewriter plan.json, Config API events,
 * community YAML, the minimal `events: [...]` list) have in common: a list of rules, each naming
 * an event (or identify/group/common), carrying an object JSON Schema somewhere inside it,
 * possibly at several versions. This module turns such a list into plan entries.
 */

export type RuleKind = PlanEntryKind | 'common';

export const SEGMENT_RULE_TYPES: Record<string, RuleKind> = {
  TRACK: 'track',
  IDENTIFY: 'identify',
  GROUP: 'group',
  PAGE: 'page',
  SCREEN: 'screen',
  COMMON: 'common',
};
const SEGMENT_TYPE_LIST = 'TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON';

/** How one format reads its rules. */
export interface RuleReader {
  /** What one element of the list is called in messages: 'rule' or 'event'. */
  noun: 'rule' | 'event';
  /** The shape of an element, for messages: `{ key, type, jsonSchema }`. */
  shape: string;
  /** Whether elements carry a Segment `type` (TRACK, IDENTIFY...). Without it every element is a track event. */
  typed: boolean;
  /** The key that holds the event name: `key` or `name`. */
  nameKey: string;
  /** The event name, when it is written somewhere else than `nameKey` (Typewriter's `eventMetadata.name`). */
  name?(rule: Record<string, unknown>): unknown;
  /** Keys from the rule to the object schema of its properties (or traits); [] when the rule itself is that schema. */
  schemaKeys(rule: Record<string, unknown>, kind: RuleKind): string[];
  description(rule: Record<string, unknown>): unknown;
  /**
   * Whether an empty `properties: {}` means "no properties planned" (any accepted) rather than "none allowed".
   * Typewriter writes `{}` for a rule whose schema had no `properties` at all.
   */
  emptyMeansUnplanned?(rule: Record<string, unknown>): boolean;
}

/** `rules[3].jsonSchema.properties`: a path as a person reads it. */
export function formatPath(path: PlanPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text || 'the top level';
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  return `a ${typeof value}`;
}

/** Segment writes "not deprecated" as the zero date `0001-01-01T00:00:00Z`; any other date means deprecated. */
export function isDeprecatedAt(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '' && !value.startsWith('0001-01-01');
}

/**
 * Segment's editor sometimes writes a nullable type as `["string", null]` (a JSON null instead of
 * the string "null"). The intent is clear; read it as `["string", "null"]`.
 */
export function repairNullTypes(schema: JsonSchema): JsonSchema {
  const result: JsonSchema = { ...schema };
  if (Array.isArray(schema.type)) result.type = schema.type.map((t) => (t === null ? 'null' : t));
  if (isRecord(schema.properties)) {
    result.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, isRecord(value) ? repairNullTypes(value as JsonSchema) : value]),
    );
  }
  if (isRecord(schema.items)) result.items = repairNullTypes(schema.items as JsonSchema);
  else if (Array.isArray(schema.items)) result.items = schema.items.map((s) => (isRecord(s) ? repairNullTypes(s as JsonSchema) : s));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) result[key] = branches.map((s) => (isRecord(s) ? repairNullTypes(s as JsonSchema) : s));
  }
  if (isRecord(schema.additionalProperties)) result.additionalProperties = repairNullTypes(schema.additionalProperties as JsonSchema);
  return result;
}

/**
 * The PropertiesSpec of the object schema found by following `keys` from `container`.
 * A missing step means "nothing planned" (every property accepted); a step of the wrong type is reported.
 * `subject` names what the schema belongs to in messages ("'Order Completed'"); `schemaRoot` is the JSON
 * Schema document its `$ref`s are relative to (by default the first step: a rule's `jsonSchema`).
 */
export function specAt(
  container: Record<string, unknown>,
  containerPath: PlanPath,
  keys: string[],
  context: FormatContext,
  subject: string,
  schemaRoot: PlanPath = [...containerPath, ...keys.slice(0, 1)],
): { spec: PropertiesSpec; propertiesPath: PlanPath } {
  let value: unknown = container;
  const path = [...containerPath];
  for (const key of keys) {
    const next: unknown = (value as Record<string, unknown>)[key];
    if (next === undefined || next === null) return { spec: { required: [] }, propertiesPath: [...path, key, 'properties'] };
    path.push(key);
    if (!isRecord(next)) {
      context.report(path, `Expected \`${formatPath(path)}\` to be an object (a JSON Schema), found ${describeValue(next)}; the properties of ${subject} are not checked.`);
      return { spec: { required: [] }, propertiesPath: [...path, 'properties'] };
    }
    value = next;
  }
  const schema = repairNullTypes(value as JsonSchema);
  const propertiesPath = [...path, 'properties'];
  if (schema.properties !== undefined && !isRecord(schema.properties)) {
    context.report(
      propertiesPath,
      `Expected \`${formatPath(propertiesPath)}\` to be an object mapping property names to their schemas, found ${describeValue(schema.properties)}; the properties of ${subject} are not checked.`,
    );
    return { spec: { required: [] }, propertiesPath };
  }
  for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
    if (!isRecord(propertySchema)) {
      context.report(
        [...propertiesPath, key],
        `Expected the schema of property '${key}' of ${subject} to be an object, found ${describeValue(propertySchema)}; any value is accepted.`,
      );
    }
  }
  if (schema.required !== undefined && !Array.isArray(schema.required)) {
    const requiredPath = [...path, 'required'];
    context.report(requiredPath, `Expected \`${formatPath(requiredPath)}\` to be a list of property names, found ${describeValue(schema.required)}.`);
  }
  return { spec: { ...propertiesSpecFromObjectSchema(schema), propertiesPath, schemaRoot }, propertiesPath };
}

interface Candidate {
  kind: RuleKind;
  name: string;
  /** The version compared between rules of the same kind and name; 1 when the rule has none. */
  rank: number;
  entry: PlanEntry;
}

/**
 * Reads `rules` (found at `rulesPath`) into `plan`. For the same kind and name, the highest
 * `version` wins silently; the same version twice is reported and the last one wins.
 * Returns false when `rules` is not a list at all.
 */
export function loadRuleList(rules: unknown, rulesPath: PlanPath, context: FormatContext, reader: RuleReader, plan: TrackingPlan): boolean {
  const listName = formatPath(rulesPath);
  if (!Array.isArray(rules)) {
    context.report(rulesPath, `Expected \`${listName}\` to be a list of ${reader.noun}s (${reader.shape}), found ${describeValue(rules)}.`);
    return false;
  }
  const chosen = new Map<string, Candidate>();
  const skipped = `The ${reader.noun} is skipped.`;
  rules.forEach((rule: unknown, index) => {
    const path = [...rulesPath, index];
    const where = formatPath(path);
    if (!isRecord(rule)) {
      context.report(path, `Expected \`${where}\` to be ${reader.noun === 'event' ? 'an' : 'a'} ${reader.noun} object ${reader.shape}, found ${describeValue(rule)}. ${skipped}`);
      return;
    }
    let kind: RuleKind = 'track';
    let typeLabel: string | undefined;
    if (reader.typed) {
      if (typeof rule.type !== 'string') {
        if (rule.type === undefined) context.report(path, `\`${where}\` has no \`type\`; expected one of ${SEGMENT_TYPE_LIST}. ${skipped}`);
        else context.report([...path, 'type'], `Expected \`${where}.type\` to be one of ${SEGMENT_TYPE_LIST}, found ${describeValue(rule.type)}. ${skipped}`);
        return;
      }
      const known = SEGMENT_RULE_TYPES[rule.type.toUpperCase()];
      // Rule types tracklint does not check (ALIAS, or whatever Segment adds next) are left out quietly.
      if (!known) return;
      kind = known;
      typeLabel = rule.type.toUpperCase();
    }
    let name = '';
    const named = kind === 'track' || kind === 'page' || kind === 'screen';
    if (named) {
      const rawName = reader.name?.(rule) ?? rule[reader.nameKey];
      if (typeof rawName !== 'string' || rawName === '') {
        if (rawName === undefined || rawName === null) {
          context.report(path, `\`${where}\` has no \`${reader.nameKey}\`; expected the ${kind === 'track' ? 'event' : kind} name as a string. ${skipped}`);
        } else {
          context.report(
            [...path, reader.nameKey],
            `Expected \`${where}.${reader.nameKey}\` to be the ${kind === 'track' ? 'event' : kind} name (a non-empty string), found ${describeValue(rawName)}. ${skipped}`,
          );
        }
        return;
      }
      name = rawName;
    }
    let version: number | undefined;
    if (typeof rule.version === 'number' && Number.isFinite(rule.version)) version = rule.version;
    else if (rule.version !== undefined && rule.version !== null) {
      context.report([...path, 'version'], `Expected \`${where}.version\` to be a number, found ${describeValue(rule.version)}; it is read as version 1.`);
      version = 1;
    }
    const subject = named ? `'${name}'` : `the ${typeLabel ?? kind} rule`;
    const schemaKeys = reader.schemaKeys(rule, kind);
    if (schemaKeys.length && rule[schemaKeys[0]] == null && reader.typed) {
      context.report(path, `\`${where}\` has no \`${schemaKeys[0]}\`; the properties of ${subject} are not checked.`);
    }
    const { spec, propertiesPath } = specAt(rule, path, schemaKeys, context, subject);
    const nothingPlanned = spec.properties && !Object.keys(spec.properties).length && !spec.required.length && spec.additionalProperties === undefined;
    if (nothingPlanned && reader.emptyMeansUnplanned?.(rule)) spec.properties = undefined;
    const description = reader.description(rule);
    const entry: PlanEntry = {
      kind: kind === 'common' ? 'track' : kind,
      name,
      ...spec,
      description: typeof description === 'string' ? description : undefined,
      path,
      propertiesPath,
    };
    if (isDeprecatedAt(rule.deprecatedAt)) entry.deprecated = true;

    const id = `${kind}\u0000${name}`;
    const rank = version ?? 1;
    const previous = chosen.get(id);
    if (previous && previous.rank > rank) return;
    if (previous && previous.rank === rank) {
      const details = [typeLabel, version !== undefined ? `version ${version}` : undefined].filter(Boolean).join(', ');
      const label = `${reader.noun === 'rule' ? 'Rule' : 'Event'}${named ? ` '${name}'` : ''}${details ? ` (${details})` : ''}`;
      const at = named ? [...path, reader.nameKey] : typeLabel ? [...path, 'type'] : path;
      context.report(at, `${label} is defined twice; using the last one.`);
    }
    chosen.set(id, { kind, name, rank, entry });
  });

  for (const { kind, name, entry } of chosen.values()) {
    if (kind === 'common') {
      const { properties, required, additionalProperties, propertiesPath, schemaRoot } = entry;
      plan.common = { properties, required, additionalProperties, propertiesPath, schemaRoot };
    } else if (kind === 'identify' || kind === 'group') plan[kind] = entry;
    else (kind === 'track' ? plan.events : kind === 'page' ? plan.pages : plan.screens).set(name, entry);
  }
  return true;
}
