import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, CompletionList, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits, cursor } from '../helpers/lspClient';

/**
 * The editor features at calls of the team's own wrappers, which nothing declares: the fixture's
 * trackEvent and trackWeb (which adds `web.`), re-exported from src/analytics, and a hook's track.
 */
const fixture = path.resolve(__dirname, '../fixtures/workspaces/wrappers');
const IMPORTS = `import { trackEvent, trackWeb } from './analytics';\n`;

describe('wrappers in the editor', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
    // Every file read and checked: the plan's unused-event hint is published last.
    await client.waitForDiagnostics('tracking-plan.yaml', (d) => d.some((x) => x.code === 'unused-event'));
  });
  after(() => client.stop());

  const open = (code: string) => {
    const file = `src/w-${n++}.ts`;
    client.open(file, code);
    return file;
  };
  const range = (line: number, character: number, endCharacter: number) => ({ start: { line, character }, end: { line, character: endCharacter } });

  test('closed files: calls through a wrapper are judged, the forwarding calls inside the wrappers are not', async () => {
    const diagnostics = await client.waitForDiagnostics('src/pages/checkout.ts');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [['unknown-event', range(3, 13, 29), "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"]],
    );
    const chained = await client.waitForDiagnostics('src/pages/steps.ts');
    assert.deepEqual(
      chained.map((d) => [d.code, d.range, d.message]),
      [['unknown-event', range(3, 16, 26), "Event 'Checkout Complete' is not in the tracking plan. Did you mean 'Checkout Completed'?"]],
    );
    assert.equal(client.diagnostics.get(client.uri('src/analytics/track.ts')), undefined);
    assert.equal(client.diagnostics.get(client.uri('src/analytics/steps.ts')), undefined);
    assert.equal(client.diagnostics.get(client.uri('src/hooks.ts')), undefined);
    assert.equal(client.diagnostics.get(client.uri('src/pages/signup.ts')), undefined);
  });

  test('an open file: the prefix the wrapper adds is part of the name judged', async () => {
    const file = open(`${IMPORTS}trackWeb('Checkout Start');\ntrackEvent('Signed Up', { method: 'sso' });\n`);
    const diagnostics = await client.waitForDiagnostics(file, (d) => d.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [
        ['unknown-event', range(1, 9, 25), "Event 'web.Checkout Start' is not in the tracking plan. Did you mean 'web.Checkout Started'?"],
        ['property-value', range(2, 34, 39), 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
      ],
    );
  });

  async function complete(source: string): Promise<{ text: string; items: CompletionItem[] }> {
    const { text, position } = cursor(source);
    const file = open(text);
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position });
    return { text, items: list?.items ?? [] };
  }

  test('completion: plan events at a wrapper call, without the prefix the wrapper adds', async () => {
    const plain = await complete(`${IMPORTS}trackEvent('|', {});`);
    assert.deepEqual(plain.items.map((i) => i.label).sort(), ['Checkout Completed', 'Order Completed', 'Signed Up', 'web.Checkout Started']);
    const prefixed = await complete(`${IMPORTS}trackWeb('Check|');`);
    assert.deepEqual(prefixed.items.map((i) => i.label), ['Checkout Started']);
    assert.equal(applyEdits(prefixed.text, [prefixed.items[0].textEdit as never]), `${IMPORTS}trackWeb('Checkout Started');`);
  });

  test('completion: property keys and values at a wrapper call', async () => {
    const keys = await complete(`${IMPORTS}trackEvent('Order Completed', { order_id: 'o1', | });`);
    assert.deepEqual(keys.items.map((i) => i.label), ['total', 'currency']);
    const values = await complete(`${IMPORTS}trackEvent('Signed Up', { method: '|' });`);
    assert.deepEqual(values.items.map((i) => i.label), ['email', 'google']);
  });

  test('completion: at a call of a hook-returned wrapper', async () => {
    const { items } = await complete(`import { useTracking } from './hooks';\nconst { track } = useTracking();\ntrack('Signed Up', { | });`);
    assert.deepEqual(items.map((i) => i.label), ['method']);
  });

  /** Wrapper shapes defined in the open file itself: a redux action taking { key, properties }, a service taking a user id between name and properties, a wrapper without properties, a wrapper adding the currency, and a hook returning its tracker. */
  const SHAPES = [
    `export const trackEvent = ({ key, properties }: { key: string; properties?: Record<string, unknown> }) => (dispatch: (action: unknown) => void) => {`,
    `  analytics.track(key, properties);`,
    `  dispatch({ type: 'tracked' });`,
    `};`,
    `export class AnalyticsService {`,
    `  track(name: string, userId: string, props?: Record<string, unknown>) {`,
    `    analytics.track(name, { ...props, user_id: userId });`,
    `  }`,
    `}`,
    `export function shout(name: string) {`,
    `  analytics.track(name);`,
    `}`,
    `export function trackOrder(name: string, properties?: Record<string, unknown>) {`,
    `  analytics.track(name, { ...properties, currency: 'USD' });`,
    `}`,
    `export function useTrack() {`,
    `  return (event: string, properties?: Record<string, unknown>) => analytics.track(event, properties);`,
    `}`,
    `declare const dispatch: (action: unknown) => void;`,
    `declare const service: AnalyticsService;`,
    `const track = useTrack();`,
    ``,
  ].join('\n');

  test('completion of a name at wrapper calls: required properties follow only where the wrapper takes them next, without those it adds', async () => {
    const completed = async (call: string, label = 'Order Completed') => {
      const { text, items } = await complete(`${SHAPES}${call}`);
      const item = items.find((i) => i.label === label);
      assert.ok(item, `${label} offered at ${call}`);
      return applyEdits(text, [item.textEdit as never]).slice(SHAPES.length);
    };
    // The name is a field of the action's object argument: its properties are another field, not an argument.
    assert.equal(await completed(`dispatch(trackEvent({ key: '|' }));`), `dispatch(trackEvent({ key: 'Order Completed' }));`);
    // The argument after the name is the user id.
    assert.equal(await completed(`service.track('|', 'u1');`), `service.track('Order Completed', 'u1');`);
    assert.equal(await completed(`shout('|');`), `shout('Order Completed');`);
    assert.equal(await completed(`trackOrder('|');`), `trackOrder('Order Completed', { order_id: '\${1}', total: \${2:0} });`);
    assert.equal(await completed(`track('|');`), `track('Order Completed', { order_id: '\${1}', total: \${2:0}, currency: \${3|'USD','EUR'|} });`);
    const keys = await complete(`${SHAPES}trackOrder('Order Completed', { | });`);
    assert.deepEqual(keys.items.map((i) => i.label), ['order_id', 'total']);
  });

  test('at a redux action and a service method: diagnostics, quick fix, hover and definition as at a direct call', async () => {
    const code = `${SHAPES}dispatch(trackEvent({ key: 'Order Complete', properties: { order_id: 'o1', total: 1, currency: 'USD' } }));\nservice.track('Signed Up', 'u1', { method: 'sso' });\n`;
    const line = SHAPES.split('\n').length - 1;
    const file = open(code);
    const diagnostics = await client.waitForDiagnostics(file, (d) => d.length === 2);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [
        ['unknown-event', range(line, 27, 43), "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"],
        ['property-value', range(line + 1, 43, 48), 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
      ],
    );
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
    assert.equal(actions[0].title, "Change to 'Order Completed'");
    assert.ok(applyEdits(code, actions[0].edit!.changes![client.uri(file)]).includes(`dispatch(trackEvent({ key: 'Order Completed', properties:`));
    const position = { line: line + 1, character: 20 };
    const hovered = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position });
    const value = (hovered?.contents as { value: string }).value;
    assert.match(value, /^Event \*\*Signed Up\*\*/);
    assert.ok(value.endsWith(`Sent through the wrapper \`AnalyticsService.track\` (${file}:6), inferred: it calls \`analytics.track\`.`), value);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri(file) }, position });
    assert.deepEqual(locations, [{ uri: client.uri('tracking-plan.yaml'), range: range(12, 2, 11) }]);
  });

  async function hover(source: string): Promise<Hover | null> {
    const { text, position } = cursor(source);
    const file = open(text);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position });
  }

  test('hover on a name at a wrapper call: the plan entry, then which wrapper and which call it maps to', async () => {
    const plain = await hover(`${IMPORTS}trackEvent('Signed| Up', { method: 'email' });`);
    const value = (plain?.contents as { value: string }).value;
    assert.match(value, /^Event \*\*Signed Up\*\*/);
    assert.ok(value.endsWith('\n\n---\n\nSent through the wrapper `trackEvent` (src/analytics/track.ts:1), inferred: it calls `analytics.track`.'), value);
    assert.deepEqual(plain?.range, range(1, 11, 22));
    const chained = await hover(`import { trackCheckout } from './analytics/steps';\ntrackCheckout('Comp|leted');`);
    assert.ok(
      (chained?.contents as { value: string }).value.endsWith('Sent through the wrapper `trackCheckout` (src/analytics/steps.ts:3), inferred: it calls `trackEvent` → `analytics.track`, which adds the prefix `Checkout `.'),
    );
    const prefixed = await hover(`${IMPORTS}trackWeb('Checkout |Started');`);
    assert.ok((prefixed?.contents as { value: string }).value.startsWith('Event **web.Checkout Started**'));
    assert.ok((prefixed?.contents as { value: string }).value.endsWith('Sent through the wrapper `trackWeb` (src/analytics/track.ts:5), inferred: it calls `analytics.track`, which adds the prefix `web.`.'));
  });

  async function actionsFor(code: string, rule: string): Promise<{ file: string; actions: CodeAction[] }> {
    const file = open(code);
    const diagnostics = (await client.waitForDiagnostics(file, (d) => d.some((x) => x.code === rule))).filter((d) => d.code === rule);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: diagnostics[0].range, context: { diagnostics } });
    return { file, actions };
  }

  test('quick fixes at a wrapper call: rename to the nearest planned name, as the call site writes it', async () => {
    const code = `${IMPORTS}trackWeb('Checkout Start');\n`;
    const { file, actions } = await actionsFor(code, 'unknown-event');
    assert.deepEqual(
      actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`),
      ["Change to 'Checkout Started' (preferred)", "Add event 'web.Checkout Start' to the tracking plan", 'Disable unknown-event for this line'],
    );
    assert.equal(applyEdits(code, actions[0].edit!.changes![client.uri(file)]), `${IMPORTS}trackWeb('Checkout Started');\n`);
  });

  test('quick fixes at a wrapper call: add the missing required properties', async () => {
    const code = `${IMPORTS}trackEvent('Order Completed', { order_id: 'o1' });\n`;
    const { file, actions } = await actionsFor(code, 'missing-required-property');
    const add = actions.find((a) => a.title === "Add property 'total'")!;
    assert.equal(applyEdits(code, add.edit!.changes![client.uri(file)]), `${IMPORTS}trackEvent('Order Completed', { order_id: 'o1', total: 0 });\n`);
  });

  test('go to definition from a name at a wrapper call', async () => {
    const { text, position } = cursor(`${IMPORTS}trackEvent('Signed |Up', { method: 'email' });`);
    const file = open(text);
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri(file) }, position });
    assert.deepEqual(locations, [{ uri: client.uri('tracking-plan.yaml'), range: range(12, 2, 11) }]);
  });

  test('definition and references from a name at a prefixing wrapper call: the prefixed plan entry and its call sites', async () => {
    const file = open(`${IMPORTS}trackWeb('Checkout Started');\n`);
    await client.waitForDiagnostics(file);
    const position = { line: 1, character: 12 };
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri(file) }, position });
    assert.deepEqual(definition, [{ uri: client.uri('tracking-plan.yaml'), range: range(17, 2, 22) }]);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: client.uri(file) }, position, context: { includeDeclaration: true } });
    assert.deepEqual(references.slice(0, 1), definition);
    assert.ok(references.some((l) => l.uri === client.uri(file) && l.range.start.line === 1 && l.range.start.character === 9), JSON.stringify(references));
  });

  test('find references from the plan: call sites through wrappers and hooks', async () => {
    const locations = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: client.uri('tracking-plan.yaml') },
      position: { line: 12, character: 4 },
      context: { includeDeclaration: false },
    });
    const closed = locations.filter((l) => !path.basename(l.uri).startsWith('w-'));
    assert.deepEqual(closed, [{ uri: client.uri('src/pages/signup.ts'), range: range(4, 8, 19) }]);
  });

  test("a typed wrapper's own forwarding call is no call site: references and code lenses count its callers", async () => {
    // The parameter's type allows 'Checkout Completed', but this file only sends 'Signed Up'.
    const file = open(`export function typed(name: 'Checkout Completed' | 'Signed Up') {\n  analytics.track(name);\n}\ntyped('Signed Up');\n`);
    await client.waitForDiagnostics(file);
    const inFile = async (line: number) => {
      const locations = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: client.uri('tracking-plan.yaml') },
        position: { line, character: 4 },
        context: { includeDeclaration: false },
      });
      return { count: locations.length, here: locations.filter((l) => l.uri === client.uri(file)).map((l) => l.range) };
    };
    const checkoutCompleted = await inFile(19);
    assert.deepEqual(checkoutCompleted.here, []);
    assert.deepEqual((await inFile(12)).here, [range(3, 6, 17)]);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('tracking-plan.yaml') } });
    assert.equal(lenses.find((l) => l.range.start.line === 19)?.command?.title, `${checkoutCompleted.count} call site${checkoutCompleted.count === 1 ? '' : 's'}`);
  });

  test('rename from the plan through a prefixing wrapper: the literal and the constant at its calls, without the prefix', async () => {
    const file = open(`import { trackWeb } from './analytics';\nconst STEP = 'Checkout Started';\ntrackWeb(STEP);\ntrackWeb("Checkout Started");\n`);
    await client.waitForDiagnostics(file);
    const edit = await client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: client.uri('tracking-plan.yaml') }, position: { line: 17, character: 4 }, newName: 'web.Checkout Begun' });
    assert.deepEqual(edit?.changes?.[client.uri(file)], [
      { range: range(1, 13, 31), newText: "'Checkout Begun'" },
      { range: range(3, 9, 27), newText: '"Checkout Begun"' },
    ]);
    assert.deepEqual(edit?.changes?.[client.uri('tracking-plan.yaml')], [{ range: range(17, 2, 22), newText: 'web.Checkout Begun' }]);
  });

  test('code lens on the plan counts calls through wrappers, as references finds them', async () => {
    const references = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: client.uri('tracking-plan.yaml') },
      position: { line: 12, character: 4 },
      context: { includeDeclaration: false },
    });
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: client.uri('tracking-plan.yaml') } });
    assert.ok(references.length >= 2);
    assert.equal(lenses.find((l) => l.range.start.line === 12)?.command?.title, `${references.length} call sites`);
  });

  test('editing a wrapper validates its call sites again, closed files included', async () => {
    const wrapperFile = 'src/analytics/track.ts';
    const original = readFileSync(client.path(wrapperFile), 'utf8');
    client.open(wrapperFile, original);
    // The name is no longer passed unchanged: trackEvent stops being a wrapper.
    const broken = original.replace('analytics.track(name,', 'analytics.track(name.trim(),');
    client.change(wrapperFile, broken);
    assert.deepEqual(await client.waitForDiagnostics('src/pages/checkout.ts', (d) => d.length === 0), []);
    // trackCheckout leads through trackEvent: its call sites are validated again too.
    assert.deepEqual(await client.waitForDiagnostics('src/pages/steps.ts', (d) => d.length === 0), []);
    const inWrapper = await client.waitForDiagnostics(wrapperFile, (d) => d.length > 0);
    assert.deepEqual(inWrapper.map((d) => [d.code, d.range]), [['dynamic-event-name', range(1, 18, 29)]]);
    client.change(wrapperFile, original);
    const again = await client.waitForDiagnostics('src/pages/checkout.ts', (d) => d.length > 0);
    assert.deepEqual(again.map((d) => d.code), ['unknown-event']);
    assert.deepEqual((await client.waitForDiagnostics('src/pages/steps.ts', (d) => d.length > 0)).map((d) => d.code), ['unknown-event']);
  });
});
