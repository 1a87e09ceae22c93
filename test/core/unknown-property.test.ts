import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('unknown-property', {
  valid: [
    `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD', coupon: null });`,
    { name: 'the plan allows additional properties', code: `analytics.identify('u', { name: 'n' });`, plan: 'identify:\n  properties: { name: { type: string } }\n  additionalProperties: true\n' },
    { name: 'an event that defines no properties at all accepts any', code: `analytics.track('E', { anything: 1 });`, plan: 'events:\n  E: {}\n' },
    { name: 'an event without properties of its own still accepts any key when common properties exist', code: `analytics.track('E', { anything: 1, app_version: '1' });`, plan: 'common:\n  properties: { app_version: { type: string } }\nevents:\n  E: {}\n' },
    { name: 'common properties are planned for every event', code: `analytics.track('E', { app_version: '1.0' });`, plan: 'common:\n  properties: { app_version: { type: string } }\nevents:\n  E:\n    properties: { a: { type: string } }\n' },
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
      name: 'identify with additionalProperties: false',
      code: `analytics.identify('u', { name: 'n', age: 3 });`,
      errors: [{ message: "Property 'age' is not in the tracking plan for identify traits.", line: 1, column: 38, endLine: 1, endColumn: 41 }],
    },
  ],
});
