import { emptyPlan } from '../model';
import { isRecord, type PlanFormatLoader } from './format';
import { segmentRuleReader, wrappedSchemaKeys } from './segmentPublicApi';
import { loadRuleList, type RuleReader } from './segmentRules';

/**
 * Typewriter (v8/v9) stores Public API rules in plan.json after unwrapping them: the event's
 * property schemas sit directly at `jsonSchema.properties` / `jsonSchema.required`, and
 * `jsonSchema.eventMetadata.name` keeps the event name (the `key` has `#` removed).
 * Typewriter only keeps TRACK rules, but other Segment types are read the same way.
 */
const typewriterRuleReader: RuleReader = {
  ...segmentRuleReader,
  name(rule) {
    const metadata = isRecord(rule.jsonSchema) ? rule.jsonSchema.eventMetadata : undefined;
    return isRecord(metadata) && typeof metadata.name === 'string' ? metadata.name : undefined;
  },
  schemaKeys: (rule, kind) => (isUnwrapped(rule.jsonSchema) ? ['jsonSchema'] : wrappedSchemaKeys(kind)),
  // Typewriter unwraps with `properties?.properties?.properties ?? {}`: its `{}` is Segment's "nothing planned",
  // which its own edge-case plan describes as "accepts ANY properties" (and the Config API form leaves out).
  emptyMeansUnplanned: (rule) => isRecord(rule.jsonSchema) && isRecord(rule.jsonSchema.eventMetadata),
};

/**
 * Typewriter marks the rules it unwrapped with `eventMetadata`. A rule without it is unwrapped too,
 * unless its `jsonSchema.properties` is exactly Segment's envelope (`context`, `traits`, `properties`).
 */
function isUnwrapped(jsonSchema: unknown): boolean {
  if (!isRecord(jsonSchema)) return true;
  if (isRecord(jsonSchema.eventMetadata)) return true;
  const properties = jsonSchema.properties;
  if (!isRecord(properties)) return true;
  const keys = Object.keys(properties);
  return !(keys.length > 0 && keys.every((k) => k === 'context' || k === 'traits' || k === 'properties'));
}

export const typewriterFormat: PlanFormatLoader = {
  format: 'typewriter',
  detect(value) {
    if (!isRecord(value)) return false;
    if (typeof value.resourceSchemaId === 'string') return true;
    return (
      Array.isArray(value.rules) &&
      value.rules.some((rule) => isRecord(rule) && isRecord(rule.jsonSchema) && ('eventMetadata' in rule.jsonSchema || '$id' in rule.jsonSchema))
    );
  },
  load(value, context) {
    const plan = emptyPlan('typewriter');
    if (typeof value.name === 'string') plan.name = value.name;
    if (!loadRuleList(value.rules, ['rules'], context, typewriterRuleReader, plan)) return undefined;
    return plan;
  },
};
