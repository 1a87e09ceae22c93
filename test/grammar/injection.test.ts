import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { INJECTION_GRAMMAR_PATH, tokenizeLine, tokenizeLines, type BaseScope, type Token } from './tokenizer';

/** What the grammar promises, case by case; snapshots.test.ts pins every token of the fixtures. */

const EVENT_NAME = 'meta.event-name.tracklint';

function eventNames(tokens: Token[]): string[] {
  return tokens.filter((t) => t.scopes.includes(EVENT_NAME)).map((t) => t.text);
}

function tracklintScoped(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.scopes.some((s) => s.endsWith('.tracklint')));
}

const scopedCalls: [line: string, eventName: string, scope?: BaseScope][] = [
  [`analytics.track('Order Completed', { total: 1 });`, 'Order Completed'],
  [`analytics.track("Order Completed")`, 'Order Completed'],
  ['analytics.track(`Order Completed`)', 'Order Completed'],
  [`window.analytics.track('Checkout Started', {})`, 'Checkout Started'],
  [`globalThis.analytics.track('A')`, 'A'],
  [`self.analytics.track('A')`, 'A'],
  [`this.analytics.track('A')`, 'A'],
  [`analytics?.track('A')`, 'A'],
  [`window?.analytics?.track?.('A')`, 'A'],
  [`analytics!.track('A')`, 'A'],
  [`analytics . track ( 'Spaced' )`, 'Spaced'],
  [`rudderanalytics.track('A')`, 'A'],
  [`segment.track('A')`, 'A'],
  [`analytics.page('Pricing')`, 'Pricing'],
  [`analytics.screen('Home')`, 'Home'],
  [`await analytics.track('A')`, 'A'],
  [`void analytics.track('A')`, 'A'],
  [`const p = analytics.track('A');`, 'A'],
  [`f(analytics.track('A'))`, 'A'],
  [`analytics.track('')`, ''],
  [`export const Buy = () => <b onClick={() => analytics.track('Buy Clicked')}>x</b>;`, 'Buy Clicked', 'source.tsx'],
  [`window.analytics.track('Signed Up', { method: 'email' });`, 'Signed Up', 'source.js'],
  [`const Nav = () => <a onClick={() => analytics.track("Nav")}>x</a>;`, 'Nav', 'source.js.jsx'],
];

for (const [line, name, scope = 'source.ts'] of scopedCalls) {
  test(`${scope}: ${line} → the event name '${name}' is scoped`, async () => {
    const tokens = await tokenizeLine(line, scope);
    // An empty name has no content token, only its quotes.
    assert.deepEqual(eventNames(tokens), name === '' ? [] : [name]);
    assert.ok(tracklintScoped(tokens).length > 0);
  });
}

const unscopedCalls: string[] = [
  `analytics.track(EVENTS.ORDER_COMPLETED, { total })`, // a constant: the base grammar's tokens stay
  'analytics.track(`${kind} Clicked`)', // a dynamic name
  `player.track('Not Analytics')`,
  `foo.analytics.track('Not The SDK')`,
  `myanalytics.track('A')`,
  `analytics.identify('user-1', { email })`,
  `analytics.group('org-1')`,
  `analytics.tracker('A')`,
  `// analytics.track('In A Comment')`,
  `/* analytics.track('In A Block Comment') */`,
  `const s = "analytics.track('In A String')";`,
  `analytics.track('Unterminated`, // while typing: left to the base grammar until the quote closes
];

for (const line of unscopedCalls) {
  test(`source.ts: ${line} → nothing is scoped by tracklint`, async () => {
    assert.deepEqual(tracklintScoped(await tokenizeLine(line)), []);
  });
}

test('only the first argument is an event name, not later strings', async () => {
  const tokens = await tokenizeLine(`analytics.track('Order Completed', 'not an event', { coupon: 'X' })`);
  assert.deepEqual(eventNames(tokens), ['Order Completed']);
});

test('the event name keeps a string scope and its quotes, so themes colour it as a string', async () => {
  const tokens = await tokenizeLine(`analytics.track('Order Completed')`);
  const quoteAndName = tokens.filter((t) => t.scopes.includes('string.quoted.single.tracklint'));
  assert.deepEqual(
    quoteAndName.map((t) => [t.text, t.scopes.slice(1)]),
    [
      ["'", ['string.quoted.single.tracklint', 'punctuation.definition.string.begin.tracklint']],
      ['Order Completed', ['string.quoted.single.tracklint', EVENT_NAME]],
      ["'", ['string.quoted.single.tracklint', 'punctuation.definition.string.end.tracklint']],
    ],
  );
});

test('escapes inside an event name are scoped as escapes', async () => {
  const tokens = await tokenizeLine(String.raw`analytics.track('It\'s Done')`);
  assert.deepEqual(
    tokens.filter((t) => t.scopes.includes(EVENT_NAME)).map((t) => [t.text, t.scopes.at(-1)]),
    [
      ['It', EVENT_NAME],
      [String.raw`\'`, 'constant.character.escape.tracklint'],
      ['s Done', EVENT_NAME],
    ],
  );
});

/**
 * The injection only recognises the call by a look-behind and consumes nothing but the string, so
 * every other token — the receiver, the parentheses, the properties object, the following lines —
 * must be exactly what VS Code produces without tracklint.
 */
const sources: [BaseScope, string][] = [
  [
    'source.ts',
    [
      `export function completeOrder(orderId: string) {`,
      `  window.analytics.track('Order Completed', {`,
      `    order_id: orderId,`,
      `    currency: 'USD',`,
      `  });`,
      `  analytics.page("Receipt"); analytics.track(\`Done\`, { ok: true })`,
      `}`,
    ].join('\n'),
  ],
  ['source.tsx', `const A = () => <div onClick={() => analytics.track('Clicked', { id: 1 })}>{label}</div>;\nconst b = <T,>(x: T) => x;`],
  ['source.js', `rudderanalytics.screen('Home', { tab: 'a' }); const x = { a: 1 };`],
  ['source.js.jsx', `const A = () => <a onClick={() => segment.track("Nav", { to })}>x</a>;`],
];

for (const [scope, source] of sources) {
  test(`${scope}: outside event-name strings, tokens are exactly VS Code's without tracklint`, async () => {
    const withInjection = await tokenizeLines(source, scope);
    const without = await tokenizeLines(source, scope, { withInjection: false });
    assert.ok(withInjection.flat().some((t) => t.scopes.includes(EVENT_NAME)), 'the source has an event name to scope');
    assert.deepEqual(stripStrings(withInjection), stripStrings(without));
  });
}

/** Lines with every string-literal token (ours or the base grammar's) replaced by one marker, keeping all else. */
function stripStrings(lines: Token[][]): string[][] {
  return lines.map((tokens) => {
    const kept: string[] = [];
    for (const t of tokens) {
      const isString = t.scopes.some((s) => /^string\.(quoted|template)\./.test(s));
      if (isString) {
        if (kept.at(-1) !== '<string>') kept.push('<string>');
      } else kept.push(`${JSON.stringify(t.text)} ${t.scopes.join(' ')}`);
    }
    return kept;
  });
}

test('the three string rules share one call look-behind, so they cannot drift apart', () => {
  const grammar = JSON.parse(readFileSync(INJECTION_GRAMMAR_PATH, 'utf8')) as { repository: Record<string, { match?: string }> };
  const lookBehinds = ['event-name-single-quoted', 'event-name-double-quoted', 'event-name-template'].map((rule) => {
    const match = grammar.repository[rule]?.match;
    assert.ok(match, `rule ${rule} exists`);
    return /^\(\?<=.*?\\\(\\s\*\)/.exec(match)?.[0];
  });
  assert.ok(lookBehinds[0], 'the single-quoted rule starts with the call look-behind');
  assert.deepEqual(lookBehinds, [lookBehinds[0], lookBehinds[0], lookBehinds[0]]);
});
