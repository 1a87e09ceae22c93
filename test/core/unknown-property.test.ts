import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('unknown-property', {
  valid: [
    `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD', coupon: null });`,
    { name: 'the plan allows additional properties', code: `analytics.identify('u', { name: 'n' });`, plan: 'identify:\n  properties: { name: { type: string } }\n  additionalProperties: true\n' },
    { name: 'an event that defines no properties at all accepts any', code: `analytics.track('E', { anything: 1 });`, plan: 'events:\n  E: {}\n' },
    { name: 'an event without properties of its own still accepts any key when common properties exist', code: `analytics.track('E', { anything: 1, app_version: '1' });`, plan: 'common:\n  properties: { app_version: { type: string } }\nevents:\n  E: {}\n' },
    { name: 'common properties are planned for every event', code: `analytics.track('E', { app_version: '1.0' });`, plan: 'common:\n  properties: { app_version: { type: string } }\nevents:\n  E:\n    properties: { a: { type: string } }\n' },
    {
      name: 'a nested object with additionalProperties: true accepts other keys',
      code: `analytics.track('E', { g: { h: 'x', k: 1 } });`,
      plan: 'events:\n  E:\n    properties:\n      g: { type: object, properties: { h: { type: string } }, additionalProperties: true }\n',
    },
  ],
  invalid: [
    {
      code: `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD', cupon: 'X' });`,
      errors: [
        {
          message: "Property 'cupon' is not in the tracking plan for event 'Order Completed'. Did you mean 'coupon'?",
          line: 1, column: 80, endLine: 1, endColumn: 85,
          data: { property: 'cupon', suggestions: ['coupon'] },
        },
      ],
    },
    {
      code: `analytics.track('Signed Up', { method: 'email', referrer: 'x' });`,
      errors: [{ message: "Property 'referrer' is not in the tracking plan for event 'Signed Up'.", line: 1, column: 49, endLine: 1, endColumn: 57 }],
    },
    {
      name: 'a key that arrives through a spread is reported at the spread expression',
      code: `declare const extra: { utm: string };\nanalytics.track('Signed Up', { method: 'email', ...extra });`,
      errors: [{ message: "Property 'utm' is not in the tracking plan for event 'Signed Up'.", line: 2, column: 52, endLine: 2, endColumn: 57 }],
    },
    {
      name: 'a nested object with additionalProperties: false, at the nested key',
      code: `analytics.track('E', { g: { h: 'x', k: 1 } });`,
      plan: 'events:\n  E:\n    properties:\n      g: { type: object, properties: { h: { type: string } }, additionalProperties: false }\n',
      errors: [{ message: "Property 'g.k' is not in the tracking plan for event 'E'.", line: 1, column: 37, endLine: 1, endColumn: 38, data: { property: 'g.k' } }],
    },
    {
      name: 'page properties',
      code: `analytics.page('Product Detail', { product_id: 'p', extra: 1 });`,
      errors: [{ message: "Property 'extra' is not in the tracking plan for page 'Product Detail'.", line: 1, column: 53, endLine: 1, endColumn: 58 }],
    },
    {
      name: 'identify with additionalProperties: false',
      code: `analytics.identify('u', { name: 'n', age: 3 });`,
      errors: [{ message: "Property 'age' is not in the tracking plan for identify traits.", line: 1, column: 38, endLine: 1, endColumn: 41 }],
    },
  ],
});
