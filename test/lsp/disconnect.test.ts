import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { generateWorkspace } from '../helpers/generatedWorkspace';

const server = path.resolve(__dirname, '../../dist/server.js');
/** An editor that crashed leaves no one to wait for: the server must notice and go within this. */
const EXIT_WITHIN_MS = 5_000;

/**
 * A client that is mid-session when it vanishes: the server is scanning a 300-file workspace,
 * checking an open file and answering requests. Resolves once the server has begun its scan.
 */
async function busyServer(workspace: string) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: performance.now() })));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let scanBegan!: () => void;
  const began = new Promise<void>((resolve) => (scanBegan = resolve));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
    if (params.value.kind === 'begin') scanBegan();
  });
  // Requests in flight when the pipes go are rejected on this side; that is expected, not a failure.
  connection.onError(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: URI.file(workspace).toString(),
    workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'generated' }],
    capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } },
  });
  connection.sendNotification('initialized', {});
  const uri = URI.file(path.join(workspace, 'src/open.ts')).toString();
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: `analytics.track('Order Completed', { order_id: 'o', total: 1 });\n` } });
  await began;
  for (let i = 0; i < 20; i++) connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } }).catch(() => undefined);
  return { child, connection, exited, stderr: () => stderr };
}

describe('a client that disconnects abruptly (no shutdown, no exit) while the server is busy', () => {
  let workspace: string;
  before(() => {
    workspace = generateWorkspace(300);
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));

  test('closing its end of stdin: the server exits by itself, with code 1 (no shutdown came) and no crash output', async () => {
    const { child, connection, exited, stderr } = await busyServer(workspace);
    const closedAt = performance.now();
    connection.dispose();
    child.stdin.end();
    const outcome = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), EXIT_WITHIN_MS))]);
    if (!outcome) child.kill();
    assert.ok(outcome, `the server was still running ${EXIT_WITHIN_MS} ms after the client left`);
    assert.deepEqual({ code: outcome.code, signal: outcome.signal }, { code: 1, signal: null });
    assert.ok(outcome.at - closedAt < EXIT_WITHIN_MS);
    assert.equal(stderr(), '');
  });

  test('destroying both pipes (its process died): the server exits by itself, with no crash output from the writes that fail', async () => {
    const { child, connection, exited, stderr } = await busyServer(workspace);
    connection.dispose();
    // Its reading end first: the server's next answers and diagnostics are written into a broken pipe (EPIPE).
    child.stdout.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    child.stdin.destroy();
    const outcome = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), EXIT_WITHIN_MS))]);
    if (!outcome) child.kill();
    assert.ok(outcome, `the server was still running ${EXIT_WITHIN_MS} ms after the client died`);
    assert.deepEqual({ code: outcome.code, signal: outcome.signal }, { code: 1, signal: null });
    assert.equal(stderr(), '');
  });
});
