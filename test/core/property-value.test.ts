import { runRuleTests } from '../helpers/ruleTester';

const pv = (props: string) => `analytics.track('Product Viewed', { product_id: 'p', ${props} });`;
// Column where the props text starts in pv(): `analytics.track('Product Viewed', { product_id: 'p', ` is 53 characters.
const at = 54;

/** Every string format the issue lists, and the bound BASE_PLAN lacks. */
const FORMATS_PLAN = `events:
  E:
    properties:
      at: { type: string, format: date-time }
      day: { type: string, format: date }
      link: { type: string, format: uri }
      id: { type: string, format: uuid }
      score: { type: number, exclusiveMaximum: 10 }
`;

runRuleTests('property-value', {
  valid: [
    `analytics.track('Order Completed', { order_id: 'o', total: 0, currency: 'EUR' });`,
    pv(`sku: 'SKU-123'`),
    pv(`email: 'ada@example.com'`),
    pv(`slug: 'abcde'`),
    pv(`rating: 5`),
    pv(`kind: 'product'`),
    { name: 'values not known statically are not judged', code: `declare const s: string; declare const n: number;\n${pv('sku: s, rating: n, email: s')}` },
    {
      name: 'date-time, date, uri and uuid formats and exclusiveMaximum, met',
      plan: FORMATS_PLAN,
      code: `analytics.track('E', { at: '2024-01-02T03:04:05Z', day: '2024-01-02', link: 'https://example.com/a?b=c', id: '123e4567-e89b-12d3-a456-426614174000', score: 9.5 });`,
    },
    { name: 'a literal union within the enum', code: `declare const c: 'USD' | 'EUR';\nanalytics.track('Order Completed', { order_id: 'o', total: 1, currency: c });` },
  ],
  invalid: [
    {
      code: `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'usd' });`,
      errors: [
        {
          message: `Property 'currency' of event 'Order Completed' must be one of "USD", "EUR", "GBP"; found "usd".`,
          line: 1, column: 73, endLine: 1, endColumn: 78,
          data: { property: 'currency', suggestions: ['USD'] },
        },
      ],
    },
    {
      name: 'each member of a literal union is judged',
      code: `declare const c: 'USD' | 'CAD';\nanalytics.track('Order Completed', { order_id: 'o', total: 1, currency: c });`,
      errors: [{ message: `Property 'currency' of event 'Order Completed' must be one of "USD", "EUR", "GBP"; found "CAD".`, line: 2, column: 73, endLine: 2, endColumn: 74 }],
    },
    {
      code: `analytics.track('Order Completed', { order_id: 'o', total: -1, currency: 'USD' });`,
      errors: [{ message: `Property 'total' of event 'Order Completed' must be >= 0; found -1.`, line: 1, column: 60, endLine: 1, endColumn: 62 }],
    },
    {
      code: pv(`sku: 'ABC'`),
      errors: [{ message: `Property 'sku' of event 'Product Viewed' must match the pattern /^SKU-[0-9]+$/; found "ABC".`, line: 1, column: at + 5, endLine: 1, endColumn: at + 10 }],
    },
    {
      code: pv(`email: 'not-an-email'`),
      errors: [{ message: `Property 'email' of event 'Product Viewed' must be a valid email; found "not-an-email".`, line: 1, column: at + 7, endLine: 1, endColumn: at + 21 }],
    },
    {
      code: pv(`slug: 'a'`),
      errors: [{ message: `Property 'slug' of event 'Product Viewed' must be at least 2 characters long; found "a" (1).`, line: 1, column: at + 6, endLine: 1, endColumn: at + 9 }],
    },
    {
      code: pv(`slug: 'abcdef'`),
      errors: [{ message: `Property 'slug' of event 'Product Viewed' must be at most 5 characters long; found "abcdef" (6).`, line: 1, column: at + 6, endLine: 1, endColumn: at + 14 }],
    },
    {
      code: pv(`rating: 0`),
      errors: [{ message: `Property 'rating' of event 'Product Viewed' must be > 0; found 0.`, line: 1, column: at + 8, endLine: 1, endColumn: at + 9 }],
    },
    {
      code: pv(`rating: 6`),
      errors: [{ message: `Property 'rating' of event 'Product Viewed' must be <= 5; found 6.`, line: 1, column: at + 8, endLine: 1, endColumn: at + 9 }],
    },
    {
      code: pv(`kind: 'category'`),
      errors: [{ message: `Property 'kind' of event 'Product Viewed' must be "product"; found "category".`, line: 1, column: at + 6, endLine: 1, endColumn: at + 16 }],
    },
    {
      name: 'format: date-time',
      plan: FORMATS_PLAN,
      code: `analytics.track('E', { at: 'yesterday' });`,
      errors: [{ message: `Property 'at' of event 'E' must be a valid date-time; found "yesterday".`, line: 1, column: 28, endLine: 1, endColumn: 39 }],
    },
    {
      name: 'format: date (a month that does not exist)',
      plan: FORMATS_PLAN,
      code: `analytics.track('E', { day: '2024-13-01' });`,
      errors: [{ message: `Property 'day' of event 'E' must be a valid date; found "2024-13-01".`, line: 1, column: 29, endLine: 1, endColumn: 41 }],
    },
    {
      name: 'format: uri',
      plan: FORMATS_PLAN,
      code: `analytics.track('E', { link: 'example.com/a' });`,
      errors: [{ message: `Property 'link' of event 'E' must be a valid uri; found "example.com/a".`, line: 1, column: 30, endLine: 1, endColumn: 45 }],
    },
    {
      name: 'format: uuid',
      plan: FORMATS_PLAN,
      code: `analytics.track('E', { id: 'order-1' });`,
      errors: [{ message: `Property 'id' of event 'E' must be a valid uuid; found "order-1".`, line: 1, column: 28, endLine: 1, endColumn: 37 }],
    },
    {
      name: 'exclusiveMaximum',
      plan: FORMATS_PLAN,
      code: `analytics.track('E', { score: 10 });`,
      errors: [{ message: `Property 'score' of event 'E' must be < 10; found 10.`, line: 1, column: 31, endLine: 1, endColumn: 33 }],
    },
    {
      name: 'a const variable keeps its literal value',
      code: `const currency = 'YEN';\nanalytics.track('Order Completed', { order_id: 'o', total: 1, currency });`,
      errors: [{ message: `Property 'currency' of event 'Order Completed' must be one of "USD", "EUR", "GBP"; found "YEN".`, line: 2, column: 63, endLine: 2, endColumn: 71 }],
    },
    {
      name: 'a catastrophic pattern is evaluated in linear time',
      plan: 'events:\n  E:\n    properties:\n      v: { type: string, pattern: "^(a+)+$" }\n',
      code: `analytics.track('E', { v: '${'a'.repeat(3000)}!' });`,
      errors: [{ message: `Property 'v' of event 'E' must match the pattern /^(a+)+$/; found "${'a'.repeat(3000)}!".`, line: 1, column: 27, endLine: 1, endColumn: 3030 }],
    },
  ],
});
