import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventNameAtCursor } from '../../client/src/eventNameAtCursor';

/** `|` marks the cursor in each line. */
function at(lineWithCursor: string) {
  const character = lineWithCursor.indexOf('|');
  return eventNameAtCursor(lineWithCursor.replace('|', ''), character);
}

test('inside the first argument of track/page/screen: the name and the call kind', () => {
  assert.deepEqual(at(`analytics.track('Order |Completed', {})`), { name: 'Order Completed', kind: 'track' });
  assert.deepEqual(at(`analytics.page("|Pricing")`), { name: 'Pricing', kind: 'page' });
  assert.deepEqual(at('analytics.screen(`Home|`)'), { name: 'Home', kind: 'screen' });
  assert.deepEqual(at(`window.analytics?.track?.( 'A|')`), { name: 'A', kind: 'track' });
});

test('the edges: right after the opening quote and right before the closing one are inside', () => {
  assert.deepEqual(at(`track('|Order')`), { name: 'Order', kind: 'track' });
  assert.deepEqual(at(`track('Order|')`), { name: 'Order', kind: 'track' });
  assert.equal(at(`track(|'Order')`), undefined);
  assert.equal(at(`track('Order'|)`), undefined);
});

test('any other string literal gives its text without a kind', () => {
  assert.deepEqual(at(`const name = 'Checkout |Started';`), { name: 'Checkout Started' });
  assert.deepEqual(at(`analytics.track('A', { step: 'fi|rst' })`), { name: 'first' });
});

test('escapes are unescaped; an unclosed literal runs to the end of the line', () => {
  assert.deepEqual(at(String.raw`track('It\'s |Done')`), { name: "It's Done", kind: 'track' });
  assert.deepEqual(at(`analytics.track('Order Compl|`), { name: 'Order Compl', kind: 'track' });
});

test('outside strings, in comments and in templates with substitutions: nothing', () => {
  assert.equal(at(`analytics.tr|ack('A')`), undefined);
  assert.equal(at(`// analytics.track('A|')`), undefined);
  assert.equal(at('analytics.track(`${kind} Cl|icked`)'), undefined);
  assert.equal(at(`|`), undefined);
});

test('a later literal on the same line is found past earlier ones', () => {
  assert.deepEqual(at(`f('a', "b", 'c|')`), { name: 'c' });
});
