import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { effectiveSeverity } from '../../server/src/core/check';
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
