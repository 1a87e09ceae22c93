import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-types';
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
