import { emptyPlan, type PlanEntry } from '../model';
import { isRecord, type PlanFormatLoader } from './format';
import { describeValue, formatPath, loadRuleList, specAt, type RuleReader } from './segmentRules';

const RULE_SECTIONS = ['events', 'identify', 'group', 'global', 'identify_traits', 'group_traits'];

/** `rules.events[]` of the Config API: `{ name, description, version, rules: <JSON Schema of the whole call> }`. */
const configEventReader: RuleReader = {
  noun: 'event',
  shape: '{ name, version, rules }',
  typed: false,
  nameKey: 'name',
  schemaKeys: () => ['rules', 'properties', 'properties'],
  description: (event) => event.description,
};

/**
 * Segment's legacy Config API tracking plan (what Typewriter v7 stored in plan.json):
 * `{ display_name, rules: { events: [...], identify, group, global } }`. identify/group are JSON Schemas
 * of the whole call, with the traits at `properties.traits`; `global` applies to every call.
 */
export const segmentConfigApiFormat: PlanFormatLoader = {
  format: 'segment-config-api',
  detect(value) {
    if (!isRecord(value)) return false;
    if ('display_name' in value) return true;
    return isRecord(value.rules) && RULE_SECTIONS.some((k) => k in (value.rules as Record<string, unknown>));
  },
  load(value, context) {
    const plan = emptyPlan('segment-config-api');
    if (typeof value.display_name === 'string') plan.name = value.display_name;
    const rules = value.rules;
    if (!isRecord(rules)) {
      context.report(['rules'], `Expected \`rules\` to be an object with \`events\` (and optionally \`identify\`, \`group\`, \`global\`), found ${describeValue(rules)}.`);
      return undefined;
    }
    let usable = false;
    if (rules.events !== undefined) usable = loadRuleList(rules.events, ['rules', 'events'], context, configEventReader, plan);
    for (const kind of ['identify', 'group'] as const) {
      const section = rules[kind];
      if (section === undefined || section === null) continue;
      const path = ['rules', kind];
      if (!isRecord(section)) {
        context.report(path, `Expected \`${formatPath(path)}\` to be a JSON Schema object, found ${describeValue(section)}.`);
        continue;
      }
      const { spec, propertiesPath } = specAt(section, path, ['properties', 'traits'], context, `${kind} traits`, path);
      const entry: PlanEntry = { kind, name: '', ...spec, path, propertiesPath };
      if (typeof section.description === 'string') entry.description = section.description;
      plan[kind] = entry;
      usable = true;
    }
    if (rules.global !== undefined && rules.global !== null) {
      const path = ['rules', 'global'];
      if (!isRecord(rules.global)) {
        context.report(path, `Expected \`${formatPath(path)}\` to be a JSON Schema object, found ${describeValue(rules.global)}.`);
      } else {
        const { spec } = specAt(rules.global, path, ['properties', 'properties'], context, 'every call', path);
        if (spec.properties && Object.keys(spec.properties).length) {
          plan.common = spec;
          usable = true;
        }
      }
    }
    if (!usable && rules.events === undefined) {
      context.report(['rules'], 'The plan has no `rules.events`, `rules.identify` or `rules.group`; there is nothing to check against.');
      return undefined;
    }
    return plan;
  },
};
