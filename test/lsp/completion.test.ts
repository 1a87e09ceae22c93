import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits, cursor } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');

describe('completion', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  /** Opens `source` (with `|` as the cursor) in a new file and asks for completion there. */
  async function complete(source: string): Promise<{ text: string; items: CompletionItem[] }> {
    const { text, position } = cursor(source);
    const file = `src/completion-${n++}.ts`;
    client.open(file, text);
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position });
    return { text, items: list?.items ?? [] };
  }

  const labels = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
  const apply = (text: string, item: CompletionItem) => applyEdits(text, [item.textEdit as { range: never; newText: string }]);

  test('event names inside the quotes: deprecated ones last and marked', async () => {
    const { items } = await complete(`analytics.track('|', {});`);
    assert.deepEqual(labels(items), ['Order Completed', 'Signed Up', 'Wishlist Shared', 'Purchase Completed']);
    const deprecated = items.find((i) => i.label === 'Purchase Completed')!;
    assert.deepEqual([deprecated.tags, deprecated.detail], [[1], 'deprecated — use Order Completed']);
    const order = items.find((i) => i.label === 'Order Completed')!;
    assert.equal(order.kind, 23);
    assert.deepEqual(order.documentation, {
      kind: 'markdown',
      value: [
        'Event **Order Completed**',
        '',
        'User completes a purchase',
        '',
        '| Property | Type | Required | Allowed values |',
        '|---|---|---|---|',
        '| `order_id` | string | yes |  |',
        '| `total` | number | yes | ≥ 0 |',
        '| `currency` | string | yes | `"USD"`, `"EUR"` |',
        '| `coupon` | string |  |  |',
        '',
        'No other properties are allowed.',
      ].join('\n'),
    });
  });

  test('choosing an event in a call with properties replaces only the text in the quotes', async () => {
    const { text, items } = await complete(`analytics.track('Sig|', { method: 'email' });`);
    const item = items.find((i) => i.label === 'Signed Up')!;
    assert.equal(apply(text, item), `analytics.track('Signed Up', { method: 'email' });`);
    assert.equal(item.insertTextFormat, undefined);
  });

  test('choosing an event in a call without properties inserts a snippet with its required properties', async () => {
    const { text, items } = await complete(`analytics.track('|');`);
    const item = items.find((i) => i.label === 'Order Completed')!;
    assert.equal(item.insertTextFormat, 2);
    assert.equal(item.filterText, `'Order Completed'`);
    assert.equal(apply(text, item), `analytics.track('Order Completed', { order_id: '\${1}', total: \${2:0}, currency: \${3|'USD','EUR'|} });`);
  });

  test('a name inside the Node message object: only the name, the properties are a field of the message', async () => {
    const { text, items } = await complete(`analytics.track({ userId: 'u1', event: '|' });`);
    assert.equal(apply(text, items.find((i) => i.label === 'Order Completed')!), `analytics.track({ userId: 'u1', event: 'Order Completed' });`);
  });

  test('an empty argument list offers the names too, quoted', async () => {
    const { text, items } = await complete(`analytics.track(|)`);
    assert.equal(apply(text, items.find((i) => i.label === 'Wishlist Shared')!), `analytics.track('Wishlist Shared')`);
  });

  test('double quotes stay double quotes', async () => {
    const { text, items } = await complete(`analytics.track("|", {});`);
    assert.equal(apply(text, items.find((i) => i.label === 'Signed Up')!), `analytics.track("Signed Up", {});`);
  });

  test('property keys not yet present, required first, with type and docs', async () => {
    const { text, items } = await complete(`analytics.track('Order Completed', { order_id: 'o', | });`);
    assert.deepEqual(labels(items), ['currency', 'total', 'coupon']);
    const currency = items.find((i) => i.label === 'currency')!;
    assert.deepEqual([currency.detail, currency.kind], ['"USD" | "EUR" (required)', 10]);
    assert.equal(apply(text, currency), `analytics.track('Order Completed', { order_id: 'o', currency: \${1|'USD','EUR'|} });`);
  });

  test('a partly typed key is replaced', async () => {
    const { text, items } = await complete(`analytics.track('Order Completed', { tot| });`);
    assert.equal(apply(text, items.find((i) => i.label === 'total')!), `analytics.track('Order Completed', { total: \${1:0} });`);
  });

  test('enum values inside a property value', async () => {
    const { text, items } = await complete(`analytics.track('Signed Up', { method: '|' });`);
    assert.deepEqual(labels(items), ['email', 'google']);
    assert.equal(apply(text, items[1]), `analytics.track('Signed Up', { method: 'google' });`);
  });

  test('identify traits and page names', async () => {
    const traits = await complete(`analytics.identify('u1', { | });`);
    assert.deepEqual(labels(traits.items), ['name', 'plan']);
    const pages = await complete(`analytics.page('|');`);
    assert.deepEqual(labels(pages.items), ['Home']);
  });

  test('names resolved through constants still key the property completion', async () => {
    const { items } = await complete(`import { EVENTS } from './events';\nanalytics.track(EVENTS.SIGNED_UP, { | });`);
    assert.deepEqual(labels(items), ['method']);
  });

  test('nothing outside analytics calls', async () => {
    const { items } = await complete(`const player = { track(n: string) {} };\nplayer.track('|');`);
    assert.deepEqual(items, []);
  });
});
