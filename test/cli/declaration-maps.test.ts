import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const PLAN = `events:\n  Order Completed: {}\n`;

/**
 * A two-package monorepo as npm, pnpm and yarn workspaces lay it out: package B imports package A by its
 * name, through node_modules/@acme/a (a symlink to packages/a), whose `types` are A's built
 * dist/index.d.ts with a declaration map beside it (`"declarationMap": true`). A's wrapper is in its
 * source; the declaration has no body to infer it from.
 */
const FILES: Record<string, string> = {
  'tracking-plan.yaml': PLAN,
  'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
  'packages/a/package.json': JSON.stringify({ name: '@acme/a', types: 'dist/index.d.ts', main: 'dist/index.js' }),
  'packages/a/src/index.ts': `declare const analytics: { track(event: string, properties?: object): void };\nexport function trackEvent(name: string, properties?: object) {\n  analytics.track(name, properties);\n}\n`,
  'packages/a/dist/index.d.ts': `export declare function trackEvent(name: string, properties?: object): void;\n//# sourceMappingURL=index.d.ts.map\n`,
  'packages/a/dist/index.d.ts.map': JSON.stringify({ version: 3, file: 'index.d.ts', sourceRoot: '', sources: ['../src/index.ts'], names: [], mappings: 'AACA,wBAAgB,UAAU' }),
  'packages/b/package.json': JSON.stringify({ name: '@acme/b', dependencies: { '@acme/a': '*' } }),
  'packages/b/src/app.ts': `import { trackEvent } from '@acme/a';\ntrackEvent('Order Completed');\ntrackEvent('Ordr Completed');\n`,
};

describe('a workspace package built to .d.ts files with declaration maps', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tracklint-declmap-'));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    symlinkSync(path.join(dir, 'packages/a'), path.join(dir, 'node_modules/@acme/a'), 'dir');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("is followed back to its source: A's wrapper is judged at B's call sites", async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', '.', '--format', 'json'], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
    const messages = (JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; endColumn: number; ruleId: string; message: string }[] }[]).flatMap((r) =>
      r.messages.map((m) => [path.relative(dir, r.filePath), m.line, m.column, m.endColumn, m.ruleId, m.message]),
    );
    assert.deepEqual(messages, [['packages/b/src/app.ts', 3, 12, 28, 'unknown-event', "Event 'Ordr Completed' is not in the tracking plan. Did you mean 'Order Completed'?"]]);
    assert.equal(stderr, 'tracklint: 2 analytics calls: 2 judged, 0 dynamic, 0 not judged\n');
    assert.equal(code, 1);
  });
});
