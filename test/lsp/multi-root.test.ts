// A multi-root workspace: a plan status per folder, and folders added to or removed from the workspace while the
// server runs (workspace/didChangeWorkspaceFolders).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, Location } from 'vscode-languageserver-types';
import type { CoverageResult, PlanStatus } from '../../server/src/lsp/protocol';
import { LspTestClient } from '../helpers/lspClient';

const fixtures = path.resolve(__dirname, '../fixtures/workspaces');
const MULTI_ROOT = path.join(fixtures, 'multi-root');

/** The latest status the server sent about a folder (relative), if any. */
const latestStatus = (client: LspTestClient, folder: string) => client.statuses.filter((status) => status.folderUri === client.uri(folder)).at(-1);

/** Waits until the latest status of `folder` is `expected`, then asserts it (so a mismatch is shown, not only timed out). */
async function assertStatus(client: LspTestClient, folder: string, expected: PlanStatus): Promise<void> {
  await client
    .waitFor(`the status of ${folder}`, () => JSON.stringify(latestStatus(client, folder)) === JSON.stringify(expected) || undefined, 10_000)
    .catch(() => undefined);
  assert.deepEqual(latestStatus(client, folder), expected);
}

const shopStatus = (client: LspTestClient, problemCount: number): PlanStatus => ({
  folderUri: client.uri('shop'),
  state: 'ok',
  planFile: client.path('shop/tracking-plan.yaml'),
  planName: 'Shop',
  eventCount: 2,
  problemCount,
});

const blogStatus = (client: LspTestClient, eventCount: number, problemCount: number): PlanStatus => ({
  folderUri: client.uri('blog'),
  state: 'ok',
  planFile: client.path('blog/tracking-plan.yaml'),
  planName: 'Blog',
  eventCount,
  problemCount,
});

describe('plan status in a multi-root workspace: one per folder, each naming its folder', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture: MULTI_ROOT, workspaceFolders: ['shop', 'blog'] });
  });
  after(() => client.stop());

  test('both folders send their status, with their own plan and problem count', async () => {
    // shop/src/checkout.ts sends 'Post Read', which only the blog's plan has: one problem in shop, none in blog.
    await assertStatus(client, 'shop', shopStatus(client, 1));
    await assertStatus(client, 'blog', blogStatus(client, 1, 0));
    assert.deepEqual([...new Set(client.statuses.map((status) => status.folderUri))].sort(), [client.uri('blog'), client.uri('shop')].sort());
  });

  test("a problem in one folder changes that folder's status only", async () => {
    const shopBefore = latestStatus(client, 'shop');
    client.open('blog/src/share.ts', `analytics.track('Post Shared');\n`);
    await client.waitForDiagnostics('blog/src/share.ts', (d) => d.length === 1);
    await assertStatus(client, 'blog', blogStatus(client, 1, 1));
    assert.deepEqual(latestStatus(client, 'shop'), shopBefore);
  });

  test("an invalid plan in one folder: that folder's status says so, the other's stays ok", async () => {
    client.open('blog/tracking-plan.yaml', 'name: Blog\nevents:\n  Post Read: { properties: [] }\n', 'yaml');
    await client.waitFor('an invalid status of blog', () => latestStatus(client, 'blog')?.state === 'invalid' || undefined);
    // The problems: share.ts's unknown event, and now the plan's own error.
    assert.deepEqual(
      { ...latestStatus(client, 'blog'), message: undefined },
      { ...blogStatus(client, 1, 2), state: 'invalid', message: undefined },
    );
    assert.match(latestStatus(client, 'blog')?.message ?? '', /^The tracking plan has 1 problem\(s\); checking with the last valid version\.$/);
    assert.deepEqual(latestStatus(client, 'shop'), shopStatus(client, 1));
    assert.deepEqual(client.errorLogs, []);
  });
});

describe('workspace folders added and removed while the server runs', () => {
  let client: LspTestClient;
  const disposed: string[] = [];
  before(async () => {
    client = await LspTestClient.start({
      fixture: MULTI_ROOT,
      workspaceFolders: ['shop'],
      wrapClosedFileChecker: (root, checker) => ({ ...checker, dispose: () => (disposed.push(root), checker.dispose()) }),
    });
    // A closed file of the blog with a problem against the blog's plan: an event it does not plan.
    writeFileSync(client.path('blog/src/share.ts'), `export function share() {\n  analytics.track('Post Shared');\n}\n`);
  });
  after(() => client.stop());

  const workspaceCoverageRoots = async () => (await client.request<CoverageResult[]>('tracklint/workspaceCoverage', null)).map((result) => path.relative(client.root, result.root));
  const checkWorkspace = () => client.request<{ fileCount: number; problemCount: number }>('tracklint/checkWorkspace', null);
  /** Where a definition request on 'Post Shared' in blog/src/share.ts leads (line of the plan, relative file). */
  const postSharedDefinition = async () =>
    (await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri('blog/src/share.ts') }, position: { line: 1, character: 22 } })).map((location) => [
      path.relative(client.root, new URL(location.uri).pathname),
      location.range.start.line,
    ]);
  let shopOnly: { fileCount: number; problemCount: number };

  test('the server declares that it follows workspace folder changes', async () => {
    assert.deepEqual(client.initializeResult.capabilities.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
    await assertStatus(client, 'shop', shopStatus(client, 1));
    // shop/src/checkout.ts, with its off-plan 'Post Read' (declaration files are not counted).
    shopOnly = await checkWorkspace();
    assert.deepEqual(shopOnly, { fileCount: 1, problemCount: 1 });
    assert.deepEqual(await workspaceCoverageRoots(), ['shop']);
  });

  test("a folder added: its closed files are checked against its own plan, and its status is sent", async () => {
    const published = client.publications.length;
    client.changeWorkspaceFolders({ added: ['blog'] });
    const share = await client.waitForDiagnostics('blog/src/share.ts', (d) => d.length > 0);
    assert.deepEqual(
      share.map((d) => [d.code, d.range.start.line, d.message]),
      [['unknown-event', 1, "Event 'Post Shared' is not in the tracking plan."]],
    );
    await assertStatus(client, 'blog', blogStatus(client, 1, 1));
    // The blog's plan was published (its diagnostics: none), and shop's files were not published again.
    assert.deepEqual(
      client.publications.slice(published).map((p) => [path.relative(client.root, new URL(p.uri).pathname), p.diagnostics.length]).sort(),
      [['blog/src/share.ts', 1], ['blog/tracking-plan.yaml', 0]],
    );
    assert.deepEqual(await workspaceCoverageRoots(), ['shop', 'blog']);
    assert.deepEqual(await checkWorkspace(), { fileCount: 3, problemCount: 2 });
    assert.deepEqual(disposed, []);
  });

  test("a folder removed: its files' diagnostics are cleared, its worker disposed, its state forgotten", async () => {
    const published = client.publications.length;
    const statuses = client.statuses.length;
    client.changeWorkspaceFolders({ removed: ['blog'] });
    await client.waitForDiagnostics('blog/src/share.ts', (d) => d.length === 0);
    await client.waitFor('the blog worker to be disposed', () => disposed.length > 0 || undefined);
    assert.deepEqual(disposed, [client.path('blog')]);
    assert.deepEqual(
      client.publications.slice(published).map((p) => [path.relative(client.root, new URL(p.uri).pathname), p.diagnostics.length]),
      [['blog/src/share.ts', 0]],
    );
    assert.deepEqual(await workspaceCoverageRoots(), ['shop']);
    assert.deepEqual(await checkWorkspace(), shopOnly);
    // No status about the folder any more.
    assert.deepEqual(client.statuses.slice(statuses).filter((status) => status.folderUri === client.uri('blog')), []);
  });

  test("requests on the removed folder's files no longer answer from its state: its plan is read again, as for any file outside the workspace", async () => {
    // Edited while the folder is out of the workspace: no file watcher reports it.
    const planFile = client.path('blog/tracking-plan.yaml');
    writeFileSync(planFile, readFileSync(planFile, 'utf8').replace('  Post Read: {}\n', '  Post Read: {}\n  Post Shared: {}\n'));
    assert.deepEqual(await postSharedDefinition(), [['blog/tracking-plan.yaml', 4]]);
  });

  test('added again: checked anew against its plan as it is now, its status sent again', async () => {
    client.changeWorkspaceFolders({ added: ['blog'] });
    await assertStatus(client, 'blog', blogStatus(client, 2, 0));
    assert.deepEqual(await workspaceCoverageRoots(), ['shop', 'blog']);
    assert.deepEqual(client.diagnostics.get(client.uri('blog/src/share.ts'))?.diagnostics, []);
    assert.deepEqual(disposed, [client.path('blog')]);
    assert.deepEqual(client.errorLogs, []);
  });
});

describe('a workspace folder added and removed with pull diagnostics (VS Code)', () => {
  test("its closed files' diagnostics are pushed, its open files pulled again; removed, the closed ones are cleared", async () => {
    const client = await LspTestClient.start({ fixture: MULTI_ROOT, workspaceFolders: ['shop'], pullDiagnostics: true });
    try {
      writeFileSync(client.path('blog/src/share.ts'), `analytics.track('Post Shared');\n`);
      await assertStatus(client, 'shop', shopStatus(client, 1));
      const refreshes = client.refreshes.length;
      client.changeWorkspaceFolders({ added: ['blog'] });
      assert.deepEqual((await client.waitForDiagnostics('blog/src/share.ts', (d) => d.length > 0)).map((d) => d.code), ['unknown-event']);
      await assertStatus(client, 'blog', blogStatus(client, 1, 1));
      // The open documents may now belong to the new folder: the editor is asked to pull them again.
      assert.ok(client.refreshes.slice(refreshes).includes('workspace/diagnostic/refresh'));
      client.changeWorkspaceFolders({ removed: ['blog'] });
      await client.waitForDiagnostics('blog/src/share.ts', (d) => d.length === 0);
      assert.deepEqual(client.errorLogs, []);
    } finally {
      await client.stop();
    }
  });
});

describe('nested workspace folders: a file belongs to the innermost folder holding it', () => {
  const NESTED = path.join(fixtures, 'nested');
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture: NESTED, workspaceFolders: ['outer', 'outer/inner'] });
  });
  after(() => client.stop());

  const outerStatus = (problemCount: number): PlanStatus => ({
    folderUri: client.uri('outer'),
    state: 'ok',
    planFile: client.path('outer/tracking-plan.yaml'),
    planName: 'Outer',
    eventCount: 1,
    problemCount,
  });
  const innerStatus = (problemCount: number): PlanStatus => ({
    folderUri: client.uri('outer/inner'),
    state: 'ok',
    planFile: client.path('outer/inner/tracking-plan.yaml'),
    planName: 'Inner',
    eventCount: 1,
    problemCount,
  });
  const checkWorkspace = () => client.request<{ fileCount: number; problemCount: number }>('tracklint/checkWorkspace', null);
  const WIDGET = 'outer/inner/src/widget.ts';
  const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.range.start.line, d.message]);
  // Judged by the inner plan: only 'Widget Closed' is unknown ('Widget Opened' is the inner plan's own event).
  const INNER_FINDINGS = [['unknown-event', 2, "Event 'Widget Closed' is not in the tracking plan. Did you mean 'Widget Opened'?"]];
  /** Each folder's coverage: its planned and unplanned names with the files of their call sites (relative). */
  const coverageSummary = async () => {
    const files = (sites: { file: string }[]) => sites.map((site) => path.relative(client.root, site.file));
    const results = await client.request<CoverageResult[]>('tracklint/workspaceCoverage', null);
    return Object.fromEntries(
      results.map((result) => [
        path.relative(client.root, result.root),
        {
          planned: result.report?.planned.map((entry) => [entry.name, files(entry.sites)]),
          unplanned: result.report?.unplanned.map((entry) => [entry.name, files(entry.sites)]),
        },
      ]),
    );
  };
  /** What was published for the inner file from the publication `from` on, each publication summarised. */
  const widgetPublications = (from: number) => client.publications.slice(from).filter((p) => p.uri === client.uri(WIDGET)).map((p) => summary(p.diagnostics));

  test("the inner folder's closed file is judged by its own plan only, published by it only, and counted once", async () => {
    // outer/src/app.ts sends 'Widget Opened', which the outer plan lacks: one problem. The inner file's one problem is the inner folder's.
    await assertStatus(client, 'outer', outerStatus(1));
    await assertStatus(client, 'outer/inner', innerStatus(1));
    // Check Workspace waits for both folders' checks (run again): app.ts and widget.ts, each once.
    assert.deepEqual(await checkWorkspace(), { fileCount: 2, problemCount: 2 });
    assert.deepEqual(summary(client.diagnostics.get(client.uri(WIDGET))?.diagnostics ?? []), INNER_FINDINGS);
    // Never published with the outer plan's findings (which would also call 'Widget Opened' unknown).
    assert.deepEqual(
      widgetPublications(0).filter((published) => JSON.stringify(published) !== JSON.stringify(INNER_FINDINGS)),
      [],
    );
    assert.deepEqual(latestStatus(client, 'outer'), outerStatus(1));
    assert.deepEqual(latestStatus(client, 'outer/inner'), innerStatus(1));
  });

  test("each folder's coverage counts its own call sites only", async () => {
    assert.deepEqual(await coverageSummary(), {
      outer: { planned: [['Order Completed', ['outer/src/app.ts']]], unplanned: [['Widget Opened', ['outer/src/app.ts']]] },
      'outer/inner': { planned: [['Widget Opened', ['outer/inner/src/widget.ts']]], unplanned: [['Widget Closed', ['outer/inner/src/widget.ts']]] },
    });
  });

  test("the inner folder removed: the outer folder checks its files again, against the outer plan", async () => {
    client.changeWorkspaceFolders({ removed: ['outer/inner'] });
    const widget = await client.waitForDiagnostics(WIDGET, (d) => d.length === 2);
    assert.deepEqual(
      widget.map((d) => d.message).sort(),
      ["Event 'Widget Closed' is not in the tracking plan.", "Event 'Widget Opened' is not in the tracking plan."].sort(),
    );
    await assertStatus(client, 'outer', outerStatus(3));
    assert.deepEqual(await checkWorkspace(), { fileCount: 2, problemCount: 3 });
    assert.deepEqual(await coverageSummary(), {
      outer: {
        planned: [['Order Completed', ['outer/src/app.ts']]],
        unplanned: [['Widget Closed', ['outer/inner/src/widget.ts']], ['Widget Opened', ['outer/inner/src/widget.ts', 'outer/src/app.ts']]],
      },
    });
  });

  test('added again: the inner folder takes its files back at once, the outer folder no longer counts or publishes them', async () => {
    const published = client.publications.length;
    client.changeWorkspaceFolders({ added: ['outer/inner'] });
    await client.waitForDiagnostics(WIDGET, (d) => JSON.stringify(summary(d)) === JSON.stringify(INNER_FINDINGS));
    await assertStatus(client, 'outer/inner', innerStatus(1));
    await assertStatus(client, 'outer', outerStatus(1));
    assert.deepEqual(await checkWorkspace(), { fileCount: 2, problemCount: 2 });
    assert.deepEqual(widgetPublications(published).filter((p) => JSON.stringify(p) !== JSON.stringify(INNER_FINDINGS)), []);
    assert.deepEqual(summary(client.diagnostics.get(client.uri(WIDGET))?.diagnostics ?? []), INNER_FINDINGS);
    assert.deepEqual(await coverageSummary(), {
      outer: { planned: [['Order Completed', ['outer/src/app.ts']]], unplanned: [['Widget Opened', ['outer/src/app.ts']]] },
      'outer/inner': { planned: [['Widget Opened', ['outer/inner/src/widget.ts']]], unplanned: [['Widget Closed', ['outer/inner/src/widget.ts']]] },
    });
    assert.deepEqual(client.errorLogs, []);
  });
});
