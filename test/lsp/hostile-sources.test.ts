import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const UNKNOWN = "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?";

describe('hostile sources in the editor', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  const ranges = (diagnostics: { code?: unknown; message: unknown; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]) =>
    diagnostics.map((d) => [d.code, d.message, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

  test('CRLF line endings and surrogate pairs: ranges in UTF-16 code units on the right lines', async () => {
    client.open('src/emoji.ts', "const s = '😀😀';\r\nanalytics.track('Sign Up', { method: '😀' }); analytics.track('Sign Up 😀');\r\n");
    const diagnostics = await client.waitForDiagnostics('src/emoji.ts');
    assert.deepEqual(ranges(diagnostics), [
      ['unknown-event', UNKNOWN, 1, 16, 1, 25],
      ['event-name-casing', "Event name 'Sign Up 😀' is not Title Case; expected 'Sign Up'.", 1, 62, 1, 74],
      ['unknown-event', "Event 'Sign Up 😀' is not in the tracking plan.", 1, 62, 1, 74],
    ]);
  });

  test('hover after surrogate pairs finds the name under the cursor', async () => {
    client.open('src/emoji-hover.ts', "const s = '😀'; analytics.track('Signed Up', { method: 'email' });\n");
    await client.waitForDiagnostics('src/emoji-hover.ts');
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: client.uri('src/emoji-hover.ts') }, position: { line: 0, character: 33 } });
    assert.match(hover?.contents.value ?? '', /^Event \*\*Signed Up\*\*\n/);
  });

  test('a file nested 10,000 brackets deep is skipped with an information diagnostic, and the server goes on', async () => {
    client.open('src/deep.ts', `analytics.track('Sign Up', { a: ${'['.repeat(10_000)}${']'.repeat(10_000)} });\n`);
    const diagnostics = await client.waitForDiagnostics('src/deep.ts');
    assert.deepEqual(ranges(diagnostics), [['file-too-large', 'tracklint skipped this file: its brackets nest more than 100 levels deep, as only generated code does.', 0, 0, 0, 0]]);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: client.uri('src/deep.ts') }, position: { line: 0, character: 18 } }), null);
    // Made ordinary again by an edit, it is checked again.
    client.change('src/deep.ts', `analytics.track('Sign Up');\n`);
    const after = await client.waitForDiagnostics('src/deep.ts', (d) => d.length === 1 && d[0].code === 'unknown-event');
    assert.deepEqual(ranges(after), [['unknown-event', UNKNOWN, 0, 16, 0, 25]]);
  });

  test('unterminated strings and templates while typing: diagnostics as the parser reads them, no error', async () => {
    client.open('src/typing.ts', 'analytics.track(`Sign Up\n');
    const diagnostics = await client.waitForDiagnostics('src/typing.ts');
    assert.deepEqual(ranges(diagnostics), [
      ['event-name-casing', "Event name 'Sign Up\n' is not Title Case; expected 'Sign Up'.", 0, 16, 1, 0],
      ['unknown-event', "Event 'Sign Up\n' is not in the tracking plan. Did you mean 'Signed Up'?", 0, 16, 1, 0],
    ]);
    assert.deepEqual(client.logs.filter((l) => / failed/.test(l)), []);
  });
});
