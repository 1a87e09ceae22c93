import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits, cursor } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');

describe('navigation', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
    // References need every file read: wait for the scan's last publication.
    await client.waitForDiagnostics('tracking-plan.yaml', (d) => d.some((x) => x.code === 'unused-event'));
  });
  after(() => client.stop());

  const at = (relative: string, line: number, character: number, endCharacter: number): Location => ({
    uri: client.uri(relative),
    range: { start: { line, character }, end: { line, character: endCharacter } },
  });

  test('go to definition: from an event name to its entry in the plan', async () => {
    const { text, position } = cursor(`analytics.track('Signed |Up', { method: 'email' });`);
    client.open('src/nav-1.ts', text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri('src/nav-1.ts') }, position });
    assert.deepEqual(locations, [at('tracking-plan.yaml', 15, 2, 11)]);
  });

  test('go to definition: from the constant that holds the name', async () => {
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri('src/events.ts') }, position: { line: 1, character: 15 } });
    assert.deepEqual(locations, [at('tracking-plan.yaml', 15, 2, 11)]);
  });

  test('go to definition: from a constant at the call (TypeScript adds its declaration; tracklint the plan entry)', async () => {
    const { text, position } = cursor(`import { EVENTS } from './events';\nanalytics.track(EVENTS.SIGN|ED_UP, { method: 'email' });`);
    client.open('src/nav-3.ts', text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri('src/nav-3.ts') }, position });
    assert.deepEqual(locations, [at('tracking-plan.yaml', 15, 2, 11)]);
    client.close('src/nav-3.ts');
  });

  test('find references: from the plan entry to every call site', async () => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: client.uri('tracking-plan.yaml') },
      position: { line: 6, character: 5 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      locations.map((l) => [path.relative(client.root, client.path('') + l.uri.slice(client.uri('').length)), l.range.start.line, l.range.start.character]).sort(),
      [['src/clean.ts', 2, 18], ['tracking-plan.yaml', 6, 2]].sort(),
    );
  });

  test('code lens on the plan: call sites per event', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('tracking-plan.yaml') } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
      [6, '1 call site'],
      [15, '2 call sites'],
      [20, '0 call sites'],
      [23, '0 call sites'],
      [30, '1 call site'],
    ]);
  });

  test('rename from a call site: the plan key and every call site, literals in place and constants at their declaration', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: client.uri('src/clean.ts') },
      position: { line: 1, character: 20 },
      newName: 'Account Created',
    });
    const planText = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    assert.equal(applyEdits(planText, edit.changes![client.uri('tracking-plan.yaml')]), planText.replace('  Signed Up:\n', '  Account Created:\n'));
    const cleanText = readFileSync(client.path('src/clean.ts'), 'utf8');
    assert.equal(applyEdits(cleanText, edit.changes![client.uri('src/clean.ts')]), cleanText.replace(`'Signed Up'`, `'Account Created'`));
    const eventsText = readFileSync(client.path('src/events.ts'), 'utf8');
    // events.ts declares SIGNED_UP but no call uses it outside the open buffer nav-1.ts, which is a literal.
    assert.equal(edit.changes![client.uri('src/events.ts')], undefined);
    assert.equal(applyEdits(`analytics.track('Signed Up', { method: 'email' });`, edit.changes![client.uri('src/nav-1.ts')]), `analytics.track('Account Created', { method: 'email' });`);
    void eventsText;
  });

  test('rename from the plan entry', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: client.uri('tracking-plan.yaml') },
      position: { line: 30, character: 3 },
      newName: 'Landing',
    });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [client.uri('src/clean.ts'), client.uri('tracking-plan.yaml')].sort());
    const cleanText = readFileSync(client.path('src/clean.ts'), 'utf8');
    assert.equal(applyEdits(cleanText, edit.changes![client.uri('src/clean.ts')]), cleanText.replace(`analytics.page('Home')`, `analytics.page('Landing')`));
    const planText = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    assert.equal(applyEdits(planText, edit.changes![client.uri('tracking-plan.yaml')]), planText.replace('pages:\n  Home: {}', 'pages:\n  Landing: {}'));
  });

  test('rename from a call that names the event through a constant: the constant is renamed where it is declared', async () => {
    client.open('src/nav-2.ts', `import { EVENTS } from './events';\nanalytics.track(EVENTS.SIGNED_UP, { method: 'email' });\n`);
    await client.waitForDiagnostics('src/nav-2.ts');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri('src/nav-2.ts') }, position: { line: 1, character: 25 }, newName: 'Account Created' });
    const eventsText = readFileSync(client.path('src/events.ts'), 'utf8');
    assert.equal(applyEdits(eventsText, edit.changes![client.uri('src/events.ts')]), eventsText.replace(`SIGNED_UP: 'Signed Up'`, `SIGNED_UP: 'Account Created'`));
    assert.equal(edit.changes![client.uri('src/nav-2.ts')], undefined, 'the call keeps its constant');
    const planText = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    assert.equal(applyEdits(planText, edit.changes![client.uri('tracking-plan.yaml')]), planText.replace('  Signed Up:\n', '  Account Created:\n'));
  });

  test('the add-event command edits the plan through workspace/applyEdit', async () => {
    await client.request('workspace/executeCommand', { command: 'tracklint.server.addEventToPlan', arguments: [{ name: 'Coupon Applied', uri: client.uri('src/clean.ts') }] });
    const edit = await client.waitFor('an applied edit', () => client.appliedEdits[0]);
    const planText = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    assert.equal(applyEdits(planText, edit.changes![client.uri('tracking-plan.yaml')]), planText.replace('  Wishlist Shared: {} # nobody sends this one\n', '  Wishlist Shared: {} # nobody sends this one\n  Coupon Applied: {}\n'));
  });

  test('adding an event that is already planned is an error response, not an edit', async () => {
    await assert.rejects(
      client.request('workspace/executeCommand', { command: 'tracklint.server.addEventToPlan', arguments: [{ name: 'Signed Up' }] }),
      { message: "'Signed Up' is already in the tracking plan." },
    );
    assert.equal(client.appliedEdits.length, 1);
  });
});
