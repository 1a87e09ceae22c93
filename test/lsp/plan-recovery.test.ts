import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CompletionList, Diagnostic, Hover } from 'vscode-languageserver-types';
import { LspTestClient } from '../helpers/lspClient';

/**
 * A plan edited in the editor goes through broken states: half-typed YAML, a reference to a definition
 * not written yet, a pattern being typed. Each gets its located invalid-plan diagnostic while the server
 * goes on checking, completing and hovering with the last good plan; fixing the plan restores everything.
 */

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const PLAN = 'tracking-plan.yaml';
const SOURCE = 'src/recovery.ts';
const METHOD = '      method: { type: string, enum: [email, google] }\n';
const SOURCE_TEXT = `analytics.track('Signed Up', { method: 'phone' });\nanalytics.track('Nope');\n`;

/** What the source gets from the fixture's plan: 'phone' is not an allowed method, 'Nope' is no event. */
const GOOD_PLAN_DIAGNOSTICS: [string | undefined, number, number, string][] = [
  ['property-value', 0, 39, `Property 'method' of event 'Signed Up' must be one of "email", "google"; found "phone".`],
  ['unknown-event', 1, 16, "Event 'Nope' is not in the tracking plan."],
];

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]);
const invalidPlan = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.code === 'invalid-plan').map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity, d.message]);

describe('a broken plan keeps the last good one in use', () => {
  let client: LspTestClient;
  let planText: string;
  let edits = 0;

  before(async () => {
    client = await LspTestClient.start({ fixture });
    planText = readFileSync(path.join(fixture, PLAN), 'utf8');
    assert.ok(planText.includes(METHOD));
    client.open(SOURCE, SOURCE_TEXT);
    assert.deepEqual(summary(await client.waitForDiagnostics(SOURCE)), GOOD_PLAN_DIAGNOSTICS);
    await client.waitForDiagnostics('src/closed.ts');
    client.open(PLAN, planText, 'yaml');
  });
  after(() => client.stop());

  /** Replaces the `method` schema in the open plan; resolves with the plan's invalid-plan diagnostics once published. */
  async function editPlan(method: string | undefined, expected: unknown[][]): Promise<void> {
    client.change(PLAN, method === undefined ? planText : planText.replace(METHOD, method));
    const diagnostics = await client.waitForDiagnostics(PLAN, (d) => JSON.stringify(invalidPlan(d)) === JSON.stringify(expected));
    assert.deepEqual(invalidPlan(diagnostics), expected);
  }

  /** Edits the source (so it is checked again now) and returns its new diagnostics. */
  async function recheckSource(text = SOURCE_TEXT): Promise<Diagnostic[]> {
    const version = client.change(SOURCE, `${text}// edit ${++edits}\n`);
    return client.waitForDiagnostics(SOURCE, (_d, v) => v === version);
  }

  /** The server still answers from the last good plan: diagnostics, closed files, completion, hover, status. */
  async function assertServedByLastGoodPlan(problems = 1): Promise<void> {
    assert.deepEqual(summary(await recheckSource()), GOOD_PLAN_DIAGNOSTICS);
    assert.deepEqual(summary(client.diagnostics.get(client.uri('src/closed.ts'))?.diagnostics ?? []), [
      ['unknown-event', 3, 18, "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"],
    ]);
    const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(SOURCE) }, position: { line: 1, character: 17 } });
    assert.deepEqual(completion.items.map((i) => i.label).sort(), ['Order Completed', 'Purchase Completed', 'Signed Up', 'Wishlist Shared']);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: client.uri(SOURCE) }, position: { line: 0, character: 20 } });
    assert.equal(
      (hover.contents as { value: string }).value,
      ['Event **Signed Up**', '', 'A visitor creates an account', '', '| Property | Type | Required | Allowed values |', '|---|---|---|---|', '| `method` | string | yes | `"email"`, `"google"` |'].join('\n'),
    );
    const status = await client.waitFor('an invalid-plan status', () => client.statuses.at(-1)?.state === 'invalid' ? client.statuses.at(-1) : undefined);
    assert.equal(status.eventCount, 4);
    assert.equal(status.message, `The tracking plan has ${problems} problem(s); checking with the last valid version.`);
  }

  test('malformed YAML', async () => {
    await editPlan('      method: { type: string, enum: [email, google }\n', [
      [18, 51, 18, 52, 1, 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ].'],
      [19, 4, 19, 5, 1, 'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }.'],
    ]);
    await assertServedByLastGoodPlan(2);
  });

  test('a $ref to a definition that does not exist', async () => {
    await editPlan('      method: { $ref: "#/definitions/method" }\n', [[18, 22, 18, 44, 1, "`$ref` '#/definitions/method' points to nothing in the plan."]]);
    await assertServedByLastGoodPlan();
  });

  test('an invalid pattern', async () => {
    await editPlan('      method: { type: string, pattern: "[a-" }\n', [[18, 39, 18, 44, 1, "Pattern '[a-' is not a valid regular expression: missing closing ]: `[a-`."]]);
    await assertServedByLastGoodPlan();
  });

  test('a pattern catastrophic for backtracking engines is a valid plan, evaluated in linear time', async () => {
    await editPlan('      method: { type: string, pattern: "(a+)+$" }\n', []);
    await client.waitFor('an ok status', () => client.statuses.at(-1)?.state === 'ok' || undefined);
    const long = 'a'.repeat(50_000) + '!';
    const start = performance.now();
    const diagnostics = await recheckSource(`${SOURCE_TEXT}analytics.track('Signed Up', { method: '${long}' });\n`);
    const elapsed = performance.now() - start;
    assert.deepEqual(summary(diagnostics), [
      ['property-value', 0, 39, `Property 'method' of event 'Signed Up' must match the pattern /(a+)+$/; found "phone".`],
      ['unknown-event', 1, 16, "Event 'Nope' is not in the tracking plan."],
      ['property-value', 2, 39, `Property 'method' of event 'Signed Up' must match the pattern /(a+)+$/; found "${long}".`],
    ]);
    assert.ok(elapsed < 10_000, `checked in ${elapsed.toFixed(0)} ms`);
  });

  test('fixing the plan restores everything', async () => {
    await editPlan(undefined, []);
    const status = await client.waitFor('an ok status', () => (client.statuses.at(-1)?.state === 'ok' ? client.statuses.at(-1) : undefined));
    assert.equal(status?.eventCount, 4);
    assert.equal(status?.message, undefined);
    assert.deepEqual(summary(await recheckSource()), GOOD_PLAN_DIAGNOSTICS);
  });
});
