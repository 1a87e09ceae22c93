import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-types';
import { LspTestClient, cursor } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');

describe('hover', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  async function hover(source: string): Promise<Hover | null> {
    const { text, position } = cursor(source);
    const file = `src/hover-${n++}.ts`;
    client.open(file, text);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position });
  }

  test('on an event name: the plan entry with its properties table', async () => {
    const result = await hover(`analytics.track('Signed| Up', { method: 'email' });`);
    assert.deepEqual(result, {
      contents: {
        kind: 'markdown',
        value: ['Event **Signed Up**', '', 'A visitor creates an account', '', '| Property | Type | Required | Allowed values |', '|---|---|---|---|', '| `method` | string | yes | `"email"`, `"google"` |'].join('\n'),
      },
      range: { start: { line: 0, character: 16 }, end: { line: 0, character: 27 } },
    });
  });

  test('on a deprecated event: its replacement', async () => {
    const result = await hover(`analytics.track('Purchase |Completed');`);
    assert.equal((result?.contents as { value: string }).value, ['Event **Purchase Completed**', '', '⚠️ **Deprecated**: use **Order Completed** instead.', '', '_No properties planned: any are accepted._'].join('\n'));
  });

  test('on a constant that names an event', async () => {
    const result = await hover(`import { EVENTS } from './events';\nanalytics.track(EVENTS.SIGN|ED_UP, { method: 'email' });`);
    assert.match((result?.contents as { value: string }).value, /^Event \*\*Signed Up\*\*/);
    assert.deepEqual(result?.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 32 } });
  });

  test('on an off-plan name', async () => {
    const result = await hover(`analytics.track('No|pe');`);
    assert.equal((result?.contents as { value: string }).value, '**Nope** is not in the tracking plan.');
  });

  test('on a property key: its schema', async () => {
    const result = await hover(`analytics.track('Order Completed', { ord|er_id: 'o', total: 1, currency: 'USD' });`);
    assert.deepEqual(result, {
      contents: { kind: 'markdown', value: ["`order_id`: `string` — **required**", '', "in event 'Order Completed'", '', 'Internal order id'].join('\n') },
      range: { start: { line: 0, character: 37 }, end: { line: 0, character: 45 } },
    });
  });

  test('nothing elsewhere', async () => {
    assert.equal(await hover(`const x = 1;|`), null);
  });
});
