import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');

describe('quick fixes', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  /**
   * Opens the code, waits until its diagnostics satisfy `ready`, and returns the code actions for those
   * `relevant` keeps (all by default), asked at the first of them as an editor does.
   */
  async function actionsAt(code: string, ready: (d: Diagnostic[]) => boolean, relevant: (d: Diagnostic) => boolean = () => true) {
    const file = `src/fix-${n++}.ts`;
    client.open(file, code);
    const diagnostics = (await client.waitForDiagnostics(file, ready)).filter(relevant);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(file) },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    return { file, text: code, diagnostics, actions };
  }

  /** The code actions for the diagnostics of `rule` in the code. */
  const actionsFor = (code: string, rule: string) => actionsAt(code, (d) => d.some((x) => x.code === rule), (d) => d.code === rule);

  const titles = (actions: CodeAction[]) => actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);

  /** The text of `file` after applying the action's edits to it. */
  function applied(client: LspTestClient, action: CodeAction, file: string, text: string): string {
    return applyEdits(text, action.edit?.changes?.[client.uri(file)] ?? []);
  }

  test("unknown event: the nearest planned names, the first preferred; add to plan; disable", async () => {
    const { file, text, actions } = await actionsFor(`analytics.track('purchase_completed');\n`, 'unknown-event');
    assert.deepEqual(titles(actions), [
      "Change to 'Order Completed' (preferred)",
      "Change to 'Purchase Completed'",
      "Add event 'purchase_completed' to the tracking plan",
      'Disable unknown-event for this line',
    ]);
    assert.equal(applied(client, actions[0], file, text), `analytics.track('Order Completed');\n`);
    assert.equal(applied(client, actions[3], file, text), `// tracklint-disable-next-line unknown-event\nanalytics.track('purchase_completed');\n`);
  });

  test('an off-plan, miscased name: the casing fix gives way to the planned names', async () => {
    const { actions } = await actionsAt(`analytics.track('purchase_completed');\n`, (d) => d.length === 2);
    assert.deepEqual(titles(actions), [
      "Change to 'Order Completed' (preferred)",
      "Change to 'Purchase Completed'",
      "Add event 'purchase_completed' to the tracking plan",
      'Disable unknown-event for this line',
    ]);
  });

  test('the "purchase_completed" story: one quick fix restores the planned name', async () => {
    const { file, text, actions } = await actionsFor(`  analytics.track('signed_up', { method: 'email' });\n`, 'unknown-event');
    assert.equal(applied(client, actions[0], file, text), `  analytics.track('Signed Up', { method: 'email' });\n`);
  });

  test("a spelling of a planned name: the rename to it (preferred), and no offer to add it beside it (the plan's name collision)", async () => {
    const { file, text, actions } = await actionsFor(`analytics.track('signed_up', { method: 'email' });\n`, 'unknown-event');
    assert.deepEqual(titles(actions), ["Change to 'Signed Up' (preferred)", 'Disable unknown-event for this line']);
    assert.equal(applied(client, actions[0], file, text), `analytics.track('Signed Up', { method: 'email' });\n`);
    // A page is judged against the plan's pages: 'home' is a spelling of the page 'Home'.
    const page = await actionsFor(`analytics.page('home');\n`, 'unknown-event');
    assert.deepEqual(titles(page.actions), ["Change to 'Home' (preferred)", 'Disable unknown-event for this line']);
  });

  test('an event name from a constant is fixed at the constant', async () => {
    const code = `import { EVENTS } from './events';\nanalytics.track(EVENTS.ORDER, { order_id: 'o', total: 1, currency: 'USD' });\n`;
    const { actions } = await actionsFor(code, 'unknown-event');
    const eventsUri = client.uri('src/events.ts');
    assert.deepEqual(Object.keys(actions[0].edit?.changes ?? {}), [eventsUri]);
    const eventsText = readFileSync(client.path('src/events.ts'), 'utf8');
    assert.equal(applyEdits(eventsText, actions[0].edit!.changes![eventsUri]), eventsText.replace(`'Order Complete'`, `'Order Completed'`));
  });

  test('casing: the plan’s spelling', async () => {
    const { file, text, actions } = await actionsFor(`analytics.track('order completed', { order_id: 'o', total: 1, currency: 'USD' });\n`, 'event-name-casing');
    assert.equal(titles(actions)[0], "Change to 'Order Completed' (preferred)");
    assert.equal(applied(client, actions[0], file, text), `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });\n`);
  });

  test('deprecated event: its replacement', async () => {
    const { file, text, actions } = await actionsFor(`analytics.track("Purchase Completed", { order_id: 'o', total: 1, currency: 'USD' });\n`, 'deprecated-event');
    assert.equal(applied(client, actions[0], file, text), `analytics.track("Order Completed", { order_id: 'o', total: 1, currency: 'USD' });\n`);
  });

  test('missing required property: added with a placeholder of its type', async () => {
    const { file, text, actions } = await actionsFor(`analytics.track('Order Completed', { order_id: 'o', total: 1 });\n`, 'missing-required-property');
    assert.equal(titles(actions)[0], "Add property 'currency' (preferred)");
    assert.equal(applied(client, actions[0], file, text), `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });\n`);
  });

  test('several missing required properties: one fix adds them all (preferred), then one per key; one disable for the line', async () => {
    const code = `analytics.track('Order Completed', { order_id: 'o' });\n`;
    const { file, diagnostics, actions } = await actionsAt(code, (d) => d.length === 2);
    assert.deepEqual(titles(actions), [
      "Add properties 'total', 'currency' (preferred)",
      "Add property 'total'",
      "Add property 'currency'",
      'Disable missing-required-property for this line',
    ]);
    assert.equal(applied(client, actions[0], file, code), `analytics.track('Order Completed', { order_id: 'o', total: 0, currency: 'USD' });\n`);
    assert.deepEqual(actions[0].diagnostics, diagnostics, 'tied to every diagnostic it fixes');
    assert.deepEqual(actions[3].diagnostics, diagnostics);
    // Asked for one of the diagnostics only (a Problems entry's fixes), the same fix adds every missing key.
    const one = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: diagnostics[1].range, context: { diagnostics: [diagnostics[1]] } });
    assert.deepEqual(titles(one), ["Add properties 'total', 'currency' (preferred)", "Add property 'currency'", 'Disable missing-required-property for this line']);
  });

  test('a call without its properties argument: the fix adds the object with every required property', async () => {
    const { file, text, actions } = await actionsFor(`analytics.track('Order Completed');\n`, 'missing-required-property');
    assert.equal(titles(actions)[0], "Add properties 'order_id', 'total', 'currency' (preferred)");
    assert.equal(applied(client, actions[0], file, text), `analytics.track('Order Completed', { order_id: '', total: 0, currency: 'USD' });\n`);
  });

  test('missing required properties in a multi-line object keep its layout', async () => {
    const code = `analytics.track('Order Completed', {\n  order_id: 'o',\n  currency: 'EUR',\n});\n`;
    const { file, actions } = await actionsFor(code, 'missing-required-property');
    assert.equal(applied(client, actions[0], file, code), `analytics.track('Order Completed', {\n  order_id: 'o',\n  currency: 'EUR',\n  total: 0,\n});\n`);
  });

  test('missing properties argument: a new object after the name', async () => {
    const { file, text, actions } = await actionsFor(`analytics.track('Signed Up');\n`, 'missing-required-property');
    assert.equal(applied(client, actions[0], file, text), `analytics.track('Signed Up', { method: 'email' });\n`);
  });

  test('unknown property: the nearest planned key, or remove it', async () => {
    const code = `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD', cupon: 'X' });\n`;
    const { file, actions } = await actionsFor(code, 'unknown-property');
    assert.deepEqual(titles(actions), ["Change to 'coupon' (preferred)", "Remove property 'cupon'", 'Disable unknown-property for this line']);
    assert.equal(applied(client, actions[0], file, code), code.replace('cupon:', 'coupon:'));
    assert.equal(applied(client, actions[1], file, code), `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });\n`);
  });

  test('removing the first of several properties keeps the object well-formed', async () => {
    const code = `analytics.track('Order Completed', { extra: 1, order_id: 'o', total: 1, currency: 'USD' });\n`;
    const { file, actions } = await actionsFor(code, 'unknown-property');
    const remove = actions.find((a) => a.title === "Remove property 'extra'")!;
    assert.equal(applied(client, remove, file, code), `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });\n`);
  });

  test('property casing: a shorthand keeps its variable', async () => {
    const code = `const orderId = 'o';\nanalytics.track('Order Completed', { orderId, order_id: orderId, total: 1, currency: 'USD' });\n`;
    const { file, actions } = await actionsFor(code, 'property-name-casing');
    assert.equal(applied(client, actions[0], file, code), code.replace('{ orderId,', '{ order_id: orderId,'));
  });

  test('property value: the nearest allowed value', async () => {
    const code = `analytics.track('Signed Up', { method: 'Email' });\n`;
    const { file, actions } = await actionsFor(code, 'property-value');
    assert.equal(applied(client, actions[0], file, code), `analytics.track('Signed Up', { method: 'email' });\n`);
  });

  test('add to plan: a YAML edit that keeps comments and layout, with inferred property types', async () => {
    const { actions } = await actionsFor(`analytics.track('Cart Viewed', { cart_id: 'c1', items: 3, gift: true });\n`, 'unknown-event');
    const add = actions.find((a) => a.title === "Add event 'Cart Viewed' to the tracking plan")!;
    const planUri = client.uri('tracking-plan.yaml');
    const planText = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    const after = applyEdits(planText, add.edit!.changes![planUri]);
    assert.equal(
      after,
      planText.replace(
        '  Wishlist Shared: {} # nobody sends this one\n',
        '  Wishlist Shared: {} # nobody sends this one\n  Cart Viewed:\n    properties:\n      cart_id: { type: string }\n      items: { type: integer }\n      gift: { type: boolean }\n    required: [cart_id, items, gift]\n',
      ),
    );
  });

  test('fix all: every preferred single-file fix at once', async () => {
    const code = `analytics.track('order completed', { order_id: 'o', total: 1, currency: 'USD' });\nanalytics.track('Purchase Completed', { order_id: 'o', total: 1, currency: 'USD' });\n`;
    const file = `src/fix-${n++}.ts`;
    client.open(file, code);
    await client.waitForDiagnostics(file, (d) => d.length >= 2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] as Diagnostic[], only: ['source.fixAll'] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all auto-fixable tracklint problems', 'source.fixAll.tracklint']]);
    assert.equal(applyEdits(code, actions[0].edit!.changes![client.uri(file)]), code.replace(`'order completed'`, `'Order Completed'`).replace(`'Purchase Completed'`, `'Order Completed'`));
  });
});
