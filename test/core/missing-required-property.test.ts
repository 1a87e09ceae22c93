import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('missing-required-property', {
  valid: [
    `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });`,
    { name: 'provided through a spread of a typed object', code: `declare const base: { order_id: string; currency: 'USD' };\nanalytics.track('Order Completed', { ...base, total: 1 });` },
    { name: 'a spread of any may provide anything', code: `declare const base: any;\nanalytics.track('Order Completed', { ...base });` },
    { name: 'properties of unknown type are not judged', code: `declare const p: any;\nanalytics.track('Order Completed', p);` },
    { name: 'events without required properties', code: `analytics.track('Signed Up');` },
    { name: 'off-plan events have no requirements', code: `analytics.track('Nope');` },
  ],
  invalid: [
    {
      code: `analytics.track('Order Completed', { order_id: 'o', total: 1 });`,
      errors: [{ message: "Missing required property 'currency' of event 'Order Completed'.", line: 1, column: 36, endLine: 1, endColumn: 63 }],
    },
    {
      name: 'no properties argument: reported on the event name',
      code: `analytics.track('Order Completed');`,
      errors: [
        { message: "Missing required property 'order_id' of event 'Order Completed'.", line: 1, column: 17, endLine: 1, endColumn: 34 },
        { message: "Missing required property 'total' of event 'Order Completed'.", line: 1, column: 17, endLine: 1, endColumn: 34 },
        { message: "Missing required property 'currency' of event 'Order Completed'.", line: 1, column: 17, endLine: 1, endColumn: 34 },
      ],
    },
    {
      name: 'nested required properties in array items',
      code: `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD', products: [{ price: 1 }] });`,
      errors: [{ message: "Missing required property 'products[].product_id' of event 'Order Completed'.", line: 1, column: 90, endLine: 1, endColumn: 104 }],
    },
    {
      name: 'common required properties are required on every event',
      plan: 'common:\n  properties: { app_version: { type: string } }\n  required: [app_version]\nevents:\n  E: {}\n',
      code: `analytics.track('E', { a: 1 });`,
      errors: [{ message: "Missing required property 'app_version' of event 'E'.", line: 1, column: 22, endLine: 1, endColumn: 30 }],
    },
    {
      name: 'identify traits',
      code: `analytics.identify('u1', { plan: 'pro' });`,
      errors: [{ message: "Missing required property 'name' of identify traits.", line: 1, column: 26, endLine: 1, endColumn: 41 }],
    },
    {
      name: 'Node SDK group form',
      code: `analytics.group({ userId: 'u', groupId: 'g', traits: {} });`,
      errors: [{ message: "Missing required property 'employees' of group traits.", line: 1, column: 54, endLine: 1, endColumn: 56 }],
    },
    {
      name: 'page properties',
      code: `analytics.page('Product Detail', {});`,
      errors: [{ message: "Missing required property 'product_id' of page 'Product Detail'.", line: 1, column: 34, endLine: 1, endColumn: 36 }],
    },
  ],
});
