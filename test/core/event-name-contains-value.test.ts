import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valueInName } from '../../server/src/core/naming/valueInName';
import { runRuleTests } from '../helpers/ruleTester';

const literal = (name: string, what: string, value: string, stable: string) =>
  `Event name '${name}' carries a value (${what}: '${value}'): every value makes a separate event. Use a stable name such as '${stable}' and send the value as a property.`;
const template = (text: string, stable: string, values: string, asWhat = 'a property') =>
  `Event name ${text} is built around a varying value: every value makes a separate event. Use the stable name '${stable}' and send ${values} as ${asWhat}.`;

runRuleTests('event-name-contains-value', {
  valid: [
    { name: "the guide's good example: a stable name, the title as a property", code: `analytics.track('Read Blog Post', { title: 'Best Tracking Plans Ever' });` },
    { name: 'a small step number is part of the name', code: `analytics.track('Checkout Step 2 Viewed');` },
    { name: 'a template over a literal union is a fixed set of names', code: "declare const step: 'Started' | 'Completed';\nanalytics.track(`Checkout ${step}`);" },
    { name: 'a name with no fixed text is only dynamic-event-name', code: `declare const name: string;\nanalytics.track(name);` },
    { name: 'a name the plan lists is the plan’s business', code: `analytics.track('Black Friday 2019 Promo');`, plan: `events:\n  Black Friday 2019 Promo: {}\n` },
    { name: 'a wrapper’s own prefix is not a value', code: "function trackEvent(name: string) { analytics.track(`app.${name}`); }\ntrackEvent('Signed Up');" },
    { name: 'a namespace prefix around another name (a wrapper with inference off)', code: "declare const name: string;\nanalytics.track(`web.${name}`);\nanalytics.track('app:' + name);" },
    { name: 'page names are not event names', code: "declare const title: string;\nanalytics.page(`Blog - ${title}`);" },
  ],
  invalid: [
    {
      name: "the guide's bad example: a date in the name",
      code: `analytics.track('User Signed Up (11-01-2019)');`,
      errors: [{ message: literal('User Signed Up (11-01-2019)', 'a date', '11-01-2019', 'User Signed Up'), line: 1, column: 17, endLine: 1, endColumn: 46, data: { eventName: 'User Signed Up (11-01-2019)', suggestions: ['User Signed Up'] } }],
    },
    {
      name: "the guide's bad example: a title after a dash",
      code: `analytics.track('Read Blog Post - Best Tracking Plans Ever');`,
      errors: [{ message: literal('Read Blog Post - Best Tracking Plans Ever', "a title after '-'", 'Best Tracking Plans Ever', 'Read Blog Post'), line: 1, column: 17, endLine: 1, endColumn: 60 }],
    },
    {
      name: 'a long number',
      code: `analytics.track('Order 12345 Completed');`,
      errors: [{ message: literal('Order 12345 Completed', 'a number', '12345', 'Order Completed'), line: 1, column: 17, endLine: 1, endColumn: 40 }],
    },
    {
      name: 'an id',
      code: `analytics.track('Viewed Product 9f8e7d6c5b');`,
      errors: [{ message: literal('Viewed Product 9f8e7d6c5b', 'an id', '9f8e7d6c5b', 'Viewed Product'), line: 1, column: 17, endLine: 1, endColumn: 44 }],
    },
    {
      name: 'a quoted title',
      code: `analytics.track('Clicked "Buy Now"');`,
      errors: [{ message: literal('Clicked "Buy Now"', 'a quoted title', '"Buy Now"', 'Clicked'), line: 1, column: 17, endLine: 1, endColumn: 36 }],
    },
    {
      name: 'a literal prefix around a substitution, with the data of the quick fix',
      code: 'declare const title: string;\nanalytics.track(`Read Blog Post - ${title}`, { a: 1 });',
      errors: [{ message: template('`Read Blog Post - ${title}`', 'Read Blog Post', '`title`'), line: 2, column: 17, endLine: 2, endColumn: 44, data: { replacement: 'Read Blog Post', property: 'title' } }],
    },
    {
      name: 'a concatenation; the key is the property read',
      code: `declare const post: { title: string };\nanalytics.track('Read Blog Post: ' + post.title);`,
      errors: [{ message: template("'Read Blog Post: ' + post.title", 'Read Blog Post', '`post.title`'), line: 2, column: 17, endLine: 2, endColumn: 48, data: { replacement: 'Read Blog Post', property: 'title' } }],
    },
    {
      name: 'a camelCase key under a camelCase convention',
      code: "declare const post: { post_title: string };\nanalytics.track(`Read Blog Post - ${post.post_title}`);",
      plan: `conventions: { properties: camel }\nevents:\n  Read Blog Post: {}\n`,
      errors: [{ message: template('`Read Blog Post - ${post.post_title}`', 'Read Blog Post', '`post.post_title`'), line: 2, column: 17, endLine: 2, endColumn: 54, data: { replacement: 'Read Blog Post', property: 'postTitle' } }],
    },
    {
      name: 'two varying parts (no quick fix: see the code action tests)',
      code: 'declare const a: string;\ndeclare const b: string;\nanalytics.track(`Clicked ${a} on ${b}`);',
      errors: [{ message: template('`Clicked ${a} on ${b}`', 'Clicked on', '`a` and `b`', 'properties'), line: 3, column: 17, endLine: 3, endColumn: 39 }],
    },
    {
      name: 'through an inferred wrapper, at the call site',
      code: 'function trackEvent(name: string, props?: object) { analytics.track(`app.${name}`, props); }\ndeclare const title: string;\ntrackEvent(`Read Blog Post - ${title}`);',
      errors: [{ message: template('`Read Blog Post - ${title}`', 'Read Blog Post', '`title`'), line: 3, column: 12, endLine: 3, endColumn: 39 }],
    },
  ],
});

test('value patterns are bounded: a long name is not searched', () => {
  assert.equal(valueInName(`${'a1'.repeat(150)}`), undefined);
  assert.deepEqual(valueInName('Signed Up 2019-11-01'), { what: 'a date', value: '2019-11-01', stable: 'Signed Up' });
});
