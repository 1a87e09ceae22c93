// The plan opened, edited back or closed with the text the server already has (the file on disk) changes nothing:
// no revalidation of the open documents, no check of the closed files, no refresh; the plan's own diagnostics are
// published (push) as always.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { LspTestClient } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const PLAN = 'tracking-plan.yaml';
const SOURCE = 'src/open.ts';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many checks of the closed files (with progress) have begun. */
const workspaceChecks = (client: LspTestClient) =>
  [...client.progress.values()].filter((values) => values.some((v) => v.kind === 'begin' && v.message === 'Checking the workspace')).length;

const summary = (diagnostics: Diagnostic[] | undefined) => diagnostics?.map((d) => [d.code, d.range.start.line, d.range.start.character]);

describe('push: the plan with the text the server has is no plan change', () => {
  let client: LspTestClient;
  let diskText: string;
  before(async () => {
    client = await LspTestClient.start({ fixture });
    diskText = readFileSync(client.path(PLAN), 'utf8');
    client.open(SOURCE, `analytics.track('Nope');\n`);
    await client.waitForDiagnostics(SOURCE, (d) => d.length > 0);
    await client.waitForChecksToEnd();
    await client.waitForDiagnostics(PLAN, (d) => d.some((x) => x.code === 'unused-event'));
  });
  after(() => client.stop());

  /** Runs `action`, waits for the plan's publication it brings, then asserts that it was the only effect. */
  async function assertNoPlanChange(action: () => void): Promise<void> {
    const checks = workspaceChecks(client);
    const refreshes = client.refreshes.length;
    const publications = client.publications.length;
    action();
    await client.waitFor("the plan's diagnostics", () => client.publications.slice(publications).some((p) => p.uri === client.uri(PLAN)) || undefined);
    await sleep(300);
    assert.deepEqual(
      client.publications.slice(publications).map((p) => [path.relative(client.root, URI.parse(p.uri).fsPath), summary(p.diagnostics)]),
      [[PLAN, [['unused-event', 23, 2]]]],
      'the plan, with its unused-event hint, and nothing else',
    );
    assert.equal(workspaceChecks(client), checks, 'no check of the closed files');
    assert.deepEqual(client.refreshes.slice(refreshes), [], 'no code lens refresh');
  }

  test('opening the plan with its text on disk', () => assertNoPlanChange(() => client.open(PLAN, diskText, 'yaml')));

  test('an edit that gives back the same text', () => assertNoPlanChange(() => client.change(PLAN, diskText)));

  test('closing the plan unchanged (the disk has its text)', () => assertNoPlanChange(() => client.close(PLAN)));

  test('a real change is one: the open document is validated again and the closed files checked', async () => {
    const checks = workspaceChecks(client);
    const publications = client.publications.length;
    client.open(PLAN, diskText.replace('  Wishlist Shared: {}', '  Nope: {}\n  Wishlist Shared: {}'), 'yaml');
    assert.deepEqual(await client.waitForDiagnostics(SOURCE, (d) => d.length === 0), []);
    await client.waitFor('a check of the closed files', () => workspaceChecks(client) > checks || undefined);
    assert.ok(client.publications.slice(publications).some((p) => p.uri === client.uri(SOURCE)));
  });
});

describe('pull: the plan opened with the text the server has asks for no pull', () => {
  test('no workspace/diagnostic/refresh, no check of the closed files', async () => {
    const client = await LspTestClient.start({ fixture, pullDiagnostics: true });
    try {
      await client.waitForChecksToEnd();
      const checks = workspaceChecks(client);
      const statuses = client.statuses.length;
      const refreshes = client.refreshes.length;
      client.open(PLAN, readFileSync(client.path(PLAN), 'utf8'), 'yaml');
      await client.waitFor('the status after the plan load', () => client.statuses.length > statuses || undefined);
      await sleep(300);
      assert.deepEqual(client.refreshes.slice(refreshes), []);
      assert.equal(workspaceChecks(client), checks);
    } finally {
      await client.stop();
    }
  });
});
