import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, Hover } from 'vscode-languageserver-types';
import { LspTestClient, applyEdits, cursor } from '../helpers/lspClient';

/** A workspace whose plan declares destinations (one event with an allow-list) and a snake_case property convention. */
const fixture = path.resolve(__dirname, '../fixtures/workspaces/destinations');

describe('best-practice rules in the editor', () => {
  let client: LspTestClient;
  let n = 0;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  async function actionsFor(code: string, rule: string): Promise<{ file: string; actions: CodeAction[] }> {
    const file = `src/fix-${n++}.ts`;
    client.open(file, code);
    const diagnostics = await client.waitForDiagnostics(file, (d) => d.some((x) => x.code === rule));
    const relevant = diagnostics.filter((d) => d.code === rule).slice(0, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(file) }, range: relevant[0].range, context: { diagnostics: relevant } });
    return { file, actions };
  }
  const titles = (actions: CodeAction[]) => actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`);
  const applied = (action: CodeAction, file: string, text: string) => applyEdits(text, action.edit?.changes?.[client.uri(file)] ?? []);

  describe('event-name-contains-value: move the value to a property', () => {
    test('into an existing properties object, as shorthand', async () => {
      const code = 'declare const title: string;\nanalytics.track(`Read Blog Post - ${title}`, { a: 1 });\n';
      const { file, actions } = await actionsFor(code, 'event-name-contains-value');
      assert.deepEqual(titles(actions), ["Name the event 'Read Blog Post' and send the value as property 'title' (preferred)", 'Disable event-name-contains-value for this line']);
      assert.equal(applied(actions[0], file, code), "declare const title: string;\nanalytics.track('Read Blog Post', { a: 1, title });\n");
    });

    test('as a new properties argument, with the key in the plan’s convention', async () => {
      const code = "declare const post: { postTitle: string };\nanalytics.track('Read Blog Post: ' + post.postTitle);\n";
      const { file, actions } = await actionsFor(code, 'event-name-contains-value');
      assert.equal(applied(actions[0], file, code), "declare const post: { postTitle: string };\nanalytics.track('Read Blog Post', { post_title: post.postTitle });\n");
    });

    test('into a multi-line object, keeping its layout', async () => {
      const code = 'declare const title: string;\nanalytics.track(`Read Blog Post - ${title}`, {\n  a: 1,\n});\n';
      const { file, actions } = await actionsFor(code, 'event-name-contains-value');
      assert.equal(applied(actions[0], file, code), "declare const title: string;\nanalytics.track('Read Blog Post', {\n  a: 1,\n  title,\n});\n");
    });

    test('no fix with two varying parts, or when the key is already sent', async () => {
      const two = await actionsFor('declare const a: string;\ndeclare const b: string;\nanalytics.track(`Read ${a} Post ${b}`);\n', 'event-name-contains-value');
      assert.deepEqual(titles(two.actions), ['Disable event-name-contains-value for this line']);
      const taken = await actionsFor('declare const title: string;\nanalytics.track(`Read Blog Post - ${title}`, { title: "x" });\n', 'event-name-contains-value');
      assert.deepEqual(titles(taken.actions), ['Disable event-name-contains-value for this line']);
    });
  });

  test('unknown-destination: change to the declared name', async () => {
    const code = "analytics.track('Read Blog Post', {}, { integrations: { MixPanel: false, 'Google Analytic': true } });\n";
    const { file, actions } = await actionsFor(code, 'unknown-destination');
    assert.deepEqual(titles(actions), ["Change to 'Mixpanel' (preferred)", 'Disable unknown-destination for this line']);
    assert.equal(applied(actions[0], file, code), "analytics.track('Read Blog Post', {}, { integrations: { Mixpanel: false, 'Google Analytic': true } });\n");
  });

  async function complete(source: string): Promise<CompletionList | null> {
    const { text, position } = cursor(source);
    const file = `src/complete-${n++}.ts`;
    client.open(file, text);
    return client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: client.uri(file) }, position });
  }

  describe('completion inside integrations: { }', () => {
    test('the declared destinations not yet written, then All', async () => {
      const list = await complete("analytics.track('Signed Up', {}, { integrations: { Mixpanel: false, | } });");
      assert.deepEqual(list, {
        isIncomplete: false,
        items: [
          { label: 'Google Analytics', kind: 9, detail: "destination (the plan does not send 'Signed Up' there)", sortText: '0000', filterText: "'Google Analytics'", insertTextFormat: 2, textEdit: { range: { start: { line: 0, character: 68 }, end: { line: 0, character: 68 } }, newText: "'Google Analytics': ${1|false,true|}" } },
          { label: 'Amplitude', kind: 9, detail: "destination (the plan does not send 'Signed Up' there)", sortText: '0001', filterText: 'Amplitude', insertTextFormat: 2, textEdit: { range: { start: { line: 0, character: 68 }, end: { line: 0, character: 68 } }, newText: 'Amplitude: ${1|false,true|}' } },
          { label: 'All', kind: 9, detail: 'every destination', sortText: '1', filterText: 'All', insertTextFormat: 2, textEdit: { range: { start: { line: 0, character: 68 }, end: { line: 0, character: 68 } }, newText: 'All: ${1|false,true|}' } },
        ],
      });
    });

    test('on a key being typed before its colon: only the key is replaced', async () => {
      const list = await complete("analytics.track('Read Blog Post', {}, { integrations: { Mix|: false } });");
      assert.deepEqual(list?.items[0], { label: 'Mixpanel', kind: 9, detail: 'destination in the tracking plan', sortText: '0000', filterText: 'Mixpanel', insertTextFormat: 1, textEdit: { range: { start: { line: 0, character: 56 }, end: { line: 0, character: 59 } }, newText: 'Mixpanel' } });
    });

    test('nothing on a value; properties completion is unchanged', async () => {
      assert.deepEqual(await complete("analytics.track('Read Blog Post', {}, { integrations: { Mixpanel: f| } });"), { isIncomplete: false, items: [] });
      const properties = await complete("analytics.track('Read Blog Post', { | });");
      assert.deepEqual(properties?.items.map((i) => i.label), ['title', 'a']);
    });
  });

  async function hover(source: string): Promise<string | undefined> {
    const { text, position } = cursor(source);
    const file = `src/hover-${n++}.ts`;
    client.open(file, text);
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(file) }, position });
    return (result?.contents as { value: string } | undefined)?.value;
  }

  test('hover on an event: which destinations receive it', async () => {
    assert.equal(await hover("analytics.track('Signed| Up');"), ['Event **Signed Up**', '', '_No properties planned: any are accepted._', '', '**Destinations:** Mixpanel'].join('\n'));
    assert.match((await hover("analytics.track('Read Blog| Post', { title: 't' });"))!, /\n\n\*\*Destinations:\*\* all \(Mixpanel, Google Analytics, Amplitude\)$/);
  });
});
