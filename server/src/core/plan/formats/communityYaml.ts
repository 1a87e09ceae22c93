import { emptyPlan } from '../model';
import { isRecord, type PlanFormatLoader } from './format';
import { loadRuleList, type RuleReader } from './segmentRules';

/**
 * A community YAML form of Segment rules: `rules: [{ key, type, description, version, properties }]`
 * with the property schemas directly on the rule and draft-03 style `required: true` on a property.
 */
const communityRuleReader: RuleReader = {
  noun: 'rule',
  shape: '{ key, type, properties }',
  typed: true,
  nameKey: 'key',
  schemaKeys: () => [],
  description: (rule) => rule.description,
};

export const communityYamlFormat: PlanFormatLoader = {
  format: 'community-yaml',
  detect(value) {
    if (!isRecord(value) || !Array.isArray(value.rules)) return false;
    const rules = value.rules.filter(isRecord);
    return rules.length > 0 && rules.every((rule) => !('jsonSchema' in rule));
  },
  load(value, context) {
    const plan = emptyPlan('community-yaml');
    if (typeof value.name === 'string') plan.name = value.name;
    loadRuleList(value.rules, ['rules'], context, communityRuleReader, plan);
    return plan;
  },
};
