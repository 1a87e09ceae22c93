import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { rmSync } from 'node:fs';
import { cursor, LspTestClient } from '../helpers/lspClient';
import { generateWorkspace } from '../helpers/generatedWorkspace';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const REQUEST_CANCELLED = -32800;

const { text, position } = cursor(`analytics.track('Signed Up', { method: 'email' });\nanalytics.track('|Order Complete', { total: 1 });\n`);

describe('requests cancelled mid-flight', () => {
  let client: LspTestClient;
  let uri: string;
  /** Each request's answer when nobody cancels it: a cancelled request must get exactly this, or RequestCancelled. */
  const expected = new Map<string, unknown>();
  const requests: [string, Record<string, unknown>][] = [];

  before(async () => {
    client = await LspTestClient.start({ fixture });
    client.open('src/cancel.ts', text);
    uri = client.uri('src/cancel.ts');
    const diagnostics = await client.waitForDiagnostics('src/cancel.ts');
    requests.push(
      ['textDocument/completion', { textDocument: { uri }, position }],
      ['textDocument/hover', { textDocument: { uri }, position }],
      ['textDocument/definition', { textDocument: { uri }, position }],
      ['textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }],
      ['textDocument/codeLens', { textDocument: { uri } }],
      ['textDocument/rename', { textDocument: { uri }, position: { line: 0, character: 20 }, newName: 'Account Created' }],
    );
    for (const [method, params] of requests) expected.set(method, await client.request(method, params));
  });
  after(() => client.stop());

  test('the expectations are real answers, not empty ones', () => {
    assert.equal((expected.get('textDocument/completion') as { items: unknown[] }).items.length, 4);
    assert.ok(expected.get('textDocument/hover'));
    assert.equal((expected.get('textDocument/codeAction') as unknown[]).length > 0, true);
    assert.ok(Object.keys((expected.get('textDocument/rename') as { changes: object }).changes).length >= 2, 'the rename edits the plan and the call');
  });

  test('300 requests cancelled at once, a moment later or not at all: each gets its true answer or RequestCancelled', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const [method, params] = requests[i % requests.length];
        const source = new CancellationTokenSource();
        const pending = client.connection.sendRequest(method, params, source.token);
        // Cancelled before the server reads the request, while it works on it, or never.
        const when = i % 4;
        if (when === 0) source.cancel();
        else if (when === 1) setImmediate(() => source.cancel());
        else if (when === 2) setTimeout(() => source.cancel(), i % 7);
        try {
          const result = await pending;
          assert.deepEqual(result, expected.get(method), `${method} (cancelled: ${when !== 3}) answered something else than its uncancelled answer`);
          return 'answered';
        } catch (error) {
          assert.equal((error as { code?: number }).code, REQUEST_CANCELLED, `${method}: ${(error as Error).message}`);
          assert.notEqual(when, 3, `${method} was cancelled though nobody asked`);
          return 'cancelled';
        }
      }),
    );
    // Requests cancelled before the server read them never reach a handler (the connection answers them itself).
    assert.ok(outcomes.includes('cancelled'));
    assert.deepEqual(client.errorLogs, []);
  });

  test('the server goes on serving: every request answers as before, an edit is checked', async () => {
    for (const [method, params] of requests) assert.deepEqual(await client.request(method, params), expected.get(method), method);
    client.change('src/cancel.ts', `analytics.track('Nope');\n`);
    const diagnostics = await client.waitForDiagnostics('src/cancel.ts', (d) => d.length === 1);
    assert.equal(diagnostics[0].message, "Event 'Nope' is not in the tracking plan.");
  });
});

describe('tracklint/checkWorkspace cancelled while it checks the files', () => {
  const FILES = 300;
  let client: LspTestClient;
  let generated: string;
  before(async () => {
    generated = generateWorkspace(FILES);
    client = await LspTestClient.start({ fixture: generated });
    await client.waitFor('the scan to end', () => [...client.progress.values()].some((v) => v.some((x) => x.kind === 'end')) || undefined, 60_000);
  });
  after(async () => {
    await client.stop();
    rmSync(generated, { recursive: true, force: true });
  });

  test('stops between files and answers RequestCancelled; the next check goes through', async () => {
    const published = client.publicationCount;
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('tracklint/checkWorkspace', source.token);
    // Once it has re-published its first file with problems, it is mid-way through the files.
    await client.waitFor('the check to publish', () => client.publicationCount > published || undefined);
    source.cancel();
    const outcome = await pending.then(
      () => 'answered',
      (error: { code?: number }) => error.code,
    );
    assert.equal(outcome, REQUEST_CANCELLED);
    // Every 10th file has a problem: a check that ran to the end would have re-published all of them.
    assert.ok(client.publicationCount - published < FILES / 10, `${client.publicationCount - published} files re-published`);
    assert.deepEqual(await client.request('tracklint/checkWorkspace', null), { fileCount: FILES, problemCount: FILES / 10 });
    assert.deepEqual(client.errorLogs, []);
  });
});
