import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';
import { nodeWorkspaceHost } from '../../server/src/node/nodeHost';
import type { WorkspaceHost } from '../../server/src/service/analysisWorkspace';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');

describe('an internal error in a handler', () => {
  let client: LspTestClient;
  /** While set, the file system throws whenever the server asks about src/clean.ts (closed: it is read from disk). */
  let failing = false;
  const host: WorkspaceHost = {
    ...nodeWorkspaceHost,
    fileSize(fileName) {
      if (failing && fileName.endsWith(`${path.sep}clean.ts`)) throw new Error('injected fault');
      return nodeWorkspaceHost.fileSize!(fileName);
    },
  };
  before(async () => {
    client = await LspTestClient.start({ fixture, host });
    await client.waitForDiagnostics('tracking-plan.yaml', (d) => d.some((x) => x.code === 'unused-event'));
  });
  after(() => client.stop());

  const uri = () => client.uri('src/clean.ts');
  const position = { line: 1, character: 20 };

  test('is answered with the empty answer, never an error response, and logged with its stack', async () => {
    failing = true;
    const answers = {
      hover: await client.request('textDocument/hover', { textDocument: { uri: uri() }, position }),
      completion: await client.request('textDocument/completion', { textDocument: { uri: uri() }, position }),
      definition: await client.request('textDocument/definition', { textDocument: { uri: uri() }, position }),
      references: await client.request('textDocument/references', { textDocument: { uri: uri() }, position, context: { includeDeclaration: true } }),
      rename: await client.request('textDocument/rename', { textDocument: { uri: uri() }, position, newName: 'Account Created' }),
      codeAction: await client.request('textDocument/codeAction', { textDocument: { uri: uri() }, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll'] } }),
      codeLens: await client.request('textDocument/codeLens', { textDocument: { uri: uri() } }),
    };
    assert.deepEqual(answers, { hover: null, completion: null, definition: [], references: [], rename: null, codeAction: [], codeLens: [] });
    for (const what of ['hover', 'completion', 'definition', 'references', 'rename', 'code actions']) {
      const logged = client.errorLogs.find((l) => l.startsWith(`tracklint: ${what} failed: Error: injected fault\n`));
      assert.ok(logged, `${what}: ${JSON.stringify(client.errorLogs)}`);
      assert.match(logged, /\n {4}at /, 'with the stack');
    }
  });

  test('the check of a closed file that fails is logged, and the other files are still checked', async () => {
    const before = client.errorLogs.length;
    const result = await client.request<{ fileCount: number; problemCount: number }>('tracklint/checkWorkspace', null);
    // closed.ts's problem; not the plan's unused-event hint: with clean.ts unchecked, which events are sent is not known.
    assert.deepEqual(result, { fileCount: 3, problemCount: 1 });
    assert.ok(client.errorLogs.slice(before).some((l) => l.startsWith(`tracklint: validation of ${client.path('src/clean.ts')} failed: Error: injected fault`)), JSON.stringify(client.errorLogs.slice(before)));
    assert.equal(client.diagnostics.get(client.uri('src/closed.ts'))?.diagnostics[0]?.code, 'unknown-event');
  });

  test('the server keeps running: once the fault is gone, the same requests answer in full', async () => {
    failing = false;
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri() }, position });
    assert.match(hover?.contents.value ?? '', /^Event \*\*Signed Up\*\*/);
    const definition = await client.request<{ uri: string }[]>('textDocument/definition', { textDocument: { uri: uri() }, position });
    assert.deepEqual(definition.map((l) => l.uri), [client.uri('tracking-plan.yaml')]);
  });
});
