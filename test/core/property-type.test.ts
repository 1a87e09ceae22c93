import { runRuleTests } from '../helpers/ruleTester';

const ok = `order_id: 'o1', total: 10, currency: 'USD'`;

/** The types BASE_PLAN leaves out: null alone, oneOf, and screen properties. */
const TYPES_PLAN = `events:
  E:
    properties:
      nothing: { type: "null" }
      either: { oneOf: [{ type: string }, { type: boolean }] }
screens:
  Settings:
    properties:
      tab: { type: string }
`;

runRuleTests('property-type', {
  valid: [
    `analytics.track('Order Completed', { ${ok} });`,
    { name: 'integral literal is an integer', code: `analytics.track('Order Completed', { ${ok}, quantity: 3 });` },
    { name: 'a plain number may be an integer', code: `declare const n: number;\nanalytics.track('Order Completed', { ${ok}, quantity: n });` },
    { name: 'null allowed by a type list', code: `analytics.track('Order Completed', { ${ok}, coupon: null });` },
    { name: 'string | null allowed by a type list', code: `declare const c: string | null;\nanalytics.track('Order Completed', { ${ok}, coupon: c });` },
    { name: 'a Date where format is date-time', code: `analytics.track('Order Completed', { ${ok}, placed_at: new Date() });` },
    { name: 'any and unknown never produce a type error', code: `declare const a: any; declare const u: unknown;\nanalytics.track('Order Completed', { order_id: a, total: u, currency: 'USD' });` },
    { name: 'an explicit undefined on an optional property sends nothing', code: `analytics.track('Order Completed', { ${ok}, coupon: undefined });` },
    { name: 'optional property may be undefined', code: `declare const c: string | undefined;\nanalytics.track('Product Viewed', { product_id: 'p', sku: c });` },
    { name: 'arrays of the right item type', code: `analytics.track('Product Viewed', { product_id: 'p', tags: ['a', 'b'] });` },
    { name: 'nested objects of the right shape', code: `analytics.track('Order Completed', { ${ok}, products: [{ product_id: 'p', price: 2 }] });` },
    { name: 'anyOf branches', code: `declare const x: string | number;\nanalytics.track('Product Viewed', { product_id: 'p', either: x });` },
    { name: 'an empty schema accepts anything', code: `analytics.track('Product Viewed', { product_id: 'p', anything: () => 1 });` },
    { name: 'a typed variable of the right type', code: `interface P { order_id: string; total: number; currency: 'USD' | 'EUR' }\ndeclare const p: P;\nanalytics.track('Order Completed', p);` },
    { name: 'identify traits', code: `analytics.identify('u1', { name: 'Ada' });` },
    { name: 'null alone, oneOf branches, screen properties', plan: TYPES_PLAN, code: `analytics.track('E', { nothing: null, either: true });\nanalytics.screen('Settings', { tab: 'profile' });` },
  ],
  invalid: [
    {
      code: `analytics.track('Order Completed', { order_id: 1, total: 10, currency: 'USD' });`,
      errors: [
        {
          message: "Property 'order_id' of event 'Order Completed' should be string, but the value is 1.",
          line: 1, column: 48, endLine: 1, endColumn: 49,
          data: { property: 'order_id', expectedType: 'string' },
        },
      ],
    },
    {
      name: 'a non-integral literal is not an integer',
      code: `analytics.track('Order Completed', { ${ok}, quantity: 1.5 });`,
      errors: [{ message: "Property 'quantity' of event 'Order Completed' should be integer, but the value is 1.5.", line: 1, column: 92, endLine: 1, endColumn: 95 }],
    },
    {
      name: 'a required property whose value may be undefined',
      code: `declare const t: number | undefined;\nanalytics.track('Order Completed', { order_id: 'o', total: t, currency: 'USD' });`,
      errors: [{ message: "Property 'total' is required by event 'Order Completed', but the value may be undefined (number | undefined).", line: 2, column: 60, endLine: 2, endColumn: 61 }],
    },
    {
      name: 'a required property that is optional in the variable type',
      code: `declare const p: { order_id: string; total?: number; currency: 'USD' };\nanalytics.track('Order Completed', p);`,
      errors: [{ message: "Property 'total' is required by event 'Order Completed', but the value may be undefined (number | undefined).", line: 2, column: 36, endLine: 2, endColumn: 37 }],
    },
    {
      name: 'a Date where a plain string is planned',
      code: `analytics.track('Order Completed', { ${ok}, order_id: new Date() });`,
      errors: [{ message: "Property 'order_id' of event 'Order Completed' should be string, but the value is Date.", line: 1, column: 92, endLine: 1, endColumn: 102 }],
    },
    {
      name: 'array item types',
      code: `analytics.track('Product Viewed', { product_id: 'p', tags: ['a', 2] });`,
      errors: [{ message: "Property 'tags[]' of event 'Product Viewed' should be string, but the value is 'a' | 2.", line: 1, column: 60, endLine: 1, endColumn: 68 }],
    },
    {
      name: 'nested object property types, at the nested value',
      code: `analytics.track('Order Completed', { ${ok}, products: [{ product_id: 7 }] });`,
      errors: [{ message: "Property 'products[].product_id' of event 'Order Completed' should be string, but the value is 7.", line: 1, column: 107, endLine: 1, endColumn: 108 }],
    },
    {
      name: 'null for a string',
      code: `analytics.track('Order Completed', { order_id: null, total: 1, currency: 'USD' });`,
      errors: [{ message: "Property 'order_id' of event 'Order Completed' should be string, but the value is null.", line: 1, column: 48, endLine: 1, endColumn: 52, data: { property: 'order_id', expectedType: 'string' } }],
    },
    {
      name: 'a string where only null is planned',
      plan: TYPES_PLAN,
      code: `analytics.track('E', { nothing: 'x' });`,
      errors: [{ message: "Property 'nothing' of event 'E' should be null, but the value is 'x'.", line: 1, column: 33, endLine: 1, endColumn: 36 }],
    },
    {
      name: 'oneOf: a value matching no branch',
      plan: TYPES_PLAN,
      code: `analytics.track('E', { either: 3 });`,
      errors: [{ message: "Property 'either' of event 'E' should be string | boolean, but the value is 3.", line: 1, column: 32, endLine: 1, endColumn: 33, data: { property: 'either', expectedType: 'string | boolean' } }],
    },
    {
      name: 'nested object properties (not in an array), at the nested value',
      code: `analytics.track('Product Viewed', { product_id: 'p', meta: { source: 1 } });`,
      errors: [{ message: "Property 'meta.source' of event 'Product Viewed' should be string, but the value is 1.", line: 1, column: 70, endLine: 1, endColumn: 71 }],
    },
    {
      name: 'boolean for a number',
      code: `declare const b: boolean;\nanalytics.track('Order Completed', { order_id: 'o', total: b, currency: 'USD' });`,
      errors: [{ message: "Property 'total' of event 'Order Completed' should be number, but the value is boolean.", line: 2, column: 60, endLine: 2, endColumn: 61 }],
    },
    {
      name: 'object for a string, from a shorthand property',
      code: `const order_id = { id: 1 };\nanalytics.track('Order Completed', { order_id, total: 1, currency: 'USD' });`,
      errors: [{ message: "Property 'order_id' of event 'Order Completed' should be string, but the value is { id: number; }.", line: 2, column: 38, endLine: 2, endColumn: 46 }],
    },
    {
      name: 'identify traits are judged against identify',
      code: `analytics.identify('u1', { name: 42 });`,
      errors: [{ message: "Property 'name' of identify traits should be string, but the value is 42.", line: 1, column: 34, endLine: 1, endColumn: 36 }],
    },
    {
      name: 'screen properties are judged against their screen',
      plan: TYPES_PLAN,
      code: `analytics.screen('Settings', { tab: 2 });`,
      errors: [{ message: "Property 'tab' of screen 'Settings' should be string, but the value is 2.", line: 1, column: 37, endLine: 1, endColumn: 38 }],
    },
    {
      name: 'group traits are judged against group',
      code: `analytics.group('g1', { employees: 'many' });`,
      errors: [{ message: "Property 'employees' of group traits should be integer, but the value is 'many'.", line: 1, column: 36, endLine: 1, endColumn: 42 }],
    },
  ],
});
