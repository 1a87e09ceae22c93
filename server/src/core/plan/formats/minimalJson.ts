import { emptyPlan } from '../model';
import { isRecord, type PlanFormatLoader } from './format';
import { loadRuleList, type RuleReader } from './segmentRules';

/**
 * The hand-written `{ "events": [{ "name", "description", "rules": { "properties": <object schema> } }] }`,
 * or with `properties` / `required` directly on the event.
 */
const minimalEventReader: RuleReader = {
  noun: 'event',
  shape: '{ name, description, rules: { properties } }',
  typed: false,
  nameKey: 'name',
  schemaKeys: (event) => (event.rules !== undefined ? ['rules', 'properties'] : []),
  description: (event) => event.description,
};

export const minimalJsonFormat: PlanFormatLoader = {
  format: 'minimal-json',
  detect(value) {
    return isRecord(value) && Array.isArray(value.events);
  },
  load(value, context) {
    const plan = emptyPlan('minimal-json');
    if (typeof value.name === 'string') plan.name = value.name;
    loadRuleList(value.events, ['events'], context, minimalEventReader, plan);
    return plan;
  },
};
