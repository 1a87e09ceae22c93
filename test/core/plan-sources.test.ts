import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { sourceOfFile } from '../../server/src/core/plan/sources';

const PLAN = `sources:
  web: ["apps/web/**"]
  server: ["services/**", "apps/*/api/**"]
events:
  Order Completed:
    sources: [web, sever]
  Signed Up: {}
`;

describe('plan sources:', () => {
  test('are read with their globs relative to the plan file, and events keep their sources', () => {
    const { plan } = loadPlan('/repo/tracking-plan.yaml', PLAN);
    assert.deepEqual(plan?.sources, {
      baseDir: '/repo',
      list: [
        { name: 'web', globs: ['apps/web/**'] },
        { name: 'server', globs: ['services/**', 'apps/*/api/**'] },
      ],
    });
    assert.deepEqual(plan?.events.get('Order Completed')?.sources, ['web', 'sever']);
    assert.equal(plan?.events.get('Signed Up')?.sources, undefined);
  });

  test('an event naming an undeclared source is a located invalid-plan error; the plan stays usable', () => {
    const { plan, findings } = loadPlan('/repo/tracking-plan.yaml', PLAN);
    assert.ok(plan);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.message, f.range.start.line, f.range.start.character, f.range.end.character]),
      [['invalid-plan', 'error', "Source 'sever' is not declared in the plan's sources:. Declared sources: web, server.", 5, 19, 24]],
    );
  });

  test('event sources without any sources: section say how to declare them', () => {
    const { findings } = loadPlan('/repo/tracking-plan.yaml', 'events:\n  A: { sources: [web] }\n');
    assert.deepEqual(findings.map((f) => f.message), ["Source 'web' is not declared in the plan's sources:. The plan declares no sources: add a top-level sources: section."]);
  });

  test('wrong shapes are located zod errors', () => {
    const { plan, findings } = loadPlan('/repo/tracking-plan.yaml', 'sources:\n  web: apps/web\nevents:\n  A: { sources: web }\n');
    assert.equal(plan, undefined);
    assert.deepEqual(
      findings.map((f) => [f.message, f.range.start.line]),
      [
        ["Invalid input: expected array, received string in 'events.A.sources'.", 3],
        ["Invalid input: expected array, received string in 'sources.web'.", 1],
      ],
    );
  });

  test('a file belongs to the first source whose globs match its path from the plan folder', () => {
    const { plan } = loadPlan('/repo/tracking-plan.yaml', PLAN);
    assert.equal(sourceOfFile(plan?.sources, '/repo/apps/web/src/cart.ts'), 'web');
    assert.equal(sourceOfFile(plan?.sources, '/repo/services/billing/refund.ts'), 'server');
    assert.equal(sourceOfFile(plan?.sources, '/repo/apps/ios/api/client.ts'), 'server');
    assert.equal(sourceOfFile(plan?.sources, '/repo/scripts/seed.ts'), undefined);
    assert.equal(sourceOfFile(plan?.sources, '/elsewhere/apps/web/x.ts'), undefined);
    assert.equal(sourceOfFile(undefined, '/repo/apps/web/x.ts'), undefined);
  });
});
