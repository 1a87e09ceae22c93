import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The scan's last act is the plan's unused-event hint: after it, only what the test does publishes. */
const scanDone = (client: LspTestClient) => client.waitForDiagnostics('tracking-plan.yaml', (d) => d.some((x) => x.code === 'unused-event'));

describe('edits to a source file are debounced (tracklint.debounce)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture, settings: { debounce: 300 } });
    await scanDone(client);
  });
  after(() => client.stop());

  const publicationsOf = (relative: string) => client.publications.filter((p) => p.uri === client.uri(relative));

  test('a burst of keystrokes is checked once, after the pause, for the newest text', async () => {
    client.open('src/typing.ts', `analytics.track('Signed Up', { method: 'email' });\n`);
    await client.waitForDiagnostics('src/typing.ts');
    const before = publicationsOf('src/typing.ts').length;
    let version = 1;
    // 30 ms apart, as typing goes: each keystroke lands in its own tick, well within the 300 ms pause.
    for (let i = 1; i <= 5; i++) {
      version = client.change('src/typing.ts', `analytics.track('Nope ${i}');\n`);
      await sleep(30);
    }
    const diagnostics = await client.waitForDiagnostics('src/typing.ts', (_d, v) => v === version);
    assert.deepEqual(diagnostics.map((d) => d.message), ["Event 'Nope 5' is not in the tracking plan."]);
    await sleep(500);
    assert.deepEqual(publicationsOf('src/typing.ts').slice(before).map((p) => p.version), [version], 'one check for the burst');
  });

  test('a new debounce applies without a reload', async () => {
    await client.setSettings({ debounce: 5_000 });
    // The settings change re-checks open files after the new debounce; this edit replaces that pending check.
    const before = publicationsOf('src/typing.ts').length;
    const version = client.change('src/typing.ts', `analytics.track('Nope 6');\n`);
    await sleep(1_000);
    assert.equal(publicationsOf('src/typing.ts').length, before, 'nothing is checked before the 5 s pause is over');
    await client.setSettings({ debounce: 0 });
    const diagnostics = await client.waitForDiagnostics('src/typing.ts', (_d, v) => v === version);
    assert.deepEqual(diagnostics.map((d) => d.message), ["Event 'Nope 6' is not in the tracking plan."]);
  });
});

describe('a stale result never overwrites a newer one', () => {
  let client: LspTestClient;
  let release!: () => void;
  before(async () => {
    // The scan waits until the test has opened the file: it then reaches a file whose editor text differs from the disk's.
    client = await LspTestClient.start({ fixture, progressCreation: new Promise<void>((resolve) => (release = resolve)) });
  });
  after(() => client.stop());

  const CLEAN = `export function order() {\n  analytics.track('Signed Up', { method: 'email' });\n}\n`;
  const EDITED = `${CLEAN}analytics.track('Typed In Editor');\n`;
  const versionsOf = (relative: string) => client.publications.filter((p) => p.uri === client.uri(relative)).map((p) => p.version);
  const messages = (diagnostics: { message: unknown }[] | undefined) => diagnostics?.map((d) => d.message);

  test('the workspace scan publishes nothing over a file open in the editor', async () => {
    // On disk, src/closed.ts sends 'Order Complete' (unknown-event); the editor holds other text with another problem.
    client.open('src/closed.ts', EDITED);
    await client.waitForDiagnostics('src/closed.ts');
    release();
    await scanDone(client);
    const published = client.diagnostics.get(client.uri('src/closed.ts'));
    assert.deepEqual([published?.version, messages(published?.diagnostics)], [1, ["Event 'Typed In Editor' is not in the tracking plan."]]);
    assert.deepEqual(versionsOf('src/closed.ts'), [1], 'only the open document was published');
  });

  test('a change on disk to an open file does not replace the editor text, nor its diagnostics', async () => {
    writeFileSync(client.path('src/closed.ts'), `${readFileSync(client.path('src/closed.ts'), 'utf8')}analytics.track('Nope On Disk');\n`);
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('src/closed.ts'), type: 2 }] });
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: client.uri('src/closed.ts') }, position: { line: 1, character: 20 } });
    assert.match(hover?.contents.value ?? '', /^Event \*\*Signed Up\*\*/, 'requests see the editor text');
    await sleep(300);
    assert.deepEqual(messages(client.diagnostics.get(client.uri('src/closed.ts'))?.diagnostics), ["Event 'Typed In Editor' is not in the tracking plan."]);
    assert.ok(versionsOf('src/closed.ts').every((v) => v === 1), `publications: ${JSON.stringify(versionsOf('src/closed.ts'))}`);
  });

  test('edits publish in version order, the newest last; closing judges the disk text again', async () => {
    let version = 1;
    for (let i = 1; i <= 5; i++) {
      version = client.change('src/closed.ts', `${CLEAN}analytics.track('Edit ${i}');\n`);
      await sleep(i * 3);
    }
    const diagnostics = await client.waitForDiagnostics('src/closed.ts', (_d, v) => v === version);
    assert.deepEqual(diagnostics.map((d) => d.message), ["Event 'Edit 5' is not in the tracking plan."]);
    await sleep(300);
    const versions = versionsOf('src/closed.ts');
    assert.deepEqual(versions, [...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), `publications out of order: ${JSON.stringify(versions)}`);
    assert.equal(versions.at(-1), version);
    client.close('src/closed.ts');
    const onDisk = await client.waitForDiagnostics('src/closed.ts', (d) => d.length === 2);
    assert.deepEqual(onDisk.map((d) => d.message), [
      "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?",
      "Event 'Nope On Disk' is not in the tracking plan.",
    ]);
  });
});
