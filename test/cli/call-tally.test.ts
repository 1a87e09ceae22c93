import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const PLAN = `events:\n  Order Completed: {}\n  Signed Up: {}\n`;

/** An API service whose analytics service comes from a workspace package that is not resolved (not built, not installed). */
const CONTROLLER = `import { AnalyticsService } from '@acme/analytics';
export class OrdersController {
  constructor(private readonly analyticsService: AnalyticsService) {}
  complete(userId: string) {
    this.analyticsService.track('Order Completed', userId, {});
    // tracklint-disable-next-line unchecked-call -- counted all the same
    this.analyticsService.track('Order Completed', userId, {});
  }
}
`;
const APP = `declare const name: string;\nanalytics.track('Signed Up');\nanalytics.track(name);\nanalytics.identify('u1');\nexport {};\n`;

describe('the count of calls at the end of check', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tracklint-tally-'));
    writeFileSync(path.join(dir, 'tracking-plan.yaml'), PLAN);
    writeFileSync(path.join(dir, 'app.ts'), APP);
    writeFileSync(path.join(dir, 'orders.controller.ts'), CONTROLLER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const check = async (...args: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', '.', ...args], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
    return { code, stdout, stderr };
  };

  test('one line on stderr: judged, dynamic and not judged add up to every call, suppressed ones included', async () => {
    const { code, stderr, stdout } = await check('--format', 'json');
    assert.equal(code, 0);
    assert.equal(stderr, 'tracklint: 5 analytics calls: 2 judged, 1 dynamic, 2 not judged\n');
    const messages = (JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string; message: string }[] }[]).flatMap((r) =>
      r.messages.map((m) => [path.basename(r.filePath), m.line, m.column, m.ruleId, m.message]),
    );
    assert.deepEqual(messages, [
      ['app.ts', 3, 17, 'dynamic-event-name', "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals."],
      [
        'orders.controller.ts',
        5,
        5,
        'unchecked-call',
        "analyticsService.track(…) was not checked against the tracking plan: 'analyticsService' comes from '@acme/analytics', which cannot be resolved. Install the project's dependencies (npm install), or declare the callee in the plan's `callees:`.",
      ],
    ]);
  });

  test('the same count with --jobs 2, each thread counting its share', async () => {
    const { stderr } = await check('--format', 'json', '--jobs', '2');
    assert.equal(stderr, 'tracklint: 5 analytics calls: 2 judged, 1 dynamic, 2 not judged\n');
  });
});
