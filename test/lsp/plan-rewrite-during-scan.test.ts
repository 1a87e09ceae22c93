import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { generatedFile, generateWorkspace } from '../helpers/generatedWorkspace';
import { LspTestClient } from '../helpers/lspClient';

const FILES = 300;

/**
 * The plan as rewritten on disk: 'Order Complete' (sent by every 10th file) is planned now, and 'Item
 * Viewed' requires a property no file sends.
 */
const NEW_PLAN = `name: Generated
conventions:
  events: title
  properties: snake
events:
  Order Completed:
    properties:
      order_id: { type: string }
      total: { type: number, minimum: 0 }
    required: [order_id, total]
  Order Complete:
    properties:
      order_id: { type: string }
      total: { type: number }
  Item Viewed:
    properties:
      item_id: { type: string }
      source: { type: string }
    required: [item_id, source]
`;

/** What a generated file shows under the new plan: its 'Item Viewed' call misses 'source', and nothing else. */
function expectedUnderNewPlan(root: string, n: number): string[] {
  const line = readFileSync(path.join(root, generatedFile(n)), 'utf8').split('\n').findIndex((l) => l.includes("analytics.track('Item Viewed'"));
  return [`missing-required-property ${line} Missing required property 'source' of event 'Item Viewed'.`];
}

/**
 * Rewrites the plan on disk (with the watcher's notification, as an editor's file watcher sends it)
 * at the moment `when` holds during the scan, then checks every file's final diagnostics.
 */
async function rewriteDuringScan(when: (progress: { kind: string; message?: string }[]) => boolean): Promise<void> {
  const generated = generateWorkspace(FILES);
  const client = await LspTestClient.start({ fixture: generated });
  try {
    const scan = () => [...client.progress.values()][0] ?? [];
    await client.waitFor('the moment to rewrite the plan', () => when(scan()));
    assert.ok(!scan().some((v) => v.kind === 'end'), 'the scan ended before the plan was rewritten');
    writeFileSync(client.path('tracking-plan.yaml'), NEW_PLAN);
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('tracking-plan.yaml'), type: 2 }] });
    await client.waitFor('the scan to end', () => scan().some((v) => v.kind === 'end'));
    await client.waitFor('the new plan in the status', () => client.statuses.at(-1)?.eventCount === 3 || undefined);
    // The check of the files under the new plan reports its own progress: wait for every check to end.
    await client.waitForChecksToEnd();
    for (let seen = -1; seen !== client.publicationCount; ) {
      seen = client.publicationCount;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const wrong: string[] = [];
    for (let n = 0; n < FILES; n++) {
      const shown = (client.diagnostics.get(client.uri(generatedFile(n)))?.diagnostics ?? []).map((d) => `${d.code} ${d.range.start.line} ${d.message}`);
      if (JSON.stringify(shown) !== JSON.stringify(expectedUnderNewPlan(client.root, n))) wrong.push(`${generatedFile(n)}: ${JSON.stringify(shown)}`);
    }
    assert.deepEqual(client.errorLogs, []);
    assert.deepEqual(wrong, [], `${wrong.length} files show diagnostics of another plan`);
    assert.deepEqual(client.errorLogs, []);
  } finally {
    await client.stop();
    rmSync(generated, { recursive: true, force: true });
  }
}

describe(`the plan file rewritten on disk while the workspace scan of ${FILES} files runs`, () => {
  test('before any file is checked: the final diagnostics are those of the new plan', () => rewriteDuringScan((progress) => progress.some((v) => v.kind === 'begin')));

  test('after the first files are checked: the final diagnostics are those of the new plan', () => rewriteDuringScan((progress) => progress.some((v) => v.message?.startsWith('Checked ') && !v.message.startsWith('Checked 0 '))));
});
