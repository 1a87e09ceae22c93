import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { coverageOfFiles } from '../../server/src/core/coverage/filesCoverage';
import { neverSent } from '../../server/src/core/coverage/report';
import { loadPlan } from '../../server/src/core/plan/load';
import { createInMemoryProgram } from '../../server/src/core/workspace';

function coverage(planYaml: string, files: Record<string, string>) {
  const plan = loadPlan('/plan.yaml', planYaml).plan!;
  const host = createInMemoryProgram(files);
  return coverageOfFiles({ plan, host, files: Object.keys(files) });
}

const names = (sites: { file: string; range: { start: { line: number } } }[]) => sites.map((s) => `${s.file}:${s.range.start.line + 1}`);

describe('coverage report (core)', () => {
  test('each name of a union counts at the call; an empty name (being typed) counts nowhere', () => {
    const report = coverage('events:\n  A: {}\n  B: {}\n  C: {}\n', {
      '/a.ts': `declare const ok: boolean;\nanalytics.track(ok ? 'A' : 'B');\nanalytics.track('');\nexport {};\n`,
    });
    assert.deepEqual(report.planned.map((p) => [p.name, names(p.sites)]), [['A', ['/a.ts:2']], ['B', ['/a.ts:2']], ['C', []]]);
    assert.deepEqual(report.unplanned, []);
    assert.deepEqual(neverSent(report).map((p) => p.name), ['C']);
  });

  test('a Node message not written in place counts where it is passed; one whose event is a string is a dynamic site', () => {
    const report = coverage('events:\n  A: {}\n  B: {}\n', {
      '/a.ts': `const message = { userId: 'u', event: 'A' as const };\nanalytics.track(message);\ndeclare const other: { userId: string; event: string };\nanalytics.track(other);\nexport {};\n`,
    });
    assert.deepEqual(report.planned.map((p) => [p.name, names(p.sites)]), [['A', ['/a.ts:2']], ['B', []]]);
    assert.deepEqual(report.dynamic.map((d) => [d.file, d.range.start.line + 1, d.range.start.character + 1, d.typeText]), [['/a.ts', 4, 17, 'string']]);
  });

  test('page and screen names count only when the plan lists pages or screens; identify and group never', () => {
    const files = { '/a.ts': `analytics.page('Home');\nanalytics.screen('Home');\nanalytics.identify('u', { a: 1 });\nexport {};\n` };
    const without = coverage('events:\n  A: {}\n', files);
    assert.deepEqual([without.planned.map((p) => p.kind), without.unplanned], [['track'], []]);
    const withPages = coverage('events:\n  A: {}\npages:\n  Pricing: {}\n', files);
    assert.deepEqual(withPages.planned.map((p) => [p.kind, p.name, p.sites.length]), [['track', 'A', 0], ['page', 'Pricing', 0]]);
    assert.deepEqual(withPages.unplanned.map((u) => [u.kind, u.name, names(u.sites)]), [['page', 'Home', ['/a.ts:1']]]);
  });

  test('a deprecated event still sent is counted, but never-sent deprecated events are not "never sent"', () => {
    const report = coverage('events:\n  New: {}\n  Old: { deprecated: true, replacedBy: New }\n  Gone: { deprecated: true }\n', {
      '/a.ts': `analytics.track('Old');\nexport {};\n`,
    });
    assert.deepEqual(report.planned.map((p) => [p.name, p.deprecated, p.sites.length]), [['New', false, 0], ['Old', true, 1], ['Gone', true, 0]]);
    assert.deepEqual(neverSent(report).map((p) => p.name), ['New']);
  });

  test('sources: per-source counts, unassigned files and off-source calls', () => {
    const report = coverage('sources:\n  web: ["web/**"]\n  api: ["api/**"]\nevents:\n  A: { sources: [web] }\n', {
      '/web/a.ts': `analytics.track('A');\nexport {};\n`,
      '/api/a.ts': `analytics.track('A');\nanalytics.track('A');\nexport {};\n`,
      '/tools/a.ts': `analytics.track('A');\nexport {};\n`,
    });
    const [a] = report.planned;
    assert.deepEqual([a.bySource, a.unassigned, a.offSource], [{ web: 1, api: 2 }, 1, 2]);
    assert.deepEqual(a.sites.map((s) => s.source ?? null), ['api', 'api', null, 'web']);
  });
});
