import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import type { PlanEntry, PropertiesSpec, TrackingPlan } from '../../server/src/core/plan/model';
import { nativePlanYaml } from '../../server/src/core/plan/write/nativePlanWriter';
import { segmentRules } from '../../server/src/core/plan/write/segmentRulesWriter';

const SAMPLES = new URL('../fixtures/plans/samples/', import.meta.url);
const REPO = new URL('../../', import.meta.url);

function planFrom(fileName: string, text: string): TrackingPlan {
  const { plan, findings } = loadPlan(fileName, text);
  assert.ok(plan, `no plan: ${JSON.stringify(findings.map((f) => f.message))}`);
  return plan;
}

/** What a plan entry means, without where it was written (paths differ between formats by nature). */
function meaning(spec: PropertiesSpec & Partial<PlanEntry>): unknown {
  const { path: _path, propertiesPath: _pp, schemaRoot: _sr, ...rest } = spec;
  return JSON.parse(JSON.stringify({ ...rest, deprecated: rest.deprecated || undefined }));
}

function entries(plan: TrackingPlan) {
  const map = (m: Map<string, PlanEntry>) => [...m].map(([name, entry]) => [name, meaning(entry)]);
  return {
    events: map(plan.events),
    pages: map(plan.pages),
    screens: map(plan.screens),
    identify: plan.identify && meaning(plan.identify),
    group: plan.group && meaning(plan.group),
    common: plan.common && meaning(plan.common),
  };
}

/** Everything the native format keeps: the entries and every plan-level setting. */
function whole(plan: TrackingPlan) {
  const { name, conventions, rules, callees, wrappers, ignore } = plan;
  return JSON.parse(JSON.stringify({ ...entries(plan), name, conventions, rules, callees, wrappers, ignore }));
}

const FULL_PLAN = `name: Everything
conventions: { events: title, properties: snake }
rules: { unknown-property: error, dynamic-event-name: off }
ignore: ["src/generated/**"]
definitions:
  money: { type: number, minimum: 0 }
events:
  Order Completed:
    description: User completes a purchase
    properties:
      order_id: { type: string, pattern: "^o_" }
      total: { $ref: "#/definitions/money" }
      currency: { type: string, enum: [USD, EUR] }
      coupon: { type: [string, "null"] }
      products:
        type: array
        items: { type: object, properties: { product_id: { type: string } }, required: [product_id] }
    required: [order_id, total]
    additionalProperties: false
  Purchase Completed:
    deprecated: true
    replacedBy: Order Completed
  Signed Up:
    properties: { method: { type: string } }
    additionalProperties: { type: string }
identify:
  description: Who the user is
  properties: { email: { type: string, format: email, pii: true } }
  additionalProperties: true
group: { properties: { name: { type: string } }, required: [name] }
common: { properties: { app_version: { type: string } } }
pages: { Product Detail: { properties: { product_id: { type: string } } } }
screens: { Home: {} }
callees:
  - { callee: analyticsService.track, event: 0, properties: 2 }
  - { callee: trackEvent, kind: page, event: { arg: 0, field: key }, prefix: "app." }
wrappers: { ignore: [legacyTrack] }
`;

describe('native plan writer', () => {
  test('native → YAML → native keeps every keyword ($refs are written resolved)', () => {
    const plan = planFrom('tracking-plan.yaml', FULL_PLAN);
    const written = nativePlanYaml(plan);
    const again = loadPlan('again.yaml', written);
    assert.deepEqual(again.findings, []);
    assert.deepEqual(whole(again.plan!), whole(plan));
  });

  test('the text: stable key order, one-line schemas, defaults left out, header comments', () => {
    const plan = planFrom(
      'p.json',
      JSON.stringify({ events: [{ name: 'Signed Up', description: 'New account', rules: { properties: { properties: { plan: { description: 'Plan', type: 'string' }, method: { enum: ['email', 'google'], type: 'string' } }, required: ['method'] } } }] }),
    );
    assert.equal(
      nativePlanYaml(plan, ['Imported.']),
      [
        '# Imported.',
        '',
        'events:',
        '  Signed Up:',
        '    description: New account',
        '    properties:',
        '      plan: { type: string, description: Plan }',
        '      method: { type: string, enum: [ email, google ] }',
        '    required: [ method ]',
        '',
      ].join('\n'),
    );
  });

  test('the example plan (examples/shop) survives the writer', () => {
    const plan = planFrom('tracking-plan.yaml', readFileSync(new URL('examples/shop/tracking-plan.yaml', REPO), 'utf8'));
    assert.deepEqual(whole(planFrom('again.yaml', nativePlanYaml(plan))), whole(plan));
  });

  for (const sample of readdirSync(SAMPLES)) {
    test(`import ${sample}: the native plan has the same events, properties and traits`, () => {
      const plan = planFrom(sample, readFileSync(new URL(sample, SAMPLES), 'utf8'));
      const imported = loadPlan('tracking-plan.yaml', nativePlanYaml(plan));
      assert.deepEqual(imported.findings.filter((f) => f.severity === 'error'), []);
      assert.deepEqual(entries(imported.plan!), entries(plan));
      assert.equal(imported.plan!.name, plan.name);
    });
  }
});

describe('Segment Public API rules writer', () => {
  test('native → Segment rules → load: events, pages, screens, traits, common, descriptions and deprecation survive', () => {
    const plan = planFrom('tracking-plan.yaml', FULL_PLAN);
    const { rules, notExported } = segmentRules(plan, { deprecatedAt: '2026-01-02T03:04:05.000Z' });
    const back = loadPlan('rules.json', JSON.stringify({ rules }));
    assert.deepEqual(back.findings, []);
    assert.equal(back.plan!.format, 'segment-public-api');
    const { replacedBy: _lost, ...purchase } = meaning(plan.events.get('Purchase Completed')!) as Record<string, unknown>;
    const expected = entries(plan);
    expected.events = expected.events.map(([name, entry]) => [name, name === 'Purchase Completed' ? purchase : entry]);
    assert.deepEqual(entries(back.plan!), expected);
    assert.deepEqual(notExported, [
      "replacedBy of 'Purchase Completed' (Order Completed)",
      'conventions',
      'rules (severities)',
      'callees',
      'wrappers',
      'ignore',
      "name (a rules list has none; it is the tracking plan's own)",
    ]);
  });

  test('the rule shapes Segment takes: keyed TRACK/PAGE/SCREEN, traits under IDENTIFY/GROUP, deprecatedAt', () => {
    const plan = planFrom('tracking-plan.yaml', 'events:\n  A: { deprecated: true, properties: { x: { type: string } }, required: [x] }\nidentify: { properties: { email: { type: string } } }\nscreens: { Home: {} }\n');
    assert.deepEqual(segmentRules(plan, { deprecatedAt: '2026-01-02T03:04:05.000Z' }).rules, [
      {
        key: 'A',
        type: 'TRACK',
        version: 1,
        jsonSchema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: { context: {}, traits: {}, properties: { type: 'object', properties: { x: { type: 'string' } }, required: ['x'] } },
        },
        deprecatedAt: '2026-01-02T03:04:05.000Z',
      },
      {
        type: 'IDENTIFY',
        version: 1,
        jsonSchema: {
          $schema: 'http://json-schema.org/draft-07/schema#',
          type: 'object',
          properties: { context: {}, traits: { type: 'object', properties: { email: { type: 'string' } } }, properties: {} },
        },
      },
      {
        key: 'Home',
        type: 'SCREEN',
        version: 1,
        jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { context: {}, traits: {}, properties: { type: 'object' } } },
      },
    ]);
  });

  test('the Public API sample → native → Segment rules → load gives the sample back', () => {
    const plan = planFrom('public-api-rules.json', readFileSync(new URL('public-api-rules.json', SAMPLES), 'utf8'));
    const native = planFrom('tracking-plan.yaml', nativePlanYaml(plan));
    const back = planFrom('rules.json', JSON.stringify({ rules: segmentRules(native, { deprecatedAt: '2026-01-01T00:00:00Z' }).rules }));
    assert.deepEqual(entries(back), entries(plan));
  });
});
