import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { checkFiles, createInMemoryProgram } from '../../server/src/core/workspace';

const PLAN = `events:
  Page Viewed:
    properties:
      path: { type: string }
    required: [path]
`;

/**
 * Found by the protocol fuzzer (seed 11): a property whose value is `window` made the type reader walk
 * Window's members, their members and so on six levels down, until the process ran out of memory.
 * Huge DOM types must be read within bounds, and judged no further than what is known.
 */
test('values typed as window or a DOM element are read within bounds', () => {
  const code = `declare const analytics: { track(event: string, properties?: object): void };
analytics.track('Page Viewed', { path: location.pathname, page: window, target: document.body });
analytics.track('Page Viewed', { path: '/', context: { window } });
export {};
`;
  const host = createInMemoryProgram({ '/case.ts': code }, { lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] });
  const findings = checkFiles({ plan: loadPlan('/plan.yaml', PLAN).plan!, host, files: ['/case.ts'] }).get('/case.ts')!;
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.range.start.line, f.message]),
    [
      ['unknown-property', 1, "Property 'page' is not in the tracking plan for event 'Page Viewed'."],
      ['unknown-property', 1, "Property 'target' is not in the tracking plan for event 'Page Viewed'."],
      ['unknown-property', 2, "Property 'context' is not in the tracking plan for event 'Page Viewed'."],
    ],
  );
});
