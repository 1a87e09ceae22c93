import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, Diagnostic } from 'vscode-languageserver-types';
import { LspTestClient } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const PLAN = 'tracking-plan.yaml';
const WISHLIST_LINE = 23;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the open plan's unused-event hints and call counts follow the code", () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
    await client.waitForDiagnostics(PLAN, (d) => d.some((x) => x.code === 'unused-event'));
    client.open(PLAN, readFileSync(client.path(PLAN), 'utf8'), 'yaml');
  });
  after(() => client.stop());

  const wishlistLens = async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri(PLAN) } });
    return lenses.find((l) => l.range.start.line === WISHLIST_LINE)?.command?.title;
  };
  const codeLensRefreshes = () => client.refreshes.filter((m) => m === 'workspace/codeLens/refresh').length;
  const planPublications = () => client.publications.filter((p) => p.uri === client.uri(PLAN)).length;

  test('a new call of an unused event: its hint goes, and its code lens is refreshed to count the call', async () => {
    assert.deepEqual((await client.waitForDiagnostics(PLAN, (d) => d.length > 0)).map((d) => [d.code, d.range.start.line]), [['unused-event', WISHLIST_LINE]]);
    assert.equal(await wishlistLens(), '0 call sites');
    const refreshes = codeLensRefreshes();
    client.open('src/wishlist.ts', `analytics.track('Wishlist Shared');\n`);
    assert.deepEqual(await client.waitForDiagnostics(PLAN, (d) => d.length === 0), []);
    await client.waitFor('a code lens refresh', () => codeLensRefreshes() > refreshes || undefined);
    assert.equal(await wishlistLens(), '1 call site');
  });

  test('an edit that changes no count publishes nothing for the plan and refreshes no lens', async () => {
    const publications = planPublications();
    const refreshes = codeLensRefreshes();
    const version = client.change('src/wishlist.ts', `// shared from the wishlist page\nanalytics.track('Wishlist Shared');\n`);
    await client.waitForDiagnostics('src/wishlist.ts', (_d, v) => v === version);
    await sleep(300);
    assert.deepEqual([planPublications(), codeLensRefreshes()], [publications, refreshes]);
  });

  test('closing the file (it is not on disk) brings the hint back', async () => {
    const refreshes = codeLensRefreshes();
    client.close('src/wishlist.ts');
    assert.deepEqual((await client.waitForDiagnostics(PLAN, (d) => d.length > 0)).map((d) => d.code), ['unused-event']);
    await client.waitFor('a code lens refresh', () => codeLensRefreshes() > refreshes || undefined);
    assert.equal(await wishlistLens(), '0 call sites');
  });
});

describe("pull: the open plan's unused-event hints once the check of the closed files ends", () => {
  let client: LspTestClient;
  let release!: () => void;
  before(async () => {
    // The check of the closed files starts only once its progress is created: held, the plan is pulled before it ends,
    // as when a restarted server finds the plan already open in the editor.
    client = await LspTestClient.start({ fixture, pullDiagnostics: true, progressCreation: new Promise<void>((resolve) => (release = resolve)) });
  });
  after(() => client.stop());

  const pullPlan = () => client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: client.uri(PLAN) } });
  const diagnosticRefreshes = () => client.refreshes.filter((m) => m === 'workspace/diagnostic/refresh').length;

  test('pulled before the check ends, the plan has no hints; once it ends the server asks for a pull, which has them', async () => {
    client.open(PLAN, readFileSync(client.path(PLAN), 'utf8'), 'yaml');
    assert.deepEqual(await pullPlan(), { kind: 'full', items: [] }, 'which events no code sends is not known yet');
    // The opened plan has the text on disk, which the server has loaded: no plan change, and no pull asked for.
    await sleep(300);
    assert.equal(diagnosticRefreshes(), 0);
    release();
    await client.waitForChecksToEnd();
    await client.waitFor('a diagnostic refresh after the check', () => diagnosticRefreshes() >= 1 || undefined);
    const report = await pullPlan();
    assert.equal(diagnosticRefreshes(), 1);
    assert.deepEqual(
      report.items.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message, d.tags]),
      [['unused-event', 4, WISHLIST_LINE, 2, "Event 'Wishlist Shared' is in the tracking plan, but no code in the workspace sends it.", [1]]],
    );
  });

  test('closing a file whose unsaved call was the only one brings the hint back: the server asks for a pull again', async () => {
    client.open('src/wishlist.ts', `analytics.track('Wishlist Shared');\n`);
    // The client pulls the plan again itself after its own edits (interFileDependencies).
    assert.deepEqual(await pullPlan(), { kind: 'full', items: [] });
    const refreshes = diagnosticRefreshes();
    client.close('src/wishlist.ts');
    await client.waitFor('a diagnostic refresh after the close', () => diagnosticRefreshes() > refreshes || undefined);
    assert.deepEqual((await pullPlan()).items.map((d) => [d.code, d.range.start.line]), [['unused-event', WISHLIST_LINE]]);
    await sleep(300);
    assert.equal(diagnosticRefreshes(), refreshes + 1, 'what the client pulled is current: no more refreshes');
  });
});
