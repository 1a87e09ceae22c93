import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import type { CoverageResult } from '../../server/src/lsp/protocol';
import { LspTestClient } from '../helpers/lspClient';

const fixtures = path.resolve(__dirname, '../fixtures/workspaces');
const REQUEST_CANCELLED = -32800;

describe('tracklint/coverage', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture: path.join(fixtures, 'coverage') });
  });
  after(() => client.stop());

  const coverage = () => client.request<CoverageResult | null>('tracklint/coverage', {});
  const counts = (result: CoverageResult | null) => result?.report?.planned.map((p) => [p.kind, p.name, p.sites.length, p.bySource, p.unassigned, p.offSource]);

  test('the report of the whole folder, closed files included (the request waits for the scan)', async () => {
    const result = await coverage();
    assert.equal(result?.state, 'ok');
    assert.equal(result?.root, client.root);
    assert.equal(result?.planFile, client.path('tracking-plan.yaml'));
    assert.deepEqual(counts(result), [
      ['track', 'Order Completed', 2, { web: 1, server: 1 }, 0, 1],
      ['track', 'Signed Up', 1, { web: 0, server: 0 }, 1, 0],
      ['track', 'Wishlist Shared', 0, { web: 0, server: 0 }, 0, 0],
      ['track', 'Old Checkout', 0, { web: 0, server: 0 }, 0, 0],
      ['page', 'Home', 1, { web: 1, server: 0 }, 0, 0],
      ['page', 'Pricing', 0, { web: 0, server: 0 }, 0, 0],
    ]);
    assert.deepEqual(result?.report?.planned[0].sites, [
      { file: client.path('apps/web/checkout.ts'), range: { start: { line: 3, character: 16 }, end: { line: 3, character: 33 } }, source: 'web' },
      { file: client.path('services/orders.ts'), range: { start: { line: 1, character: 18 }, end: { line: 1, character: 35 } }, source: 'server' },
    ]);
    assert.deepEqual(result?.report?.unplanned.map((u) => [u.kind, u.name, u.sites.map((s) => path.relative(client.root, s.file))]), [
      ['track', 'Checkout Start', ['apps/web/checkout.ts', 'services/orders.ts']],
      ['page', 'Landing', ['scripts/seed.ts']],
    ]);
    assert.deepEqual(result?.report?.dynamic.map((d) => [path.relative(client.root, d.file), d.range.start.line, d.kind, d.typeText]), [['apps/web/checkout.ts', 10, 'track', 'string']]);
    // The same markdown as `tracklint coverage --format markdown --verbose` run in the folder.
    assert.match(result?.markdown ?? '', /^## Tracking plan coverage\n\n\*\*3 of 5 planned names\*\* sent \(60%\)/);
    assert.match(result?.markdown ?? '', /\| Event \| `Order Completed` \| 2 \| 1 \| 1 \| 0 \| web \| sent, 1 call off-source \(event-source\) \| `apps\/web\/checkout\.ts:4:17`<br>`services\/orders\.ts:2:19` \|/);
  });

  test("an open file's unsaved text counts: a new call of a never-sent event", async () => {
    client.open('apps/web/wishlist.ts', `export function share() {\n  analytics.track('Wishlist Shared');\n}\n`);
    const result = await coverage();
    const wishlist = result?.report?.planned.find((p) => p.name === 'Wishlist Shared');
    assert.deepEqual(wishlist?.sites, [{ file: client.path('apps/web/wishlist.ts'), range: { start: { line: 1, character: 18 }, end: { line: 1, character: 35 } }, source: 'web' }]);
    client.close('apps/web/wishlist.ts');
    const after = await coverage();
    assert.deepEqual(after?.report?.planned.find((p) => p.name === 'Wishlist Shared')?.sites, []);
  });

  test('cancelled: the true answer or RequestCancelled, and the server goes on serving', async () => {
    const expected = await coverage();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const source = new CancellationTokenSource();
        const pending = client.connection.sendRequest('tracklint/coverage', {}, source.token);
        if (i % 2 === 0) source.cancel();
        else setImmediate(() => source.cancel());
        try {
          assert.deepEqual(await pending, expected);
          return 'answered';
        } catch (error) {
          assert.equal((error as { code?: number }).code, REQUEST_CANCELLED);
          return 'cancelled';
        }
      }),
    );
    assert.ok(outcomes.includes('cancelled'));
    assert.deepEqual(await coverage(), expected);
    assert.deepEqual(client.errorLogs, []);
  });
});

describe('tracklint/coverage without a usable plan', () => {
  test('an invalid plan: the state, no report, no error', async () => {
    const client = await LspTestClient.start({ fixture: path.join(fixtures, 'broken') });
    try {
      const result = await client.request<CoverageResult | null>('tracklint/coverage', { uri: client.uri('a.ts') });
      assert.deepEqual(result, { root: client.root, planFile: client.path('tracking-plan.yaml'), state: 'invalid' });
      assert.deepEqual(client.errorLogs, []);
    } finally {
      await client.stop();
    }
  });
});

describe('tracklint/workspaceCoverage in a multi-root workspace: every folder against its own plan', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture: path.join(fixtures, 'multi-root'), workspaceFolders: ['shop', 'blog'] });
  });
  after(() => client.stop());

  /** A folder's result as its root, plan, state, planned names with their call sites, and off-plan names (paths relative to the folder). */
  const summary = (result: CoverageResult | null) =>
    result && {
      root: path.relative(client.root, result.root),
      planFile: path.relative(client.root, result.planFile ?? ''),
      state: result.state,
      planned: result.report?.planned.map((p) => [p.kind, p.name, p.sites.map((s) => `${path.relative(result.root, s.file)}:${s.range.start.line + 1}`)]),
      unplanned: result.report?.unplanned.map((u) => [u.kind, u.name, u.sites.map((s) => `${path.relative(result.root, s.file)}:${s.range.start.line + 1}`)]),
    };
  const SHOP = {
    root: 'shop',
    planFile: 'shop/tracking-plan.yaml',
    state: 'ok',
    planned: [['track', 'Order Completed', ['src/checkout.ts:2']], ['track', 'Signed Up', []]],
    unplanned: [['track', 'Post Read', ['src/checkout.ts:3']]],
  };
  const BLOG = {
    root: 'blog',
    planFile: 'blog/tracking-plan.yaml',
    state: 'ok',
    planned: [['track', 'Post Read', ['src/post.ts:3', 'src/post.ts:4']], ['page', 'Article', ['src/post.ts:2']]],
    unplanned: [],
  };

  test('one result per folder, in order: the second folder is reported against its plan, not the first', async () => {
    const results = await client.request<CoverageResult[]>('tracklint/workspaceCoverage', null);
    assert.deepEqual(results.map(summary), [SHOP, BLOG]);
    assert.match(results[1].markdown ?? '', /^## Tracking plan coverage\n\n\*\*2 of 2 planned names\*\* sent \(100%\)/);
  });

  test('tracklint/coverage answers for the folder of its uri, and for the first folder without one', async () => {
    assert.deepEqual(summary(await client.request<CoverageResult | null>('tracklint/coverage', { uri: client.uri('blog/src/post.ts') })), BLOG);
    assert.deepEqual(summary(await client.request<CoverageResult | null>('tracklint/coverage', {})), SHOP);
    assert.deepEqual(client.errorLogs, []);
  });
});
