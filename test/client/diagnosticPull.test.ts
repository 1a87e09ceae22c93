// vscode-languageclient's own pull logic (lib/common/diagnostic.js, as the extension runs it) against the real
// server: a pull that the document's next change overtakes must end quietly and be followed by a pull of the new
// version. `vscode` is a stub (test/helpers/vscodeStub.ts); the client's code is the real one.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';
import { installVscodeStub } from '../helpers/vscodeStub';

const stub = installVscodeStub();
const load = createRequire(__filename);
const { DiagnosticFeature } = load('vscode-languageclient/$test/common/diagnostic') as { DiagnosticFeature: new (client: unknown) => { registerLanguageProvider(options: unknown): [unknown, { diagnosticRequestor: Requestor }] } };
const { BaseLanguageClient } = load('vscode-languageclient/$test/common/client') as { BaseLanguageClient: { prototype: { handleFailedRequest: unknown } } };
const { Uri } = load('vscode') as { Uri: { parse(value: string): { toString(): string } } };

interface Requestor {
  pull(document: { uri: unknown; version: number }): void;
}

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('vscode-languageclient pulling from the server, a pull overtaken by an edit', () => {
  let server: LspTestClient;
  let release!: () => void;
  /** What the language client logged as errors (its output channel's error lines). */
  const errors: string[] = [];
  let requestor: Requestor;

  before(async () => {
    // The server reads the folder's settings before it answers anything: held, the first pull stays in flight.
    server = await LspTestClient.start({ fixture, pullDiagnostics: true, configurationAnswer: new Promise<void>((resolve) => (release = resolve)) });
    const noop = () => ({ dispose() {} });
    const events = new Proxy({}, { get: () => noop });
    const client = {
      clientOptions: {},
      visibleDocuments: { isVisible: () => true, onOpen: noop, onClose: noop, getResources: () => [] },
      getFeature: () => events,
      protocol2CodeConverter: { asDocumentSelector: (selector: unknown) => selector, asDiagnostics: async (items: unknown[]) => items },
      code2ProtocolConverter: { asUri: (uri: { toString(): string }) => uri.toString() },
      middleware: {},
      isRunning: () => true,
      sendRequest: (type: unknown, params: unknown, token: unknown) => server.connection.sendRequest(type as string, params, token as never),
      handleFailedRequest: BaseLanguageClient.prototype.handleFailedRequest,
      error: (message: string, data: unknown) => errors.push(`${message} ${data instanceof Error ? `${data.name}: ${data.message}` : String(data)}`),
    };
    const feature = new DiagnosticFeature(client);
    [, { diagnosticRequestor: requestor }] = feature.registerLanguageProvider({ documentSelector: [{ language: 'typescript' }], interFileDependencies: true, workspaceDiagnostics: false });
  });
  after(() => server.stop());

  test('no "Document pull failed" error, and the diagnostics shown are those of the new version', async () => {
    const uri = server.uri('src/app.ts');
    server.open('src/app.ts', `analytics.track('Nope');\n`);
    const document = { uri: Uri.parse(uri), version: 1, languageId: 'typescript' };
    requestor.pull(document);
    await sleep(200);
    // The user types: VS Code's document is the same object at its next version, and the client pulls it again,
    // which cancels the pull in flight (its answer would be stale).
    server.change('src/app.ts', `analytics.track('Signed Up');\n`);
    document.version = 2;
    requestor.pull(document);
    await sleep(50);
    release();
    const shown = () => (stub.collections.get(uri) as { code: string }[] | undefined)?.map((d) => d.code);
    await server.waitFor('the diagnostics of version 2', () => shown() ?? (errors.length ? true : undefined), 5_000);
    await sleep(200);
    // Answered ServerCancelled-style (`retriggerRequest: false`), the client logs "Document pull failed … Canceled"
    // and never pulls version 2: the file keeps no diagnostics, or stale ones, until the next edit.
    assert.deepEqual({ shown: shown(), errors }, { shown: ['missing-required-property'], errors: [] });
  });
});
