import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { PLAN_TEMPLATES, readTemplate, templatesDirectory } from '../../server/src/core/templates/planTemplates';
import { segmentSpecCatalogue } from '../../server/src/core/templates/segmentSpecCatalogue';

const EVENT_COUNTS: Record<string, number> = { 'ecommerce-v2': 28, 'b2b-saas': 10, video: 16, mobile: 12 };

describe('Segment spec templates (plans/templates)', () => {
  test('every file in plans/templates is a listed template, and every template has its file', () => {
    assert.equal(templatesDirectory(), path.resolve(__dirname, '../../plans/templates'));
    assert.deepEqual(readdirSync(templatesDirectory()).sort(), PLAN_TEMPLATES.map((t) => `${t.name}.yaml`).sort());
  });

  for (const template of PLAN_TEMPLATES) {
    test(`${template.name} loads as a native plan with zero findings`, () => {
      const { file, text } = readTemplate(template);
      const { plan, findings } = loadPlan(file, text);
      assert.deepEqual(findings, []);
      assert.equal(plan?.format, 'native');
      assert.equal(plan?.events.size, EVENT_COUNTS[template.name]);
      assert.deepEqual(plan?.conventions, { events: 'title', properties: 'snake' });
      for (const [name, entry] of plan!.events) assert.ok(entry.description, `${template.name}: '${name}' has no description`);
    });
  }

  test('spec details: Order Completed carries products (product_id inside), Trial Started dates, Seek Started its seek_position', () => {
    const load = (name: string) => loadPlan(name, readTemplate(PLAN_TEMPLATES.find((t) => t.name === name)!).text).plan!;
    const order = load('ecommerce-v2').events.get('Order Completed')!;
    assert.deepEqual(Object.keys(order.properties!), ['checkout_id', 'order_id', 'affiliation', 'total', 'revenue', 'shipping', 'tax', 'discount', 'coupon', 'currency', 'products', 'subtotal']);
    assert.equal(order.properties!.products.type, 'array');
    assert.deepEqual((order.properties!.products.items as { properties: Record<string, unknown> }).properties.product_id, { type: 'string', description: 'Database id of the product' });
    assert.deepEqual(load('b2b-saas').events.get('Trial Started')!.properties!.trial_start_date, { type: 'string', format: 'date-time', description: 'The date when the trial starts' });
    assert.deepEqual(load('video').events.get('Video Playback Seek Started')!.properties!.seek_position, { type: 'integer', description: 'The position in seconds the user is seeking to' });
    // Events the spec gives no properties accept any.
    assert.equal(load('mobile').events.get('Application Backgrounded')!.properties, undefined);
  });

  test('the catalogue for completion without a plan: every spec event, once, with its spec', () => {
    const { plan, specOf } = segmentSpecCatalogue();
    assert.equal(plan.events.size, 28 + 10 + 16 + 12);
    assert.equal(specOf.get('Order Completed'), 'Ecommerce v2');
    assert.equal(specOf.get('Signed Up'), 'B2B SaaS');
    assert.equal(specOf.get('Video Ad Completed'), 'Video');
    assert.equal(specOf.get('Deep Link Opened'), 'Mobile');
    assert.equal(segmentSpecCatalogue(), segmentSpecCatalogue());
  });
});
