import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CaseWorkspace, type RuleCase } from '../helpers/ruleTester';

// `analytics.track('order completed')` raises two findings on its line: event-name-casing and unknown-event.
const CASING = "Event name 'order completed' is not Title Case; expected 'Order Completed'.";
const UNKNOWN = "Event 'order completed' is not in the tracking plan. Did you mean 'Order Completed'?";
const NOPE = "Event 'Nope' is not in the tracking plan.";
const REFERRER = "Property 'referrer' is not in the tracking plan for event 'Signed Up'.";

interface SuppressionCase extends RuleCase {
  name: string;
  /** What remains, as [ruleId, 1-based line, message]. */
  remaining: [string, number, string][];
}

const cases: SuppressionCase[] = [
  {
    name: 'without suppressions, both findings are reported',
    code: `analytics.track('order completed');`,
    remaining: [
      ['event-name-casing', 1, CASING],
      ['unknown-event', 1, UNKNOWN],
    ],
  },
  {
    name: '// tracklint-disable-next-line without ids: every rule on the next line',
    code: `// tracklint-disable-next-line\nanalytics.track('order completed');\nanalytics.track('Nope');`,
    remaining: [['unknown-event', 3, NOPE]],
  },
  {
    name: '// tracklint-disable-next-line rule-id: that rule only',
    code: `// tracklint-disable-next-line unknown-event\nanalytics.track('order completed');`,
    remaining: [['event-name-casing', 2, CASING]],
  },
  {
    name: 'several ids, separated by spaces or commas, and a reason after --',
    code: `// tracklint-disable-next-line event-name-casing, unknown-event -- renamed next sprint\nanalytics.track('order completed');\n// tracklint-disable-next-line unknown-property unknown-event\nanalytics.track('Signed Up', { method: 'email', referrer: 'x' });`,
    remaining: [],
  },
  {
    name: 'another rule’s id suppresses nothing here',
    code: `// tracklint-disable-next-line unknown-property\nanalytics.track('Nope');`,
    remaining: [['unknown-event', 2, NOPE]],
  },
  {
    name: 'only the next line, not the one after it',
    code: `// tracklint-disable-next-line\nanalytics.track('Nope');\nanalytics.track('Nope');`,
    remaining: [['unknown-event', 3, NOPE]],
  },
  {
    name: '/* tracklint-disable */ without ids: the whole file',
    code: `analytics.track('order completed');\n/* tracklint-disable */\nanalytics.track('Nope');`,
    remaining: [],
  },
  {
    name: '/* tracklint-disable rule-id */: that rule in the whole file, above the comment too',
    code: `analytics.track('Signed Up', { method: 'email', referrer: 'x' });\n/* tracklint-disable unknown-event */\nanalytics.track('order completed');\nanalytics.track('Nope');`,
    remaining: [
      ['unknown-property', 1, REFERRER],
      ['event-name-casing', 3, CASING],
    ],
  },
  {
    name: 'a block comment with -next-line is not a whole-file suppression',
    code: `/* tracklint-disable-next-line */\nanalytics.track('Nope');`,
    remaining: [['unknown-event', 2, NOPE]],
  },
];

describe('suppression comments', () => {
  const workspace = new CaseWorkspace(cases.map((c, i) => ({ c, dir: `/case-${i}` })));
  cases.forEach((c, i) => {
    test(c.name, () => {
      const remaining = workspace.findings(undefined, c, `/case-${i}`).map((f) => [f.ruleId, f.range.start.line + 1, f.message]);
      assert.deepEqual(remaining, c.remaining);
    });
  });
});
