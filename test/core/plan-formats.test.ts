import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadPlan, type PlanLoadResult } from '../../server/src/core/plan/load';
import { PLAN_FORMATS } from '../../server/src/core/plan/formats';
import type { PlanEntry, TrackingPlan } from '../../server/src/core/plan/model';
import { nativePlanJsonSchema, nativePlanJsonSchemaText } from '../../server/src/core/plan/planJsonSchema';
import { checkFiles, createInMemoryProgram } from '../../server/src/core/workspace';

const FIXTURES = new URL('../fixtures/plans/', import.meta.url);
const REPO = new URL('../../', import.meta.url);

function load(relativePath: string): PlanLoadResult {
  return loadPlan(relativePath, readFileSync(new URL(relativePath, FIXTURES), 'utf8'));
}

/** Each finding as [message, startLine, startCharacter, endLine, endCharacter] (0-based, as loadPlan gives them). */
function located(result: PlanLoadResult): [string, number, number, number, number][] {
  for (const finding of result.findings) {
    assert.equal(finding.ruleId, 'invalid-plan');
    assert.equal(finding.severity, 'error');
  }
  return result.findings.map((f) => [f.message, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);
}

function planOf(result: PlanLoadResult): TrackingPlan {
  assert.ok(result.plan, `expected a plan, got findings ${JSON.stringify(located(result))}`);
  return result.plan;
}

function event(plan: TrackingPlan, name: string): PlanEntry {
  const entry = plan.events.get(name);
  assert.ok(entry, `event '${name}' is missing; the plan has ${JSON.stringify([...plan.events.keys()])}`);
  return entry;
}

/** The native plan of issue #2, with its `{...}` placeholders filled in. */
const ISSUE_EXAMPLE_PLAN = `name: Acme Shop
conventions:
  events: title        # title ("Order Completed") | snake | camel | pascal | kebab | any
  properties: snake    # snake | camel | pascal | kebab | any
rules:                 # optional severity overrides: error | warning | info | off
  unknown-property: error
events:
  Order Completed:
    description: User completes a purchase
    properties:        # JSON Schema property schemas
      order_id: { type: string }
      total: { type: number, minimum: 0 }
      currency: { type: string, enum: [USD, EUR, GBP] }
      products:
        type: array
        items: { type: object, properties: { product_id: { type: string } }, required: [product_id] }
    required: [order_id, total, currency]
    additionalProperties: false
  Purchase Completed:
    deprecated: true
    replacedBy: Order Completed
identify:  { properties: { email: { type: string, format: email }, plan: { type: string } }, required: [email], additionalProperties: true }
group:     { properties: { employees: { type: integer } }, required: [employees] }
pages:     { Product Detail: { properties: { product_id: { type: string } } } }
screens:   { Home: {} }
`;

const TYPEWRITER_EDGE_CASE_EVENTS = [
  `42_--terrible==\\"event'++name~!3`,
  'Analytics Instance Missing',
  'Analytics Instance Missing Threw Error',
  'Custom Violation Handler',
  'Custom Violation Handler Called',
  'Default Violation Handler',
  'Default Violation Handler Called',
  'Empty Event',
  'Enum Types',
  'Event Collided',
  'Every Nullable Optional Type',
  'Every Nullable Required Type',
  'Every Optional Type',
  'Every Required Type',
  'Large Numbers Event',
  'Nested Arrays',
  'Nested Objects',
  'Properties Collided',
  'Property Object Name Collision #1',
  'Property Object Name Collision #2',
  'Property Sanitized',
  'Simple Array Types',
  'Union Type',
  'event_collided',
];

const EVERY_REQUIRED_TYPE = [
  'required any',
  'required array',
  'required boolean',
  'required int',
  'required number',
  'required object',
  'required string',
  'required string with regex',
  'required object with properties',
  'required array with properties',
];

describe('plan samples from real repositories (test/fixtures/plans/samples, copied from ../shared/plan-samples)', () => {
  test('public-api-rules.json: Segment Public API rules', () => {
    const result = load('samples/public-api-rules.json');
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'segment-public-api');
    assert.equal(plan.name, undefined);
    // 19 rules, three keys at two versions each.
    assert.deepEqual(
      [...plan.events.keys()],
      [
        'Advisory SE Roundtable',
        'Advisory SE Roundtable For Corey',
        "Aubrey's Event 1",
        'First Event',
        "Levi's Event",
        'Obj Prop',
        'Obj Prop 10',
        'Obj Prop 16',
        'Obj Prop 2',
        'Obj Prop 20',
        'Obj Prop 22',
        'Obj Prop 4',
        'Obj Prop 6',
        'Second Event',
        'Segment Consent Preference Updated',
        'Third Event',
      ],
    );
    assert.equal(plan.pages.size, 0);
    assert.equal(plan.screens.size, 0);
    assert.equal(plan.identify, undefined);
    assert.equal(plan.common, undefined);
  });

  test('public-api-rules.json: the highest version of a key wins, silently', () => {
    const result = load('samples/public-api-rules.json');
    const roundtable = event(planOf(result), 'Advisory SE Roundtable');
    // Version 1 (rules[0]) says "Advisory SE Roundtab", requires prop2 and prop3, and leaves prop3 untyped.
    assert.equal(roundtable.description, 'Advisory SE Roundtable');
    assert.deepEqual(roundtable.required, ['prop2']);
    assert.deepEqual(roundtable.properties, {
      prop2: { description: 'this is a single property', type: ['string', 'null'] },
      // version 2's `"required": false` on the property is draft-03 noise and is dropped.
      prop3: { description: 'this is a new description for prop3', type: ['string'] },
    });
    assert.equal(roundtable.deprecated, undefined);
    assert.deepEqual(roundtable.path, ['rules', 1]);
    assert.deepEqual(roundtable.propertiesPath, ['rules', 1, 'jsonSchema', 'properties', 'properties', 'properties']);
    // The path points at the version-2 rule element, the properties path at its property schemas.
    assert.deepEqual(result.document.rangeOf(roundtable.path), { start: { line: 46, character: 4 }, end: { line: 94, character: 5 } });
    assert.deepEqual(result.document.rangeOf(roundtable.propertiesPath!).start, { line: 66, character: 26 });

    assert.deepEqual(event(planOf(result), 'Advisory SE Roundtable For Corey').path, ['rules', 3]);
    assert.deepEqual(event(planOf(result), 'First Event').path, ['rules', 6]);
  });

  test('public-api-rules.json: nested schemas, nullable types and a schema without properties', () => {
    const plan = planOf(load('samples/public-api-rules.json'));
    // The file writes `"type": ["string", null]` (a JSON null); it is read as the nullable type it means.
    const aubrey = event(plan, "Aubrey's Event 1");
    assert.deepEqual(aubrey.properties, { first_name: { description: 'this is the first name', type: ['string', 'null'] } });
    assert.deepEqual(aubrey.required, ['first_name']);

    const second = event(plan, 'Second Event');
    assert.deepEqual(second.required, ['obj_prop1', 'prop3']);
    assert.deepEqual(second.properties?.obj_prop1, {
      description: 'tfhis is required obj ect (i.e. c an have nested sub-properties)',
      properties: { sub_prop1: { description: 'this is a req uired sub-property in an object', type: 'string' } },
      type: 'object',
    });
    assert.deepEqual(second.properties?.array_prop1.items, {
      properties: { layer1_prop217: { description: 'this is an o ptional property on any items in the array_prop1 array safd', type: 'string' } },
      type: 'object',
    });

    const objProp16 = event(plan, 'Obj Prop 16');
    assert.deepEqual(objProp16.properties?.object.type, ['object', 'null']);

    const consent = event(plan, 'Segment Consent Preference Updated');
    assert.equal(consent.properties, undefined);
    assert.deepEqual(consent.required, []);
  });

  test('community-rule.yml: community YAML rule with draft-03 `required: true`', () => {
    const result = load('samples/community-rule.yml');
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'community-yaml');
    assert.deepEqual([...plan.events.keys()], ['Obj Prop']);
    const objProp = event(plan, 'Obj Prop');
    assert.equal(objProp.description, 'Obj Prop');
    assert.deepEqual(objProp.required, ['object']);
    assert.deepEqual(objProp.properties, {
      object: {
        description: 'this is a single property',
        properties: {
          int1: { description: 'this should be a new property sd safd', type: 'number' },
          string: { description: 'this is a required sub-property in an object', type: 'string' },
        },
        type: 'object',
      },
      object2: {
        description: 'this is a single property',
        properties: { string: { description: 'this is a required sub-property in an object', type: 'string' } },
        type: 'object',
      },
    });
    assert.deepEqual(objProp.path, ['rules', 0]);
    assert.deepEqual(objProp.propertiesPath, ['rules', 0, 'properties']);
    assert.equal(objProp.deprecated, undefined);
  });

  test('typewriter-edge-cases.plan.json: Typewriter plan.json with flattened rules', () => {
    const result = load('samples/typewriter-edge-cases.plan.json');
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'typewriter');
    assert.equal(plan.name, 'Typewriter E2E');
    // Names come from eventMetadata.name: the keys are 'Property Object Name Collision 1' and 'NoID Type'.
    assert.deepEqual([...plan.events.keys()], [...TYPEWRITER_EDGE_CASE_EVENTS, 'NoID type']);
    assert.equal(plan.events.size, 25);
    // Typewriter keeps only TRACK rules in plan.json: there is no identify or group here.
    assert.equal(plan.identify, undefined);
    assert.equal(plan.group, undefined);

    const union = event(plan, 'Union Type');
    assert.deepEqual(union.properties, { universe_name: { description: '', id: '/properties/universe_name', type: ['string', 'null', 'integer'] } });
    assert.deepEqual(union.required, ['universe_name']);
    assert.equal(union.description, 'Validates that clients support fields with multiple (union) types.');
    assert.deepEqual(union.path, ['rules', 22]);
    assert.deepEqual(union.propertiesPath, ['rules', 22, 'jsonSchema', 'properties']);

    assert.deepEqual(event(plan, 'Every Nullable Required Type').required, EVERY_REQUIRED_TYPE);
    assert.deepEqual(event(plan, 'Every Required Type').required, EVERY_REQUIRED_TYPE);
    assert.deepEqual(event(plan, 'Every Optional Type').required, []);
    assert.deepEqual(event(plan, 'Every Nullable Required Type').properties?.['required int'], {
      description: 'Required integer property',
      id: '/properties/required%20int',
      type: ['integer', 'null'],
    });

    // Typewriter writes `properties: {}` where the rule planned none ("accepts ANY properties"), as in the v1 form.
    const empty = event(plan, 'Empty Event');
    assert.equal(empty.properties, undefined);
    assert.deepEqual(empty.required, []);

    const collision = event(plan, 'Property Object Name Collision #1');
    assert.deepEqual(collision.path, ['rules', 18]);
    assert.deepEqual(collision.properties?.universe.required, ['name', 'occupants']);

    const nested = event(plan, 'Nested Arrays');
    assert.deepEqual(nested.properties?.universeCharacters.items, {
      description: '',
      id: '/properties/properties/properties/universeCharacters/items',
      items: {
        description: '',
        id: '/properties/properties/properties/universeCharacters/items/items',
        properties: {
          name: { description: "The character's name.", id: '/properties/properties/properties/universeCharacters/items/items/properties/name', type: 'string' },
        },
        required: ['name'],
        type: 'object',
      },
      type: 'array',
    });
    assert.deepEqual(event(plan, 'Custom Violation Handler').properties?.['regex property'].pattern, 'Lawyer Morty|Evil Morty');
  });

  test('typewriter-v2.plan.json: Typewriter plan.json from a production app', () => {
    const result = load('samples/typewriter-v2.plan.json');
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'typewriter');
    assert.equal(plan.name, 'marketplace-apps');
    assert.deepEqual([...plan.events.keys()], ['config_saved', 'flow_start', 'generate_clicked', 'generated_content_edited', 'regeneration_clicked', 'sidebar_rendered']);
    const saved = event(plan, 'config_saved');
    assert.equal(saved.description, 'Event used by Integrations for tracking a saved config');
    assert.deepEqual(saved.required, ['action', 'app_key', 'environment_key', 'organization_key', 'space_key']);
    assert.deepEqual(Object.keys(saved.properties ?? {}), ['action', 'app_key', 'app_name', 'environment_key', 'metadata', 'organization_key', 'space_key']);
    assert.deepEqual(saved.properties?.action, {
      $id: '/properties/action',
      description: 'The action performed on the config page',
      enum: ['added', 'cancelled', 'deleted', 'installed', 'updated'],
      type: 'string',
    });
    assert.equal(saved.deprecated, undefined);
    assert.deepEqual(result.document.rangeOf(saved.path), { start: { line: 7, character: 4 }, end: { line: 62, character: 5 } });
    assert.deepEqual(event(plan, 'regeneration_clicked').required, [
      'app_key',
      'environment_key',
      'organization_key',
      'space_key',
      'content_type_id',
      'entry_id',
      'ai_model',
      'ai_provider',
    ]);
  });

  test('typewriter-edge-cases.plan-v1.json: the same plan in the Config API form', () => {
    const result = load('samples/typewriter-edge-cases.plan-v1.json');
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'segment-config-api');
    assert.equal(plan.name, 'Typewriter E2E');
    // The v1 plan predates the 'NoID type' event.
    assert.deepEqual([...plan.events.keys()], TYPEWRITER_EDGE_CASE_EVENTS);
    // `identify_traits` and `group_traits` are empty lists here: no identify or group to check.
    assert.equal(plan.identify, undefined);
    assert.equal(plan.group, undefined);
    assert.equal(plan.common, undefined);

    const union = event(plan, 'Union Type');
    assert.deepEqual(union.properties, {
      universe_name: { description: '', id: '/properties/properties/properties/universe_name', type: ['string', 'null', 'integer'] },
    });
    assert.deepEqual(union.required, ['universe_name']);
    assert.deepEqual(union.path, ['rules', 'events', 22]);
    assert.deepEqual(union.propertiesPath, ['rules', 'events', 22, 'rules', 'properties', 'properties', 'properties']);
    assert.equal(
      event(plan, 'Custom Violation Handler').description,
      'This event is fired in order to trigger a custom violation handler. It should be called with a JSON Schema violation.',
    );
    assert.deepEqual(event(plan, 'Every Nullable Required Type').required, EVERY_REQUIRED_TYPE);
    assert.equal(event(plan, 'Empty Event').properties, undefined);
  });

  test('typewriter-v1.plan.json: Config API plan with identify traits', () => {
    const result = load('samples/typewriter-v1.plan.json');
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'segment-config-api');
    assert.equal(plan.name, 'PayString Tracking Plan');
    assert.deepEqual([...plan.events.keys()], ['Account Registered', 'Documentation Viewed', 'Form Submitted', 'Github Navigation', 'Logged In', 'Sandbox Created']);
    const registered = event(plan, 'Account Registered');
    assert.deepEqual(registered.properties, { github_id: { description: '', type: 'string' }, type: { description: '', type: 'string' } });
    assert.deepEqual(registered.required, ['type', 'github_id']);
    assert.equal(registered.description, undefined);
    assert.deepEqual(event(plan, 'Form Submitted').required, ['email']);
    assert.equal(Object.keys(event(plan, 'Form Submitted').properties ?? {}).length, 9);

    assert.ok(plan.identify);
    assert.equal(plan.identify.kind, 'identify');
    assert.deepEqual(plan.identify.properties, { email: { type: ['string'] } });
    assert.deepEqual(plan.identify.required, ['email']);
    assert.deepEqual(plan.identify.path, ['rules', 'identify']);
    assert.deepEqual(plan.identify.propertiesPath, ['rules', 'identify', 'properties', 'traits', 'properties']);
    assert.equal(plan.group, undefined);
  });
});

/**
 * Real plan files beside the checkout (`../shared/plan-samples`, see its README): every one must load, and
 * its events must be checkable. Tests may read that folder but must not need it, so each file must also be
 * in test/fixtures/plans/samples, byte for byte (the tests above read the copies); a new sample fails here
 * until it is copied in.
 */
const SHARED_SAMPLES = fileURLToPath(new URL('../../../shared/plan-samples/', import.meta.url));
const SAMPLE_COPIES = fileURLToPath(new URL('samples/', FIXTURES));
/** A sample that is itself inconsistent (a rule defined twice at one version) loads with located findings: listed here, exactly. */
const SAMPLE_FINDINGS: Record<string, ReturnType<typeof located>> = {};

describe('every plan in ../shared/plan-samples', () => {
  if (!existsSync(SHARED_SAMPLES)) {
    test('loads and is copied into test/fixtures/plans/samples', { skip: `${SHARED_SAMPLES} is absent; the copies in test/fixtures/plans/samples are still tested` }, () => {});
    return;
  }
  // Whatever is there, not a fixed list: a sample added later is tested without touching this file.
  const names = readdirSync(SHARED_SAMPLES, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort();

  test('holds plan files', () => {
    assert.ok(names.length > 0, `no plan file in ${SHARED_SAMPLES}`);
  });

  for (const name of names) {
    test(`${name}: loads without an invalid-plan error, its events are checkable, and its copy in test/fixtures/plans/samples is identical`, () => {
      const bytes = readFileSync(path.join(SHARED_SAMPLES, name));
      const copy = path.join(SAMPLE_COPIES, name);
      assert.ok(existsSync(copy), `copy ../shared/plan-samples/${name} to test/fixtures/plans/samples/${name}: tests must not depend on ../shared`);
      assert.ok(bytes.equals(readFileSync(copy)), `test/fixtures/plans/samples/${name} differs from ../shared/plan-samples/${name}: copy it again`);

      const result = loadPlan(name, bytes.toString('utf8'));
      assert.deepEqual(located(result), SAMPLE_FINDINGS[name] ?? []);
      const plan = planOf(result);
      const entries = plan.events.size + plan.pages.size + plan.screens.size + (plan.identify ? 1 : 0) + (plan.group ? 1 : 0);
      assert.ok(entries > 0, `${name} loaded as an empty ${plan.format} plan`);
      assert.deepEqual(unplannedWhenSent(plan), []);
    });
  }
});

/**
 * Sends every planned event, page and screen (with no properties) and checks the calls against the plan: the
 * names must all be found in it. What else is reported (missing required properties) depends on the plan.
 */
function unplannedWhenSent(plan: TrackingPlan): string[] {
  const calls = [
    ...[...plan.events.keys()].map((name) => `analytics.track(${JSON.stringify(name)}, {});`),
    ...[...plan.pages.keys()].map((name) => `analytics.page(${JSON.stringify(name)}, {});`),
    ...[...plan.screens.keys()].map((name) => `analytics.screen(${JSON.stringify(name)}, {});`),
  ];
  const file = '/sends-every-name.ts';
  const host = createInMemoryProgram({ [file]: `${calls.join('\n')}\nexport {};\n` });
  const findings = checkFiles({ plan, host, files: [file] }).get(file) ?? [];
  return findings.filter((f) => f.ruleId === 'unknown-event').map((f) => f.message);
}

describe('segment-public-api format', () => {
  test('every rule type: track, identify, group, page, screen, common; deprecation', () => {
    const result = load('segment-public-api/all-kinds.json');
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'segment-public-api');
    assert.deepEqual([...plan.events.keys()], ['Order Completed', 'Checkout Completed']);

    // Version 3 comes first in the file and still wins over version 1.
    const completed = event(plan, 'Order Completed');
    assert.equal(completed.deprecated, true);
    assert.equal(completed.description, 'Superseded by Checkout Completed');
    assert.deepEqual(completed.properties, { order_id: { type: ['string', 'null'] } });
    assert.deepEqual(completed.required, ['order_id']);
    assert.equal(completed.additionalProperties, false);
    assert.deepEqual(completed.path, ['rules', 0]);
    // `deprecatedAt: null` and the zero date both mean "not deprecated".
    assert.equal(event(plan, 'Checkout Completed').deprecated, undefined);

    assert.equal(plan.identify?.kind, 'identify');
    assert.equal(plan.identify?.name, '');
    assert.equal(plan.identify?.description, 'Who the user is');
    assert.deepEqual(plan.identify?.properties, { email: { type: 'string', format: 'email' } });
    assert.deepEqual(plan.identify?.required, ['email']);
    assert.deepEqual(plan.identify?.propertiesPath, ['rules', 3, 'jsonSchema', 'properties', 'traits', 'properties']);
    assert.deepEqual(plan.group?.properties, { plan: { enum: ['free', 'pro'] } });
    assert.deepEqual(plan.group?.path, ['rules', 4]);

    assert.deepEqual([...plan.pages.keys()], ['Pricing']);
    assert.equal(plan.pages.get('Pricing')?.kind, 'page');
    assert.deepEqual(plan.pages.get('Pricing')?.properties, { referrer: { type: 'string' } });
    assert.deepEqual([...plan.screens.keys()], ['Home']);
    assert.equal(plan.screens.get('Home')?.kind, 'screen');
    assert.equal(plan.screens.get('Home')?.properties, undefined);

    assert.deepEqual(plan.common?.properties, { app_version: { type: 'string' } });
    assert.deepEqual(plan.common?.required, ['app_version']);
  });

  test('the same key at the same version twice: reported, the last one wins', () => {
    const result = load('segment-public-api/duplicates.json');
    assert.deepEqual(located(result), [
      ["Rule 'Order Completed' (TRACK, version 2) is defined twice; using the last one.", 5, 15, 5, 32],
      ['Rule (IDENTIFY, version 1) is defined twice; using the last one.', 7, 29, 7, 39],
    ]);
    const plan = planOf(result);
    const completed = event(plan, 'Order Completed');
    assert.equal(completed.description, 'v2, second copy');
    assert.deepEqual(completed.properties, { total: { type: 'number' } });
    assert.deepEqual(completed.required, ['total']);
    assert.deepEqual(completed.path, ['data', 'rules', 2]);
    assert.deepEqual(completed.propertiesPath, ['data', 'rules', 2, 'jsonSchema', 'properties', 'properties', 'properties']);
    assert.deepEqual(plan.identify?.properties, { plan: { type: 'string' } });
  });

  test('invalid rules are located and explained; the usable rules still load', () => {
    const result = load('segment-public-api/invalid-rules.json');
    const oneOf = 'one of TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON';
    assert.deepEqual(located(result), [
      ['Expected `rules[0]` to be a rule object { key, type, version, jsonSchema }, found a string. The rule is skipped.', 2, 4, 2, 21],
      ['`rules[1]` has no `key`; expected the event name as a string. The rule is skipped.', 3, 4, 3, 55],
      ['Expected `rules[2].key` to be the event name (a non-empty string), found a number. The rule is skipped.', 4, 13, 4, 15],
      [`Expected \`rules[3].type\` to be ${oneOf}, found a number. The rule is skipped.`, 5, 37, 5, 38],
      [`\`rules[4]\` has no \`type\`; expected ${oneOf}. The rule is skipped.`, 6, 4, 6, 48],
      ["Expected `rules[5].jsonSchema` to be an object (a JSON Schema), found a string; the properties of 'Cart Viewed' are not checked.", 7, 73, 7, 81],
      ['Expected `rules[6].version` to be a number, found a string; it is read as version 1.', 8, 57, 8, 60],
      [
        "Expected `rules[6].jsonSchema.properties.properties.properties` to be an object mapping property names to their schemas, found a list; the properties of 'Cart Emptied' are not checked.",
        8,
        124,
        8,
        126,
      ],
      ["`rules[7]` has no `jsonSchema`; the properties of 'Signed In' are not checked.", 9, 4, 9, 57],
      ["Expected the schema of property 'reason' of 'Signed Out' to be an object, found a string; any value is accepted.", 11, 118, 11, 126],
      ['Expected `rules[9].jsonSchema.properties.properties.required` to be a list of property names, found a string.', 11, 142, 11, 150],
    ]);
    const plan = planOf(result);
    // ALIAS rules are not checked by tracklint and are left out without a finding; `type: "track"` is accepted.
    assert.deepEqual([...plan.events.keys()], ['Cart Viewed', 'Cart Emptied', 'Signed In', 'Signed Out']);
    assert.equal(event(plan, 'Cart Viewed').properties, undefined);
    assert.deepEqual(event(plan, 'Signed Out').properties, { reason: {} });
    assert.deepEqual(event(plan, 'Signed Out').required, []);
  });

  test('`rules` that is not a list', () => {
    const result = load('segment-public-api/rules-not-a-list.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['Expected `rules` to be a list of rules ({ key, type, version, jsonSchema }), found a string.', 1, 11, 1, 28]]);
  });

  test('malformed JSON', () => {
    const result = load('segment-public-api/malformed.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['JSON syntax error: Comma expected.', 2, 48, 2, 57]]);
  });

  test('an empty rule list is an empty plan', () => {
    const result = loadPlan('rules.json', '{ "rules": [] }');
    assert.deepEqual(located(result), []);
    assert.equal(planOf(result).format, 'segment-public-api');
    assert.equal(planOf(result).events.size, 0);
  });
});

describe('typewriter format', () => {
  test('flattened rules, eventMetadata names, unknown rule types, a still-wrapped rule, deprecation', () => {
    const result = load('typewriter/mixed.json');
    assert.deepEqual(located(result), [['`rules[5]` has no `key`; expected the event name as a string. The rule is skipped.', 45, 4, 45, 73]]);
    const plan = planOf(result);
    assert.equal(plan.format, 'typewriter');
    assert.equal(plan.name, 'Shop');
    // LIVE and ALIAS rules are ignored without a finding.
    assert.deepEqual([...plan.events.keys()], ['Order Completed #1', 'Cart Viewed', 'Signed Out']);

    const completed = event(plan, 'Order Completed #1');
    assert.equal(completed.description, 'An order is paid');
    assert.deepEqual(completed.properties, { order_id: { $id: '/properties/order_id', type: 'string' }, coupon: { type: ['string', 'null'] } });
    assert.deepEqual(completed.required, ['order_id']);
    assert.deepEqual(completed.path, ['rules', 0]);
    assert.deepEqual(completed.propertiesPath, ['rules', 0, 'jsonSchema', 'properties']);
    assert.equal(completed.deprecated, undefined);

    // Without eventMetadata and with Segment's context/traits/properties envelope, the rule is read unwrapped.
    const cart = event(plan, 'Cart Viewed');
    assert.deepEqual(cart.properties, { cart_id: { type: 'string' } });
    assert.deepEqual(cart.required, ['cart_id']);
    assert.deepEqual(cart.propertiesPath, ['rules', 4, 'jsonSchema', 'properties', 'properties', 'properties']);

    assert.equal(event(plan, 'Signed Out').deprecated, true);
    assert.equal(event(plan, 'Signed Out').properties, undefined);
    assert.deepEqual(plan.identify?.properties, { email: { type: 'string' } });
    assert.deepEqual(plan.identify?.required, ['email']);
    assert.deepEqual(plan.identify?.path, ['rules', 3]);
    assert.deepEqual(plan.pages.get('Pricing')?.properties, { plan: { type: 'string' } });
  });

  test('duplicates: same name and version reported, a higher version wins silently', () => {
    const result = load('typewriter/duplicates.json');
    assert.deepEqual(located(result), [["Rule 'Signed Up #1' (TRACK, version 1) is defined twice; using the last one.", 5, 13, 5, 26]]);
    const plan = planOf(result);
    assert.deepEqual([...plan.events.keys()], ['Signed Up #1', 'Viewed']);
    assert.deepEqual(event(plan, 'Signed Up #1').properties, { plan: { type: 'string' } });
    assert.deepEqual(event(plan, 'Viewed').properties, { v2: {} });
    assert.deepEqual(event(plan, 'Viewed').path, ['rules', 3]);
  });

  test('`rules` that is not a list', () => {
    const result = load('typewriter/rules-not-a-list.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['Expected `rules` to be a list of rules ({ key, type, version, jsonSchema }), found an object.', 3, 11, 3, 27]]);
  });

  test('malformed JSON', () => {
    const result = load('typewriter/malformed.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['JSON syntax error: Closing brace } expected.', 6, 0, 6, 1]]);
  });
});

describe('segment-config-api format', () => {
  test('missing and wrong names, duplicates, versions, group and global', () => {
    const result = load('segment-config-api/invalid-events.json');
    assert.deepEqual(located(result), [
      ['`rules.events[0]` has no `name`; expected the event name as a string. The event is skipped.', 4, 6, 4, 61],
      ['Expected `rules.events[1].name` to be the event name (a non-empty string), found a list. The event is skipped.', 5, 16, 5, 35],
      ["Event 'Order Completed' (version 1) is defined twice; using the last one.", 7, 16, 7, 33],
      ["Expected `rules.events[6].rules` to be an object (a JSON Schema), found a string; the properties of 'Cart Viewed' are not checked.", 10, 54, 10, 60],
    ]);
    const plan = planOf(result);
    assert.equal(plan.format, 'segment-config-api');
    assert.equal(plan.name, 'Shop');
    assert.deepEqual([...plan.events.keys()], ['Order Completed', 'Product Viewed', 'Cart Viewed']);
    assert.deepEqual(event(plan, 'Order Completed').properties, { order_id: { type: 'string' } });
    // Version 2 is written before version 1 and wins.
    const viewed = event(plan, 'Product Viewed');
    assert.equal(viewed.description, 'v2');
    assert.deepEqual(viewed.properties, { sku: { type: 'string' } });
    assert.deepEqual(viewed.required, ['sku']);
    assert.deepEqual(viewed.path, ['rules', 'events', 4]);
    assert.equal(plan.identify, undefined);
    assert.equal(plan.group?.kind, 'group');
    assert.deepEqual(plan.group?.properties, { seats: { type: 'integer' } });
    assert.deepEqual(plan.group?.required, ['seats']);
    assert.deepEqual(plan.common?.properties, { app: { type: 'string' } });
  });

  test('`rules.events` that is not a list; identify still loads', () => {
    const result = load('segment-config-api/events-not-a-list.json');
    assert.deepEqual(located(result), [['Expected `rules.events` to be a list of events ({ name, version, rules }), found an object.', 3, 14, 3, 39]]);
    const plan = planOf(result);
    assert.equal(plan.events.size, 0);
    assert.deepEqual(plan.identify?.properties, { email: { type: 'string' } });
  });

  test('`rules` that is a list', () => {
    const result = load('segment-config-api/rules-wrong-type.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [
      ['Expected `rules` to be an object with `events` (and optionally `identify`, `group`, `global`), found a list.', 2, 11, 2, 30],
    ]);
  });

  test('malformed JSON', () => {
    const result = load('segment-config-api/malformed.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['JSON syntax error: Comma expected.', 5, 6, 5, 7]]);
  });
});

describe('minimal-json format', () => {
  test('events with `rules.properties` or direct properties; missing names, duplicates, wrong types', () => {
    const result = load('minimal-json/events.json');
    assert.deepEqual(located(result), [
      ['`events[2]` has no `name`; expected the event name as a string. The event is skipped.', 21, 4, 21, 40],
      ['Expected `events[3].name` to be the event name (a non-empty string), found a number. The event is skipped.', 22, 14, 22, 16],
      ["Event 'Signed Up' is defined twice; using the last one.", 24, 14, 24, 25],
      ["Expected `events[6].rules` to be an object (a JSON Schema), found a list; the properties of 'Cart Viewed' are not checked.", 25, 38, 25, 40],
      ['Expected `events[7]` to be an event object { name, description, rules: { properties } }, found a string. The event is skipped.', 26, 4, 26, 16],
    ]);
    const plan = planOf(result);
    assert.equal(plan.format, 'minimal-json');
    assert.deepEqual([...plan.events.keys()], ['Order Completed', 'Product Viewed', 'Signed Up', 'Cart Viewed']);

    const completed = event(plan, 'Order Completed');
    assert.equal(completed.description, 'An order is paid');
    assert.deepEqual(completed.properties, { order_id: { type: 'string' }, total: { type: 'number', minimum: 0 } });
    assert.deepEqual(completed.required, ['order_id', 'total']);
    assert.deepEqual(completed.path, ['events', 0]);
    assert.deepEqual(completed.propertiesPath, ['events', 0, 'rules', 'properties', 'properties']);

    const viewed = event(plan, 'Product Viewed');
    assert.deepEqual(viewed.properties, { sku: { type: 'string' } });
    assert.deepEqual(viewed.required, ['sku']);
    assert.deepEqual(viewed.propertiesPath, ['events', 1, 'properties']);

    assert.deepEqual(event(plan, 'Signed Up').properties, { plan: { type: 'string' } });
    assert.deepEqual(event(plan, 'Signed Up').path, ['events', 5]);
  });

  test('malformed JSON', () => {
    const result = load('minimal-json/malformed.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [
      ['JSON syntax error: Comma expected.', 3, 29, 3, 30],
      ['JSON syntax error: Property name expected.', 3, 29, 3, 30],
      ['JSON syntax error: Value expected.', 4, 0, 4, 1],
      ['JSON syntax error: Closing bracket ] expected.', 5, 0, 5, 1],
      ['JSON syntax error: Closing brace } expected.', 5, 0, 5, 1],
    ]);
  });
});

describe('community-yaml format', () => {
  test('a rule without key, properties as a list, duplicates', () => {
    const result = load('community-yaml/invalid.yml');
    assert.deepEqual(located(result), [
      ['`rules[0]` has no `key`; expected the event name as a string. The rule is skipped.', 1, 4, 3, 0],
      [
        "Expected `rules[1].properties` to be an object mapping property names to their schemas, found a list; the properties of 'Signed Up' are not checked.",
        6,
        6,
        7,
        0,
      ],
      ["Rule 'Signed Up' (TRACK, version 1) is defined twice; using the last one.", 7, 9, 7, 18],
    ]);
    const plan = planOf(result);
    assert.equal(plan.format, 'community-yaml');
    assert.deepEqual([...plan.events.keys()], ['Signed Up', 'Plan Changed']);
    assert.deepEqual(event(plan, 'Signed Up').properties, { method: { type: 'string' } });
    assert.deepEqual(event(plan, 'Signed Up').required, ['method']);
    assert.deepEqual(event(plan, 'Plan Changed').properties, { plan: { type: ['string', 'null'] }, seats: { type: 'integer' } });
    assert.deepEqual(event(plan, 'Plan Changed').required, ['plan']);
  });

  test('malformed YAML', () => {
    const result = load('community-yaml/malformed.yml');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }.', 5, 0, 5, 1]]);
  });
});

describe('native format', () => {
  test('examples/shop/tracking-plan.yaml', () => {
    const result = loadPlan('tracking-plan.yaml', readFileSync(new URL('examples/shop/tracking-plan.yaml', REPO), 'utf8'));
    assert.deepEqual(located(result), []);
    const plan = planOf(result);
    assert.equal(plan.format, 'native');
    assert.equal(plan.name, 'Acme Shop');
    // The example grows with the demo (other events may follow); these six are the plan's core.
    const core = ['Order Completed', 'Product Viewed', 'Product Added', 'Checkout Started', 'Signed Up', 'Purchase Completed'];
    assert.deepEqual([...plan.events.keys()].slice(0, 6), core);
    assert.equal(event(plan, 'Purchase Completed').deprecated, true);
    assert.equal(event(plan, 'Purchase Completed').replacedBy, 'Order Completed');
    assert.deepEqual(event(plan, 'Order Completed').required, ['order_id', 'total', 'currency']);
    assert.equal(event(plan, 'Order Completed').additionalProperties, false);
    assert.deepEqual(event(plan, 'Product Added').properties, {
      product_id: { type: 'string' },
      quantity: { type: 'integer', minimum: 1 },
      cart_id: { type: 'string', format: 'uuid' },
    });
  });

  test("the issue's example plan: every section, the same model from .yaml, .yml and .json", () => {
    const fromYaml = loadPlan('tracking-plan.yaml', ISSUE_EXAMPLE_PLAN);
    assert.deepEqual(located(fromYaml), []);
    const plan = planOf(fromYaml);
    assert.equal(plan.format, 'native');
    assert.equal(plan.name, 'Acme Shop');
    assert.deepEqual(plan.conventions, { events: 'title', properties: 'snake' });
    assert.deepEqual(plan.rules, { 'unknown-property': 'error' });
    const completed = event(plan, 'Order Completed');
    assert.equal(completed.description, 'User completes a purchase');
    assert.deepEqual(completed.properties, {
      order_id: { type: 'string' },
      total: { type: 'number', minimum: 0 },
      currency: { type: 'string', enum: ['USD', 'EUR', 'GBP'] },
      products: { type: 'array', items: { type: 'object', properties: { product_id: { type: 'string' } }, required: ['product_id'] } },
    });
    assert.deepEqual(completed.required, ['order_id', 'total', 'currency']);
    assert.equal(completed.additionalProperties, false);
    assert.equal(event(plan, 'Purchase Completed').deprecated, true);
    assert.equal(event(plan, 'Purchase Completed').replacedBy, 'Order Completed');
    assert.deepEqual(plan.identify?.properties, { email: { type: 'string', format: 'email' }, plan: { type: 'string' } });
    assert.deepEqual(plan.identify?.required, ['email']);
    assert.equal(plan.identify?.additionalProperties, true);
    assert.deepEqual(plan.group?.properties, { employees: { type: 'integer' } });
    assert.deepEqual(plan.group?.required, ['employees']);
    assert.deepEqual(plan.pages.get('Product Detail')?.properties, { product_id: { type: 'string' } });
    assert.deepEqual([...plan.screens.keys()], ['Home']);

    const fromYml = loadPlan('tracking-plan.yml', ISSUE_EXAMPLE_PLAN);
    const fromJson = loadPlan('tracking-plan.json', JSON.stringify(parseYaml(ISSUE_EXAMPLE_PLAN), null, 2));
    assert.deepEqual(located(fromJson), []);
    assert.deepEqual(planOf(fromYml), plan);
    assert.deepEqual(planOf(fromJson), plan);
  });

  test('malformed YAML', () => {
    const result = load('native/malformed.yaml');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }.', 4, 0, 4, 1]]);
  });

  test('malformed JSON', () => {
    const result = load('native/malformed.json');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [['JSON syntax error: Comma expected.', 4, 2, 4, 12]]);
  });

  test('wrong values and unknown keys', () => {
    const result = load('native/wrong-types.yaml');
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [
      ['Invalid option: expected one of "title"|"snake"|"camel"|"pascal"|"kebab"|"any" in \'conventions.events\'.', 1, 10, 1, 18],
      [
        "Expected a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them in 'events.Order Completed.properties.total.type'.",
        5,
        21,
        5,
        26,
      ],
      ["Unknown key 'colour' in 'events.Order Completed'.", 6, 4, 6, 10],
    ]);
  });
});

describe('native format: `x-` extension keys', () => {
  /** The issue's example plan with an extension key in every object whose keys the format fixes. */
  const WITH_EXTENSIONS = `x-owner: analytics-team
name: Acme Shop
conventions: { events: title, properties: snake, x-decided-in: RFC-12 }
events:
  Order Completed:
    x-owner: growth
    x-jira: { project: GROW, epic: 12 }
    properties:
      order_id: { type: string }
      total: { type: number, minimum: 0 }
    required: [order_id]
  Signed Up: { x-owner: accounts }
identify: { properties: { email: { type: string } }, x-source: crm }
group: { properties: { employees: { type: integer } }, x-source: crm }
common: { properties: { app_version: { type: string } }, x-note: every call }
pages: { Pricing: { x-owner: web } }
screens: { Home: { x-owner: mobile } }
callees:
  - { callee: trackEvent, event: { arg: 0, field: key, x-note: payload }, properties: { arg: 0, field: properties }, x-since: "2024" }
wrappers: { ignore: [legacyTrack], x-note: legacyTrack goes away in Q3 }
`;
  // The same plan without them: whole lines first, then the keys inside flow maps.
  const WITHOUT_EXTENSIONS = WITH_EXTENSIONS.replace(/^ *x-[a-z-]+: .*\n/gm, '').replace(/,? x-[a-z-]+: [^,}\n]+/g, '');

  test('are accepted and ignored at the top level, in conventions, events, sections, pages, screens, callees and wrappers', () => {
    assert.doesNotMatch(WITHOUT_EXTENSIONS, /x-/);
    const withExtensions = loadPlan('tracking-plan.yaml', WITH_EXTENSIONS);
    assert.deepEqual(located(withExtensions), []);
    const without = loadPlan('tracking-plan.yaml', WITHOUT_EXTENSIONS);
    assert.deepEqual(located(without), []);
    assert.deepEqual(planOf(withExtensions), planOf(without));
    assert.deepEqual(planOf(withExtensions).callees, [{ callee: 'trackEvent', kind: 'track', event: { arg: 0, field: 'key' }, properties: { arg: 0, field: 'properties' }, prefix: undefined, suffix: undefined }]);
  });

  test('any other unknown key is still a located error, beside extension keys', () => {
    const result = loadPlan(
      'tracking-plan.yaml',
      `x-owner: analytics\nevents:\n  Order Completed:\n    x-owner: growth\n    propertes:\n      order_id: { type: string }\nidentify: { x-source: crm, requried: [email] }\nowner: analytics\n`,
    );
    assert.equal(result.plan, undefined);
    assert.deepEqual(located(result), [
      ["Unknown key 'propertes' in 'events.Order Completed'.", 4, 4, 4, 13],
      ["Unknown key 'requried' in 'identify'.", 6, 27, 6, 35],
      ["Unknown key 'owner' at the top level.", 7, 0, 7, 5],
    ]);
  });

  test('where keys are names (events, properties, sources) or rule ids, an `x-` key is one of those', () => {
    const plan = planOf(loadPlan('tracking-plan.yaml', `events:\n  x-ray Scanned:\n    properties: { x-ray_id: { type: string } }\n`));
    assert.deepEqual([...plan.events.keys()], ['x-ray Scanned']);
    assert.deepEqual(Object.keys(event(plan, 'x-ray Scanned').properties ?? {}), ['x-ray_id']);
    const rules = loadPlan('tracking-plan.yaml', `rules: { x-note: error }\nevents: {}\n`);
    assert.equal(rules.plan, undefined);
    assert.equal(located(rules).length, 1);
  });
});

describe('property schemas', () => {
  test('every draft-07 keyword issue #2 lists loads as written, without a finding', () => {
    const schemas = {
      types: { type: ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] },
      choice: { type: 'string', enum: ['a', 'b'], description: 'One of two' },
      fixed: { const: 'x' },
      sku: { type: 'string', pattern: '^SKU-[0-9]+$', minLength: 4, maxLength: 12 },
      at: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      mail: { type: 'string', format: 'email' },
      link: { type: 'string', format: 'uri' },
      id: { type: 'string', format: 'uuid' },
      score: { type: 'number', minimum: 0, maximum: 10, exclusiveMinimum: -1, exclusiveMaximum: 11 },
      list: { type: 'array', items: { type: 'object', properties: { k: { type: 'integer' } }, required: ['k'], additionalProperties: false } },
      either: { anyOf: [{ type: 'string' }, { type: 'number' }] },
      one: { oneOf: [{ type: 'boolean' }, { type: 'null' }] },
      anything: {},
    };
    const result = loadPlan('tracking-plan.json', JSON.stringify({ events: { E: { properties: schemas } } }));
    assert.deepEqual(located(result), []);
    assert.deepEqual(event(planOf(result), 'E').properties, schemas);
  });

  // A property schema with keywords tracklint does not judge: annotations, vendor extensions, later drafts.
  const unknownKeywords = { type: 'string', 'x-owner': 'growth', title: 'T', examples: ['a'], default: 'a', $comment: 'c', readOnly: true, contentMediaType: 'text/plain' };
  const withUnknown: [string, string, unknown][] = [
    ['native', 'tracking-plan.json', { events: { E: { properties: { a: unknownKeywords } } } }],
    ['segment-public-api', 'rules.json', { rules: [{ key: 'E', type: 'TRACK', version: 1, jsonSchema: { properties: { properties: { type: 'object', properties: { a: unknownKeywords } } } } }] }],
    ['typewriter', 'plan.json', { name: 'p', resourceSchemaId: 'rs_1', rules: [{ key: 'E', type: 'TRACK', version: 1, jsonSchema: { properties: { a: unknownKeywords } } }] }],
    ['segment-config-api', 'plan.json', { display_name: 'p', rules: { events: [{ name: 'E', version: 1, rules: { properties: { properties: { type: 'object', properties: { a: unknownKeywords } } } } }] } }],
    ['minimal-json', 'plan.json', { events: [{ name: 'E', rules: { properties: { type: 'object', properties: { a: unknownKeywords } } } }] }],
  ];
  for (const [format, fileName, value] of withUnknown) {
    test(`${format}: unknown keywords are ignored, never an error`, () => {
      const result = loadPlan(fileName, JSON.stringify(value));
      assert.deepEqual(located(result), []);
      assert.equal(planOf(result).format, format);
      assert.deepEqual(event(planOf(result), 'E').properties, { a: unknownKeywords });
    });
  }
});

describe('format detection', () => {
  test('detectors are asked from the most specific to native, which is last', () => {
    assert.deepEqual(
      PLAN_FORMATS.map((f) => f.format),
      ['typewriter', 'segment-config-api', 'community-yaml', 'segment-public-api', 'minimal-json', 'native'],
    );
  });

  const cases: [string, unknown, string | undefined][] = [
    ['Typewriter by resourceSchemaId', { name: 'p', resourceSchemaId: 'rs_1', rules: [] }, 'typewriter'],
    ['Typewriter by eventMetadata', { rules: [{ key: 'A', type: 'TRACK', jsonSchema: { eventMetadata: { name: 'A' } } }] }, 'typewriter'],
    ['Typewriter by $id', { rules: [{ key: 'A', type: 'TRACK', jsonSchema: { $id: 'a' } }] }, 'typewriter'],
    ['Public API rules', { rules: [{ key: 'A', type: 'TRACK', jsonSchema: {} }] }, 'segment-public-api'],
    ['Public API data wrapper', { data: { rules: [] } }, 'segment-public-api'],
    ['Public API, broken rules', { rules: 'A' }, 'segment-public-api'],
    ['Config API by display_name', { display_name: 'p', rules: 'A' }, 'segment-config-api'],
    ['Config API by rules.events', { rules: { events: [] } }, 'segment-config-api'],
    ['community YAML', { rules: [{ key: 'A', type: 'TRACK', properties: {} }] }, 'community-yaml'],
    ['minimal JSON', { events: [{ name: 'A' }] }, 'minimal-json'],
    ['native', { events: { A: null } }, 'native'],
    ['native with severity rules', { rules: { 'unknown-event': 'off' }, events: {} }, 'native'],
    ['native with broken events', { events: 'A' }, 'native'],
    ['nothing known', { tracking: [] }, undefined],
  ];
  for (const [label, value, format] of cases) {
    test(label, () => {
      assert.equal(PLAN_FORMATS.find((f) => f.detect(value))?.format, format);
    });
  }
});

describe('plans/tracking-plan.schema.json', () => {
  test('is exactly what scripts/write-plan-schema.ts generates (run `npm run schema` after changing nativeSchema.ts)', () => {
    const committed = readFileSync(new URL('plans/tracking-plan.schema.json', REPO), 'utf8');
    assert.equal(committed, nativePlanJsonSchemaText());
  });

  test('is draft-07 with an $id, a title and resolvable $refs for the recursive property schema', () => {
    const schema = nativePlanJsonSchema();
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, 'https://raw.githubusercontent.com/tracklint/tracklint/main/plans/tracking-plan.schema.json');
    assert.equal(schema.title, 'tracklint tracking plan');
    assert.equal(schema.$defs, undefined);
    const definitions = schema.definitions as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(definitions), ['propertySchema']);
    const refs = JSON.stringify(schema).match(/"\$ref":"[^"]*"/g) ?? [];
    assert.ok(refs.length > 0);
    assert.deepEqual([...new Set(refs)], ['"$ref":"#/definitions/propertySchema"']);
    // Recursion: a property's `properties` and `items` refer back to the property schema.
    const property = definitions.propertySchema as { properties: Record<string, Record<string, unknown>>; description: string };
    assert.deepEqual(property.properties.properties.additionalProperties, { $ref: '#/definitions/propertySchema' });
    assert.equal(property.description, 'A JSON Schema (draft-07) for one property. An empty schema {} accepts any value.');
    // What a person writes: a callee's `kind` has a default, so it is not required.
    const callee = (schema.properties as Record<string, { items: { required: string[] } }>).callees.items;
    assert.deepEqual(callee.required, ['callee']);
  });
});
