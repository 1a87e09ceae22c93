import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LspTestClient } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');

describe('settings', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture, settings: { rules: { 'unknown-event': 'warning' }, debounce: 'soon' } });
  });
  after(() => client.stop());

  test('rule severities from the settings apply; a wrong setting is reported and replaced by its default', async () => {
    client.open('src/s.ts', `analytics.track('Nope');\n`);
    const diagnostics = await client.waitForDiagnostics('src/s.ts');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['unknown-event', 2]]);
    await client.waitFor('a warning about tracklint.debounce', () => client.logs.find((l) => l.startsWith('tracklint.debounce:')));
  });

  test('changed settings apply without a reload', async () => {
    await client.setSettings({ rules: { 'unknown-event': 'off' } });
    await client.waitForDiagnostics('src/s.ts', (d) => d.length === 0);
    await client.setSettings({ rules: {} });
    const diagnostics = await client.waitForDiagnostics('src/s.ts', (d) => d.length === 1);
    assert.equal(diagnostics[0].severity, 1);
  });

  test('tracklint.rules sets the severity of the plan file’s own invalid-plan findings', async () => {
    const planText = (await import('node:fs')).readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    // A duplicate key: an error, but the plan stays usable.
    client.open('tracking-plan.yaml', planText.replace('  Wishlist Shared: {}', '  Wishlist Shared: {}\n  Wishlist Shared: {}'), 'yaml');
    const invalidPlan = (d: Diagnostic[]) => d.filter((x) => x.code === 'invalid-plan');
    const asError = await client.waitForDiagnostics('tracking-plan.yaml', (d) => invalidPlan(d).length === 1);
    assert.deepEqual(invalidPlan(asError).map((d) => [d.range.start.line, d.severity, d.message]), [[24, 1, "Key 'Wishlist Shared' is defined twice in 'events' (first on line 24); the last definition is used."]]);
    await client.setSettings({ rules: { 'invalid-plan': 'warning' } });
    await client.waitForDiagnostics('tracking-plan.yaml', (d) => invalidPlan(d).length === 1 && invalidPlan(d)[0].severity === 2);
    await client.setSettings({ rules: { 'invalid-plan': 'off' } });
    await client.waitForDiagnostics('tracking-plan.yaml', (d) => invalidPlan(d).length === 0);
    await client.setSettings({ rules: {} });
    client.close('tracking-plan.yaml');
  });

  test("tracklint.callees adds the team's own wrappers to the plan's callees, without a reload", async () => {
    // Declared, not defined: no body to infer a wrapper from, so only the setting makes it a callee.
    client.open('src/callees.ts', `declare function sendEvent(name: string, properties?: object): void;\nsendEvent('Signed Up', { method: 'fax' });\n`);
    assert.deepEqual(await client.waitForDiagnostics('src/callees.ts'), []);
    await client.setSettings({ callees: [{ callee: 'sendEvent', event: 0, properties: 1 }] });
    const diagnostics = await client.waitForDiagnostics('src/callees.ts', (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['property-value', 1, 33]]);
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: client.uri('src/callees.ts') }, position: { line: 1, character: 12 } });
    assert.match(hover?.contents.value ?? '', /^Event \*\*Signed Up\*\*[^]*Sent through `sendEvent`, declared in the plan's `callees:`\.$/);
    await client.setSettings({});
    await client.waitForDiagnostics('src/callees.ts', (d) => d.length === 0);
  });

  test('tracklint.planPath points the workspace at another plan', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(client.path('other-plan.yaml'), 'name: Other\nevents:\n  Nope: {}\n');
    await client.setSettings({ planPath: 'other-plan.yaml' });
    await client.waitForDiagnostics('src/s.ts', (d) => d.length === 0);
    const status = await client.waitFor('status of the other plan', () => client.statuses.findLast((s) => s.planName === 'Other'));
    assert.equal(status.planFile, client.path('other-plan.yaml'));
  });
});

describe('safety', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  test('a file full of syntax errors is still checked, and nothing breaks', async () => {
    client.open('src/broken.ts', `analytics.track('Nope', { a: ) ;\nconst = ;\nanalytics.track("Signed Up", { method: 'x' });\nanalytics.track('Unterminated`);
    const diagnostics = await client.waitForDiagnostics('src/broken.ts');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['unknown-event', 0], ['property-value', 2], ['unknown-event', 3]]);
  });

  test('requests on positions past the end, files that do not exist and non-source files answer empty', async () => {
    const far = { line: 999, character: 999 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: client.uri('src/clean.ts') }, position: far }), null);
    assert.equal(await client.request('textDocument/completion', { textDocument: { uri: client.uri('src/missing.ts') }, position: far }), null);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri: client.uri('README.md') }, position: far }), []);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: client.uri('src/broken.ts') }, range: { start: far, end: far }, context: { diagnostics: [{ range: { start: far, end: far }, message: 'x', source: 'tracklint', data: { ruleId: 'unknown-property' } }] } }), [
      { title: 'Disable unknown-property for this line', kind: 'quickfix', diagnostics: [{ range: { start: far, end: far }, message: 'x', source: 'tracklint', data: { ruleId: 'unknown-property' } }], edit: { changes: { [client.uri('src/broken.ts')]: [{ range: { start: { line: 999, character: 0 }, end: { line: 999, character: 0 } }, newText: '// tracklint-disable-next-line unknown-property\n' }] } } },
    ]);
  });

  test('files over tracklint.maxFileSize are skipped with an information message', async () => {
    const big = `analytics.track('Nope');\n` + `const x = 1;\n`.repeat(100);
    await client.setSettings({ maxFileSize: 200 });
    client.open('src/big.ts', big);
    const diagnostics = await client.waitForDiagnostics('src/big.ts');
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: 'tracklint',
        code: 'file-too-large',
        codeDescription: { href: 'https://github.com/tracklint/tracklint/blob/main/docs/rules/file-too-large.md' },
        data: { ruleId: 'file-too-large' },
        message: 'tracklint skipped this file: it is 1 KB, over tracklint.maxFileSize (200 bytes).',
      },
    ]);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: client.uri('src/big.ts') }, position: { line: 0, character: 18 } }), null);
    await client.setSettings({});
  });

  test('a cancelled request is answered (result or cancellation) and the server goes on serving', async () => {
    client.open('src/c.ts', `analytics.track('');\n`);
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/completion', { textDocument: { uri: client.uri('src/c.ts') }, position: { line: 0, character: 17 } }, source.token);
    source.cancel();
    const outcome = await pending.then(
      () => 'answered',
      (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${error.code}`),
    );
    assert.ok(outcome === 'answered' || outcome === 'cancelled', outcome);
    const list = await client.request<{ items: unknown[] }>('textDocument/completion', { textDocument: { uri: client.uri('src/c.ts') }, position: { line: 0, character: 17 } });
    assert.equal(list.items.length, 4);
  });
});
