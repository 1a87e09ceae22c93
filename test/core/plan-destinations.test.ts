import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { nativePlanJsonSchema } from '../../server/src/core/plan/planJsonSchema';

function located(text: string): [string, number, number, number, number][] {
  return loadPlan('tracking-plan.yaml', text).findings.map((f) => [f.message, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);
}

describe('the native plan’s destinations:', () => {
  test('a list of destinations, and per-event allow-lists', () => {
    const result = loadPlan('tracking-plan.yaml', 'destinations: [Mixpanel, Google Analytics]\nevents:\n  Signed Up:\n    destinations: [Mixpanel]\n  Order Completed: {}\n');
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.plan!.destinations, ['Mixpanel', 'Google Analytics']);
    assert.deepEqual(result.plan!.events.get('Signed Up')!.destinations, ['Mixpanel']);
    assert.equal(result.plan!.events.get('Order Completed')!.destinations, undefined);
  });

  test('a plan without destinations: has none', () => {
    assert.equal(loadPlan('tracking-plan.yaml', 'events:\n  A: {}\n').plan!.destinations, undefined);
  });

  test('an event destination the plan does not declare is a located invalid-plan finding, with did-you-mean', () => {
    assert.deepEqual(located('destinations: [Mixpanel, Amplitude]\nevents:\n  Signed Up:\n    destinations: [MixPanel, Intercom]\n'), [
      ["Destination 'MixPanel' of 'Signed Up' is not among the plan's destinations: (Mixpanel, Amplitude). Did you mean 'Mixpanel'?", 3, 19, 3, 27],
      ["Destination 'Intercom' of 'Signed Up' is not among the plan's destinations: (Mixpanel, Amplitude).", 3, 29, 3, 37],
    ]);
  });

  test('event destinations without top-level destinations', () => {
    assert.deepEqual(located('events:\n  Signed Up:\n    destinations: [Mixpanel]\n'), [
      ["'Signed Up' lists destinations, but the plan declares none: add them to the top-level destinations:.", 2, 18, 2, 28],
    ]);
  });

  test('destinations must be a list of non-empty names', () => {
    const findings = located('destinations: Mixpanel\nevents: {}\n');
    assert.equal(findings.length, 1);
    assert.match(findings[0][0], /in 'destinations'/);
  });

  test('the published JSON Schema has both', () => {
    const schema = nativePlanJsonSchema() as { properties: Record<string, { type?: string }> };
    assert.equal(schema.properties.destinations.type, 'array');
    assert.match(JSON.stringify(schema), /The destinations that should receive this event/);
  });
});
