import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

const root = path.resolve(__dirname, '../..');
const workspace = path.join(root, 'examples/shop');

/** The shipped bundle, as Neovim, Helix or Zed start it: `tracklint-lsp --stdio`. */
function startStdioServer() {
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, connection, exited };
}

/** The shipped bundle, as VS Code starts it (vscode-languageclient's TransportKind.ipc): a forked process, `--node-ipc`. */
function startIpcServer() {
  const child = fork(path.join(root, 'dist/server.js'), ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, connection, exited };
}

async function initialize(connection: MessageConnection) {
  return connection.sendRequest('initialize', {
    processId: null,
    rootUri: URI.file(workspace).toString(),
    workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'shop' }],
    capabilities: {},
  }) as Promise<{ capabilities: Record<string, unknown>; serverInfo: { name: string } }>;
}

/**
 * A whole session with a started server: initialize, open a file with an off-plan name, get its
 * diagnostics and a hover, then shutdown and exit, which must end the process with 0. Returns what
 * initialize answered.
 */
async function session({ connection, exited }: { connection: MessageConnection; exited: Promise<number | null> }, fileName: string) {
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (params.uri.endsWith(fileName)) resolve(params);
    });
  });
  const result = await initialize(connection);
  assert.equal(result.serverInfo.name, 'tracklint');
  connection.sendNotification('initialized', {});
  const uri = URI.file(path.join(workspace, 'src', fileName)).toString();
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: `window.analytics.track('Order Complete');\n` } });
  const published = await diagnostics;
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.message]), [
    ['unknown-event', "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"],
  ]);
  const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 26 } })) as { contents: { value: string } } | null;
  assert.equal(hover?.contents.value, '**Order Complete** is not in the tracking plan.');
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  assert.equal(await exited, 0);
  connection.dispose();
  return result;
}

describe('tracklint-lsp --stdio', () => {
  test('serves a client over stdio and exits with 0 on shutdown and exit', async () => {
    const result = await session(startStdioServer(), 'opened.ts');
    assert.deepEqual(Object.keys(result.capabilities).sort(), [
      'codeActionProvider', 'codeLensProvider', 'completionProvider', 'definitionProvider', 'executeCommandProvider', 'hoverProvider', 'referencesProvider', 'renameProvider', 'textDocumentSync', 'workspace',
    ]);
    // Typing a quote, a backtick or a brace opens completion (names, then property keys) without Ctrl+Space.
    assert.deepEqual(result.capabilities.completionProvider, { triggerCharacters: ["'", '"', '`', '{'], resolveProvider: false });
  });

  test('a client that disconnects abruptly: the server exits by itself', async () => {
    const { child, connection, exited } = startStdioServer();
    await initialize(connection);
    connection.dispose();
    child.stdin.end();
    const code = await Promise.race([exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    assert.notEqual(code, 'still running');
    if (code === 'still running') child.kill();
  });
});

describe('tracklint-lsp --node-ipc', () => {
  test('serves VS Code over node IPC: diagnostics of an opened file, a hover, and exits with 0 on shutdown and exit', async () => {
    await session(startIpcServer(), 'opened-ipc.ts');
  });
});
