import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp-json');

describe('"Add event to the tracking plan" with a JSON plan', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  test('the edit keeps the comments and the layout, infers the property types, and the call is then in the plan', async () => {
    client.open('src/cart.ts', `analytics.track('Cart Viewed', { cart_id: 'c1', items: 3, gift: true });\n`);
    const diagnostics = await client.waitForDiagnostics('src/cart.ts', (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-event']);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('src/cart.ts') }, range: diagnostics[0].range, context: { diagnostics } });
    const add = actions.find((a) => a.title === "Add event 'Cart Viewed' to the tracking plan");
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(add.diagnostics, diagnostics);
    const planText = readFileSync(client.path('tracking-plan.json'), 'utf8');
    const after = applyEdits(planText, add.edit!.changes![client.uri('tracking-plan.json')]);
    assert.equal(
      after,
      [
        '{',
        '  // A JSON plan with comments, for the "Add event" quick fix: they and the layout must survive it.',
        '  "name": "JSON Shop",',
        '  "events": {',
        '    "Signed Up": {',
        '      "properties": { "method": { "type": "string" } } // how the account was made',
        '    },',
        '    "Cart Viewed": {',
        '      "properties": {',
        '        "cart_id": {',
        '          "type": "string"',
        '        },',
        '        "items": {',
        '          "type": "integer"',
        '        },',
        '        "gift": {',
        '          "type": "boolean"',
        '        }',
        '      },',
        '      "required": [',
        '        "cart_id",',
        '        "items",',
        '        "gift"',
        '      ]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    // Saved: the plan loads without problems, and the call it was made from is now planned.
    writeFileSync(client.path('tracking-plan.json'), after);
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('tracking-plan.json'), type: 2 }] });
    assert.deepEqual(await client.waitForDiagnostics('src/cart.ts', (d) => d.length === 0), []);
    const status = await client.waitFor('the new plan in the status', () => client.statuses.findLast((s) => s.eventCount === 2));
    assert.equal(status.state, 'ok');
  });
});
