import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPlan } from '../../server/src/core/plan/load';
import { parseSettings } from '../../server/src/lsp/settings';
import { runRuleTests } from '../helpers/ruleTester';

/**
 * A declared callee's `provides: [platform, device]`: the keys its wrapper adds itself, present at every call
 * site of that callee (as for an inferred wrapper's `{ ...properties, platform }`).
 */

const EVENTS = 'events:\n  E:\n    properties:\n      a: { type: number }\n      platform: { type: string }\n      device: { type: string }\n    required: [a, platform, device]\n';
const PROVIDING = `callees:\n  - { callee: trackEvent, provides: [platform, device] }\n${EVENTS}`;
const WRAPPER = 'declare function trackEvent(name: string, properties?: object): void;\n';

runRuleTests('missing-required-property', {
  valid: [
    { name: 'the keys the callee provides are present', plan: PROVIDING, code: `${WRAPPER}trackEvent('E', { a: 1 });` },
    {
      name: 'with the properties in a field of an object argument',
      plan: `callees:\n  - callee: bus.emit\n    event: { arg: 0, field: event }\n    properties: { arg: 0, field: props }\n    provides: [platform, device]\n${EVENTS}`,
      code: `declare const bus: { emit(message: object): void };\nbus.emit({ event: 'E', props: { a: 1 } });`,
    },
  ],
  invalid: [
    {
      name: 'a key the callee does not provide is still missing',
      plan: PROVIDING,
      code: `${WRAPPER}trackEvent('E', {});`,
      errors: [{ message: "Missing required property 'a' of event 'E'.", line: 2, column: 17, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'without provides, all three are missing',
      plan: `callees:\n  - { callee: trackEvent }\n${EVENTS}`,
      code: `${WRAPPER}trackEvent('E', { a: 1 });`,
      errors: [
        { message: "Missing required property 'platform' of event 'E'.", line: 2, column: 17, endLine: 2, endColumn: 25 },
        { message: "Missing required property 'device' of event 'E'.", line: 2, column: 17, endLine: 2, endColumn: 25 },
      ],
    },
    {
      name: 'another callee does not provide them',
      plan: `callees:\n  - { callee: trackEvent, provides: [platform, device] }\n  - { callee: logEvent }\n${EVENTS}`,
      code: `${WRAPPER}declare function logEvent(name: string, properties?: object): void;\ntrackEvent('E', { a: 1 });\nlogEvent('E', { a: 1, device: 'd' });`,
      errors: [{ message: "Missing required property 'platform' of event 'E'.", line: 4, column: 15, endLine: 4, endColumn: 36 }],
    },
  ],
});

runRuleTests('property-type', {
  valid: [],
  invalid: [
    {
      name: 'a provided key the call sends anyway is still checked',
      plan: PROVIDING,
      code: `${WRAPPER}trackEvent('E', { a: 1, platform: 3 });`,
      errors: [{ message: "Property 'platform' of event 'E' should be string, but the value is 3.", line: 2, column: 35, endLine: 2, endColumn: 36 }],
    },
  ],
});

describe('provides is validated where it enters', () => {
  const rows: [string, string, [string, number, number, number, number][]][] = [
    ['a string instead of a list', '  - { callee: trackEvent, provides: platform }\n', [["Expected a list of property keys, such as [platform, device] in 'callees.0.provides'.", 1, 36, 1, 44]]],
    ['an empty key', '  - { callee: trackEvent, provides: [platform, ""] }\n', [["Expected a property key (a non-empty string) in 'callees.0.provides.1'.", 1, 47, 1, 49]]],
    ['a number', '  - { callee: trackEvent, provides: [3] }\n', [["Expected a property key (a non-empty string) in 'callees.0.provides.0'.", 1, 37, 1, 38]]],
    ['a key twice', '  - { callee: trackEvent, provides: [platform, platform] }\n', [["'platform' is listed twice in 'callees.0.provides.1'.", 1, 47, 1, 55]]],
  ];
  for (const [name, entry, expected] of rows) {
    test(name, () => {
      const result = loadPlan('/tracking-plan.yaml', `callees:\n${entry}${EVENTS}`);
      assert.deepEqual(
        result.findings.map((f) => [f.message, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]),
        expected,
      );
      assert.equal(result.plan, undefined);
    });
  }

  test('a valid provides reaches the callee', () => {
    assert.deepEqual(loadPlan('/tracking-plan.yaml', PROVIDING).plan?.callees, [
      { callee: 'trackEvent', kind: 'track', event: undefined, properties: undefined, prefix: undefined, suffix: undefined, provides: ['platform', 'device'] },
    ]);
  });

  test('the tracklint.callees setting takes provides, and reports a wrong one', () => {
    assert.deepEqual(parseSettings({ callees: [{ callee: 'trackEvent', provides: ['platform'] }] }).settings.callees[0].provides, ['platform']);
    assert.deepEqual(parseSettings({ callees: [{ callee: 'trackEvent', provides: 'platform' }] }).problems, [
      'tracklint.callees: 0.provides: Expected a list of property keys, such as [platform, device] — using the default.',
    ]);
  });
});
