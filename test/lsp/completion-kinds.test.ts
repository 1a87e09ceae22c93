import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits, cursor } from '../helpers/lspClient';

/** A plan with group traits, screens and a required property of every JSON type. */
const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp-kinds');
const INVOKED = 1;
const TRIGGER_CHARACTER = 2;

describe('completion: group traits, screen names, placeholders per type, trigger characters', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  /** Opens `source` (with `|` as the cursor) in a new file and asks for completion there, as typing `trigger` would. */
  async function complete(source: string, trigger?: string): Promise<{ text: string; items: CompletionItem[] }> {
    const { text, position } = cursor(source);
    const file = `src/completion-${n++}.ts`;
    client.open(file, text);
    const context = trigger ? { triggerKind: TRIGGER_CHARACTER, triggerCharacter: trigger } : { triggerKind: INVOKED };
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position, context });
    return { text, items: list?.items ?? [] };
  }

  const labels = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
  const apply = (text: string, item: CompletionItem) => applyEdits(text, [item.textEdit as { range: never; newText: string }]);

  test('the snippet for an event without properties argument: a placeholder that fits each required property', async () => {
    const { text, items } = await complete(`analytics.track('|');`, "'");
    const item = items.find((i) => i.label === 'Report Exported')!;
    assert.equal(item.insertTextFormat, 2);
    assert.equal(
      apply(text, item),
      `analytics.track('Report Exported', { format: \${1|'csv','pdf'|}, rows: \${2:0}, share_link: \${3|true,false|}, columns: [\${4}], filters: {\${5}}, note: '\${6}' });`,
    );
  });

  test('group traits: the keys not yet sent, required first, with type and description', async () => {
    const { text, items } = await complete(`analytics.group('org-1', { employees: 3, | });`);
    assert.deepEqual(labels(items), ['name', 'industry']);
    const name = items.find((i) => i.label === 'name')!;
    assert.deepEqual([name.detail, name.documentation], ['string (required)', { kind: 'markdown', value: ['`name`: `string` — **required**', '', 'in group traits', '', 'Company name'].join('\n') }]);
    assert.equal(apply(text, name), `analytics.group('org-1', { employees: 3, name: '\${1}' });`);
  });

  test('group traits: the enum values in a trait value', async () => {
    const { text, items } = await complete(`analytics.group('org-1', { name: 'Acme', industry: '|' });`, "'");
    assert.deepEqual(labels(items), ['retail', 'finance']);
    assert.equal(apply(text, items.find((i) => i.label === 'finance')!), `analytics.group('org-1', { name: 'Acme', industry: 'finance' });`);
  });

  test('screen names, with their description as documentation', async () => {
    const { text, items } = await complete(`analytics.screen("|");`, '"');
    assert.deepEqual(labels(items), ['Home', 'Settings']);
    const settings = items.find((i) => i.label === 'Settings')!;
    assert.deepEqual([settings.detail, settings.documentation], ['tracking plan screen', { kind: 'markdown', value: ['Screen **Settings**', '', 'The settings screen', '', '_No properties planned: any are accepted._'].join('\n') }]);
    assert.equal(apply(text, settings), `analytics.screen("Settings");`);
  });

  test('typing ` opens the names inside a template literal', async () => {
    const { text, items } = await complete('analytics.screen(`|`);', '`');
    assert.deepEqual(labels(items), ['Home', 'Settings']);
    assert.equal(apply(text, items.find((i) => i.label === 'Home')!), 'analytics.screen(`Home`);');
  });

  test('typing { after the event name opens its property keys', async () => {
    const { text, items } = await complete(`analytics.track('Report Exported', {|});`, '{');
    assert.deepEqual(labels(items), ['columns', 'filters', 'format', 'note', 'rows', 'share_link', 'ratio']);
    assert.equal(apply(text, items.find((i) => i.label === 'share_link')!), `analytics.track('Report Exported', {share_link: \${1|true,false|}});`);
  });
});
