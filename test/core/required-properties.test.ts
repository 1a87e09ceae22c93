import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadPlan } from '../../server/src/core/plan/load';
import { checkFiles, createInMemoryProgram } from '../../server/src/core/workspace';

/**
 * JSON Schema semantics of `required` in every plan format: a key that `required` names is a property of the
 * object even when `properties` does not list it (its value may be anything), so the plan is valid, a call
 * sending it gets no `unknown-property`, and a call leaving it out gets `missing-required-property`.
 */

/** [ruleId, message, line, column, endLine, endColumn]: 1-based, end exclusive. */
type Row = [string, string, number, number, number, number];

interface FormatCase {
  format: string;
  file: string;
  plan: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);
const signupSchema = { type: 'object', properties: { plan: { type: 'string' } }, required: ['plan', 'seat_count'] };

const FORMATS: FormatCase[] = [
  { format: 'native', file: 'tracking-plan.yaml', plan: 'events:\n  Signup:\n    properties:\n      plan: { type: string }\n    required: [plan, seat_count]\n' },
  { format: 'native', file: 'tracking-plan.json', plan: json({ events: { Signup: { properties: signupSchema.properties, required: signupSchema.required } } }) },
  {
    format: 'segment-public-api',
    file: 'rules.json',
    plan: json({ rules: [{ key: 'Signup', type: 'TRACK', version: 1, jsonSchema: { type: 'object', properties: { properties: signupSchema } } }] }),
  },
  {
    format: 'segment-config-api',
    file: 'plan.json',
    plan: json({ display_name: 'P', rules: { events: [{ name: 'Signup', version: 1, rules: { type: 'object', properties: { properties: signupSchema } } }] } }),
  },
  {
    format: 'typewriter',
    file: 'plan.json',
    plan: json({ name: 'P', resourceSchemaId: 'rs_1', rules: [{ key: 'Signup', type: 'TRACK', version: 1, jsonSchema: { $id: 'x', eventMetadata: { name: 'Signup' }, ...signupSchema } }] }),
  },
  { format: 'minimal-json', file: 'plan.json', plan: json({ events: [{ name: 'Signup', rules: { properties: signupSchema } }] }) },
  {
    format: 'community-yaml',
    file: 'plan.yml',
    plan: 'rules:\n  - key: Signup\n    type: TRACK\n    properties:\n      plan: { type: string, required: true }\n    required: [seat_count]\n',
  },
];

const CALLS: { name: string; code: string; rows: Row[] }[] = [
  { name: 'sending the required-only key', code: `analytics.track('Signup', { plan: 'pro', seat_count: 3 });`, rows: [] },
  {
    name: 'leaving it out',
    code: `analytics.track('Signup', { plan: 'pro' });`,
    rows: [['missing-required-property', "Missing required property 'seat_count' of event 'Signup'.", 1, 27, 1, 42]],
  },
  {
    name: 'other keys stay unknown',
    code: `analytics.track('Signup', { plan: 'pro', seat_count: 'three', seats: 3 });`,
    rows: [['unknown-property', "Property 'seats' is not in the tracking plan for event 'Signup'.", 1, 63, 1, 68]],
  },
];

function findings(planFile: string, planText: string, code: string): { plan: string[]; code: Row[] } {
  const loaded = loadPlan(`/${planFile}`, planText);
  const planFindings = loaded.findings.map((f) => `${f.severity} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
  if (!loaded.plan) return { plan: planFindings, code: [] };
  const host = createInMemoryProgram({ '/case.ts': `${code}\nexport {};\n` });
  const rows = (checkFiles({ plan: loaded.plan, host, files: ['/case.ts'] }).get('/case.ts') ?? []).map(
    (f): Row => [f.ruleId, f.message, f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1],
  );
  return { plan: planFindings, code: rows };
}

describe('a key in required but not in properties is a property of the object', () => {
  for (const format of FORMATS) {
    describe(`${format.format} (${format.file})`, () => {
      test('the plan loads in that format with no finding', () => {
        const loaded = loadPlan(`/${format.file}`, format.plan);
        assert.deepEqual(loaded.findings, []);
        assert.equal(loaded.plan?.format, format.format);
      });
      for (const call of CALLS) {
        test(call.name, () => assert.deepEqual(findings(format.file, format.plan, call.code), { plan: [], code: call.rows }));
      }
    });
  }
});

describe('the same in nested objects, identify traits and beside common properties', () => {
  test('a nested object', () => {
    const plan = 'events:\n  E:\n    properties:\n      address:\n        type: object\n        properties:\n          city: { type: string }\n        required: [zip]\n';
    assert.deepEqual(findings('tracking-plan.yaml', plan, `analytics.track('E', { address: { city: 'c', zip: 1 } });`), { plan: [], code: [] });
    assert.deepEqual(findings('tracking-plan.yaml', plan, `analytics.track('E', { address: { city: 'c', street: 's' } });`), {
      plan: [],
      code: [
        ['missing-required-property', "Missing required property 'address.zip' of event 'E'.", 1, 33, 1, 59],
        ['unknown-property', "Property 'address.street' is not in the tracking plan for event 'E'.", 1, 46, 1, 52],
      ],
    });
  });

  test('identify traits in Segment Public API rules', () => {
    const plan = json({ rules: [{ key: '', type: 'IDENTIFY', version: 1, jsonSchema: { properties: { traits: { properties: { name: { type: 'string' } }, required: ['email'] } } } }] });
    assert.deepEqual(findings('rules.json', plan, `analytics.identify('u', { name: 'n', email: 'e' });`), { plan: [], code: [] });
  });

  test('a required key the common properties define keeps their schema', () => {
    const plan = 'common:\n  properties:\n    platform: { type: string }\nevents:\n  E:\n    properties:\n      a: { type: string }\n    required: [platform]\n';
    assert.deepEqual(findings('tracking-plan.yaml', plan, `analytics.track('E', { a: 'x', platform: 3 });`), {
      plan: [],
      code: [['property-type', "Property 'platform' of event 'E' should be string, but the value is 3.", 1, 42, 1, 43]],
    });
  });

  test('with additionalProperties: false written out, no value can satisfy both, and the key is still known', () => {
    const plan = 'events:\n  E:\n    properties:\n      a: { type: string }\n    required: [a, b]\n    additionalProperties: false\n';
    assert.deepEqual(findings('tracking-plan.yaml', plan, `analytics.track('E', { a: 'x', b: 1 });`), {
      plan: [
        "error 5:19 'b' is required by event 'E' but not defined in its `properties`, and `additionalProperties: false` allows no other property: no value can satisfy both. Define 'b' under `properties` or remove it from `required`.",
      ],
      code: [],
    });
  });
});

describe('every shared plan sample still loads with no finding', () => {
  const dir = path.resolve(__dirname, '../../../shared/plan-samples');
  const samples = (() => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  })();
  for (const name of samples) {
    test(name, () => assert.deepEqual(loadPlan(path.join(dir, name), readFileSync(path.join(dir, name), 'utf8')).findings, []));
  }
});
