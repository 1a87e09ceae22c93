import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits, cursor } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/no-plan');

/** Opens `source` (with `|` as the cursor) in a new file and asks for completion there. */
async function complete(client: LspTestClient, file: string, source: string): Promise<{ text: string; items: CompletionItem[] }> {
  const { text, position } = cursor(source);
  client.open(file, text);
  const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position });
  return { text, items: list?.items ?? [] };
}

describe('completion without a tracking plan: the Segment spec events', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  test('event names come from the four specs, each marked with the spec it belongs to', async () => {
    const { items } = await complete(client, `src/spec-${n++}.ts`, `declare const analytics: any;\nanalytics.track('|', {});`);
    const byLabel = new Map(items.map((i) => [i.label, i]));
    assert.equal(items.length, 28 + 10 + 16 + 12);
    assert.equal(byLabel.get('Order Completed')?.detail, 'Segment spec · Ecommerce v2');
    assert.equal(byLabel.get('Trial Started')?.detail, 'Segment spec · B2B SaaS');
    assert.equal(byLabel.get('Video Playback Started')?.detail, 'Segment spec · Video');
    assert.equal(byLabel.get('Application Installed')?.detail, 'Segment spec · Mobile');
    assert.ok(items.every((i) => i.detail?.startsWith('Segment spec · ')));
  });

  test('choosing one fills in the name; the spec properties complete in the object', async () => {
    const { text, items } = await complete(client, `src/spec-${n++}.ts`, `declare const analytics: any;\nanalytics.track('Sig|', {});`);
    const item = items.find((i) => i.label === 'Signed Up')!;
    assert.equal(applyEdits(text, [item.textEdit as { range: never; newText: string }]), `declare const analytics: any;\nanalytics.track('Signed Up', {});`);
    const keys = await complete(client, `src/spec-${n++}.ts`, `declare const analytics: any;\nanalytics.track('Trial Started', { | });`);
    assert.deepEqual(keys.items.map((i) => i.label).sort(), ['trial_end_date', 'trial_plan_name', 'trial_start_date']);
  });

  test('no squiggles: without a plan nothing is judged, the spec is only a suggestion', async () => {
    const file = `src/spec-${n++}.ts`;
    client.open(file, `declare const analytics: any;\nanalytics.track('Not A Spec Event', {});`);
    assert.deepEqual(await client.waitForDiagnostics(file), []);
  });
});

describe('completion once a plan exists: only its events', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  test('a plan written on disk replaces the spec catalogue; the status goes from missing to ok', async () => {
    client.open('src/with-plan.ts', `declare const analytics: any;\nanalytics.track('Order Completed', {});\n`);
    assert.deepEqual(await client.waitForDiagnostics('src/with-plan.ts'), []);
    // The status bar shows this as its warning state; a click offers to create the plan.
    const missing = await client.waitFor('a missing-plan status', () => client.statuses.findLast((s) => s.state === 'missing'));
    assert.deepEqual(missing, { folderUri: client.uri(''), state: 'missing', eventCount: 0, problemCount: 0, message: `No tracking-plan.yaml, .yml or .json found in ${client.root}. Create one, or set tracklint.planPath.` });
    writeFileSync(path.join(client.root, 'tracking-plan.yaml'), 'events:\n  Only Event: {}\n');
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('tracking-plan.yaml'), type: 1 }] });
    // The plan is in use once the call it does not list is reported.
    const diagnostics = await client.waitForDiagnostics('src/with-plan.ts', (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-event']);
    const { items } = await complete(client, 'src/with-plan-2.ts', `declare const analytics: any;\nanalytics.track('|', {});`);
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['Only Event', 'tracking plan event']]);
    const ok = await client.waitFor('an ok status', () => client.statuses.findLast((s) => s.state === 'ok'));
    // A plan without a name: the status bar shows its file name. The problems are the unknown events of the files opened here.
    const { problemCount, ...rest } = ok;
    assert.deepEqual(rest, { folderUri: client.uri(''), state: 'ok', planFile: client.path('tracking-plan.yaml'), planName: 'tracking-plan.yaml', eventCount: 1 });
    assert.ok(problemCount >= 1, `problemCount ${problemCount}`);
  });
});

describe('the bundled server (dist/server.js) finds the spec templates', { skip: !existsSync(path.resolve(__dirname, '../../dist/server.js')) && 'run npm run build first' }, () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture, ownProcess: true });
  });
  after(() => client.stop());

  test('spec events are offered over stdio', async () => {
    const { items } = await complete(client, 'src/bundled.ts', `declare const analytics: any;\nanalytics.track('Video Ad S|', {});`);
    assert.equal(items.find((i) => i.label === 'Video Ad Started')?.detail, 'Segment spec · Video');
    assert.equal(client.stderr, '');
  });
});
