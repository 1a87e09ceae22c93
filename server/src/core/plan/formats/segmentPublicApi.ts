import { emptyPlan } from '../model';
import { isRecord, type PlanFormatLoader } from './format';
import { loadRuleList, type RuleKind, type RuleReader } from './segmentRules';

/** Keys only the native format has at the top level; a file with one of them is not Public API output. */
const NATIVE_KEYS = ['events', 'conventions', 'identify', 'group', 'pages', 'screens', 'callees', 'wrappers', 'common', 'ignore'];

/** Where a wrapped Segment rule keeps its object schema: `jsonSchema.properties.traits` for identify/group, `.properties` otherwise. */
export function wrappedSchemaKeys(kind: RuleKind): string[] {
  return ['jsonSchema', 'properties', kind === 'identify' || kind === 'group' ? 'traits' : 'properties'];
}

export const segmentRuleReader: RuleReader = {
  noun: 'rule',
  shape: '{ key, type, version, jsonSchema }',
  typed: true,
  nameKey: 'key',
  schemaKeys: (_rule, kind) => wrappedSchemaKeys(kind),
  description: (rule) => (isRecord(rule.jsonSchema) ? rule.jsonSchema.description : undefined),
};

/**
 * Output of Segment's Public API `listRulesFromTrackingPlan`: `{ rules: [...] }` or
 * `{ data: { rules: [...] } }`, each rule `{ key, type, version, jsonSchema, deprecatedAt }` with the
 * event's properties at `jsonSchema.properties.properties` and identify/group traits at `jsonSchema.properties.traits`.
 */
export const segmentPublicApiFormat: PlanFormatLoader = {
  format: 'segment-public-api',
  detect(value) {
    if (!isRecord(value) || NATIVE_KEYS.some((k) => k in value)) return false;
    if (isRecord(value.data) && 'rules' in value.data) return true;
    // A list (or anything broken that is not the Config API's object) under `rules`.
    return 'rules' in value && !isRecord(value.rules);
  },
  load(value, context) {
    const wrapped = isRecord(value.data) && 'rules' in value.data;
    const rules = wrapped ? (value.data as Record<string, unknown>).rules : value.rules;
    const plan = emptyPlan('segment-public-api');
    if (!loadRuleList(rules, wrapped ? ['data', 'rules'] : ['rules'], context, segmentRuleReader, plan)) return undefined;
    return plan;
  },
};
