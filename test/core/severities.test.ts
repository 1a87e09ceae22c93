import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { effectiveSeverity, planFileFindings } from '../../server/src/core/check';
import { RULES } from '../../server/src/core/rules';
import { loadPlan } from '../../server/src/core/plan/load';
import { CaseWorkspace, type RuleCase } from '../helpers/ruleTester';

describe('default severities', () => {
  // Issue #2 fixes these as part of the public contract; the docs and README tests only check they agree with the code.
  const CONTRACT = {
    'unknown-event': 'error',
    'missing-required-property': 'error',
    'property-type': 'error',
    'property-value': 'error',
    'invalid-plan': 'error',
    'unknown-property': 'warning',
    'event-name-casing': 'warning',
    'property-name-casing': 'warning',
    'deprecated-event': 'warning',
    'dynamic-event-name': 'info',
  } as const;
  for (const [id, severity] of Object.entries(CONTRACT)) {
    test(`${id}: ${severity}`, () => {
      assert.equal(RULES[id as keyof typeof CONTRACT].meta.defaultSeverity, severity);
    });
  }
});

describe("the plan's rules: overrides", () => {
  const plan = `
rules:
  unknown-event: warning
  deprecated-event: off
  dynamic-event-name: error
  unknown-property: info
events:
  A:
    properties: { p: { type: string } }
  B: { deprecated: true }
`;
  const code = `declare const s: string;\nanalytics.track('X');\nanalytics.track('B');\nanalytics.track(s);\nanalytics.track('A', { q: 'v' });`;
  const c: RuleCase = { code, plan };
  const workspace = new CaseWorkspace([{ c, dir: '/overrides' }]);

  test('each finding takes the plan’s severity; off disables the rule', () => {
    assert.deepEqual(
      workspace.findings(undefined, c, '/overrides').map((f) => [f.ruleId, f.severity, f.range.start.line + 1]),
      [
        ['unknown-event', 'warning', 2],
        ['dynamic-event-name', 'error', 4],
        ['unknown-property', 'info', 5],
      ],
    );
  });

  test('without the plan’s rules:, the same code gets the defaults', () => {
    const defaults: RuleCase = { code, plan: plan.replace(/^rules:[\s\S]*?(?=^events:)/m, '') };
    const findings = new CaseWorkspace([{ c: defaults, dir: '/defaults' }]).findings(undefined, defaults, '/defaults');
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.range.start.line + 1]),
      [
        ['unknown-event', 'error', 2],
        ['deprecated-event', 'warning', 3],
        ['dynamic-event-name', 'info', 4],
        ['unknown-property', 'warning', 5],
      ],
    );
  });

  test('settings from the editor or the command line win over the plan', () => {
    const loaded = loadPlan('/plan.yaml', plan).plan!;
    assert.equal(effectiveSeverity('unknown-event', loaded), 'warning');
    assert.equal(effectiveSeverity('unknown-event', loaded, { 'unknown-event': 'off' }), 'off');
    assert.equal(effectiveSeverity('property-type', loaded), 'error');
  });
});

describe('invalid-plan severity', () => {
  // A usable plan with an error (a duplicate key) and a warning (names that differ only in case).
  const PLAN = `events:\n  A: {}\n  A: {}\n  Order Completed: {}\n  order_completed: {}\n`;
  const DUPLICATE = "Key 'A' is defined twice in 'events' (first on line 2); the last definition is used.";
  const COLLISION = "Event 'order_completed' differs from 'Order Completed' (line 4) only in case or separators: calls may send either, and its data splits in two. Remove one, or mark the old one `deprecated` with `replacedBy`.";
  const severities = (text: string, overrides?: Parameters<typeof planFileFindings>[1]) => planFileFindings(loadPlan('/plan.yaml', text), overrides).map((f) => [f.severity, f.message]);

  test('without a setting, the loader’s severities stand', () => {
    assert.deepEqual(severities(PLAN), [
      ['error', DUPLICATE],
      ['warning', COLLISION],
    ]);
  });

  test('the plan’s rules: sets every finding of the plan file', () => {
    assert.deepEqual(severities(`rules: { invalid-plan: warning }\n${PLAN}`), [
      ['warning', `Key 'A' is defined twice in 'events' (first on line 3); the last definition is used.`],
      ['warning', COLLISION.replace('(line 4)', '(line 5)')],
    ]);
    assert.deepEqual(severities(`rules: { invalid-plan: off }\n${PLAN}`), []);
  });

  test('a setting wins over the plan’s rules:', () => {
    assert.deepEqual(severities(`rules: { invalid-plan: off }\n${PLAN}`, { 'invalid-plan': 'info' }).map(([severity]) => severity), ['info', 'info']);
  });

  test('an unusable plan is reported as loaded, whatever is configured', () => {
    assert.deepEqual(severities(`events:\n  A: { colour: red }\n`, { 'invalid-plan': 'off' }), [['error', "Unknown key 'colour' in 'events.A'."]]);
  });
});
