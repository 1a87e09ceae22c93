import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');

describe('plan edits in the editor', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture, settings: { debounce: 300 } });
  });
  after(() => client.stop());

  test('a burst of keystrokes in the plan is parsed once, after the pause (tracklint.debounce)', async () => {
    const plan = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    client.open('tracking-plan.yaml', plan, 'yaml');
    await client.waitFor('the plan status', () => client.statuses.length > 0 || undefined);
    await client.waitForChecksToEnd();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const before = client.statuses.length;
    // Five keystrokes that each leave the YAML broken: every parse would report (and keep the last good plan).
    for (let i = 1; i <= 5; i++) client.change('tracking-plan.yaml', `${plan}\nbroken: [${'x'.repeat(i)}\n`);
    const diagnostics = await client.waitForDiagnostics('tracking-plan.yaml', (d) => d.some((x) => x.code === 'invalid-plan'));
    assert.ok(diagnostics.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(client.statuses.length - before, 1, 'one reload for the burst');
  });
});

describe('a plan that starts ignoring files after the scan', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  test('the files its new ignore: globs match lose their problems and are no longer checked', async () => {
    const closed = await client.waitForDiagnostics('src/closed.ts', (d) => d.length > 0);
    assert.ok(closed.length > 0);
    const plan = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    writeFileSync(client.path('tracking-plan.yaml'), `${plan}\nignore:\n  - src/closed.ts\n`);
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('tracking-plan.yaml'), type: 2 }] });
    assert.deepEqual(await client.waitForDiagnostics('src/closed.ts', (d) => d.length === 0), []);
    // A change on disk to the ignored file does not bring it back.
    writeFileSync(client.path('src/closed.ts'), `${readFileSync(client.path('src/closed.ts'), 'utf8')}\nanalytics.track('Nope');\n`);
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('src/closed.ts'), type: 2 }] });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(client.diagnostics.get(client.uri('src/closed.ts'))?.diagnostics, []);
    // Nor does the next full revalidation (a settings change re-checks every closed file).
    await client.setSettings({ rules: {} });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(client.diagnostics.get(client.uri('src/closed.ts'))?.diagnostics, []);
  });
});
