import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionItem, CompletionList, Hover } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits, cursor } from '../helpers/lspClient';

/**
 * The editor features at a component's JSX attributes (the fixture's TrackedLink, whose `trackingEvent`
 * prop is the event name) and at calls of a generated Typewriter client's event functions.
 */
const fixture = path.resolve(__dirname, '../fixtures/workspaces/react');
const LINK = `import { TrackedLink } from './components/TrackedLink';\n`;
const CLIENT = `import { orderCompleted } from './generated/segment';\n`;

describe('React components and generated clients in the editor', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
    await client.waitForDiagnostics('tracking-plan.yaml');
  });
  after(() => client.stop());

  const open = (code: string, extension = 'tsx') => {
    const file = `src/r-${n++}.${extension}`;
    client.open(file, code);
    return file;
  };
  const range = (line: number, character: number, endCharacter: number) => ({ start: { line, character }, end: { line, character: endCharacter } });

  async function complete(source: string, extension?: string): Promise<{ text: string; items: CompletionItem[] }> {
    const { text, position } = cursor(source);
    const file = open(text, extension);
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position });
    return { text, items: list?.items ?? [] };
  }

  test('a JSX attribute naming the event: diagnostic, quick fix and hover at the attribute value', async () => {
    const code = `${LINK}export const A = () => <TrackedLink href="/" trackingEvent="Link Clicke" trackingProperties={{ destination: '/' }} />;\n`;
    const file = open(code);
    const diagnostics = await client.waitForDiagnostics(file, (d) => d.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [['unknown-event', range(1, 59, 72), "Event 'Link Clicke' is not in the tracking plan. Did you mean 'Link Clicked'?"]],
    );
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
    assert.equal(actions[0].title, "Change to 'Link Clicked'");
    assert.equal(applyEdits(code, actions[0].edit!.changes![client.uri(file)]), code.replace('"Link Clicke"', '"Link Clicked"'));
    const hovered = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position: { line: 1, character: 65 } });
    const value = (hovered?.contents as { value: string }).value;
    assert.match(value, /^\*\*Link Clicke\*\* is not in the tracking plan\./);
    assert.ok(value.endsWith('Sent through the wrapper `TrackedLink` (src/components/TrackedLink.tsx:1), inferred: it calls `analytics.track`.'), value);
  });

  test('completion in a JSX attribute: event names, then property keys', async () => {
    const names = await complete(`${LINK}export const A = () => <TrackedLink href="/" trackingEvent="|" />;`);
    assert.deepEqual(names.items.map((i) => i.label).sort(), ['Link Clicked', 'Order Completed']);
    const keys = await complete(`${LINK}export const A = () => <TrackedLink href="/" trackingEvent="Link Clicked" trackingProperties={{ | }} />;`);
    assert.deepEqual(keys.items.map((i) => i.label), ['destination']);
  });

  test("a generated client's event function: its properties judged and completed, nothing offered as a name", async () => {
    const file = open(`${CLIENT}orderCompleted({ order_id: 'o1', total: 1, currency: 'GBP' });\n`, 'ts');
    const diagnostics = await client.waitForDiagnostics(file, (d) => d.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [['property-value', range(1, 53, 58), 'Property \'currency\' of event \'Order Completed\' must be one of "USD", "EUR"; found "GBP".']],
    );
    const keys = await complete(`${CLIENT}orderCompleted({ order_id: 'o1', | });`, 'ts');
    assert.deepEqual(keys.items.map((i) => i.label), ['total', 'currency']);
    const empty = await complete(`${CLIENT}orderCompleted(|);`, 'ts');
    assert.deepEqual(empty.items, []);
    assert.equal(client.diagnostics.get(client.uri('src/generated/segment.ts')), undefined);
  });
});
