import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('event-name-casing', {
  valid: [
    `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });`,
    `analytics.track('Step 2 Viewed');`,
    { name: 'an empty name is a name being typed', code: `analytics.track('');` },
    { name: 'any convention', plan: 'conventions: { events: any }\nevents: {}\n', code: `analytics.track('whatever_goes');` },
    { name: 'planned names are the authority', plan: 'conventions: { events: title }\nevents:\n  legacy_event: {}\n', code: `analytics.track('legacy_event');` },
    { name: 'snake convention', plan: 'conventions: { events: snake }\nevents: {}\n', code: `analytics.track('order_completed');` },
  ],
  invalid: [
    {
      code: `analytics.track('order completed');`,
      errors: [
        {
          message: "Event name 'order completed' is not Title Case; expected 'Order Completed'.",
          line: 1, column: 17, endLine: 1, endColumn: 34,
          data: { eventName: 'order completed', suggestions: ['Order Completed'], replacement: 'Order Completed' },
        },
      ],
    },
    {
      plan: 'conventions: { events: snake }\nevents: {}\n',
      code: `analytics.track('OrderCompleted');`,
      errors: [{ message: "Event name 'OrderCompleted' is not snake_case; expected 'order_completed'.", line: 1, column: 17, endLine: 1, endColumn: 33 }],
    },
    {
      plan: 'conventions: { events: camel }\nevents: {}\n',
      code: `analytics.track('order-completed');`,
      errors: [{ message: "Event name 'order-completed' is not camelCase; expected 'orderCompleted'.", line: 1, column: 17, endLine: 1, endColumn: 34 }],
    },
    {
      plan: 'conventions: { events: pascal }\nevents: {}\n',
      code: `analytics.track('order_completed');`,
      errors: [{ message: "Event name 'order_completed' is not PascalCase; expected 'OrderCompleted'.", line: 1, column: 17, endLine: 1, endColumn: 34 }],
    },
    {
      plan: 'conventions: { events: kebab }\nevents: {}\n',
      code: `analytics.track('Order Completed');`,
      errors: [{ message: "Event name 'Order Completed' is not kebab-case; expected 'order-completed'.", line: 1, column: 17, endLine: 1, endColumn: 34 }],
    },
  ],
});

runRuleTests('property-name-casing', {
  valid: [
    `analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });`,
    { name: 'planned keys are the authority', plan: 'conventions: { properties: snake }\nevents:\n  E:\n    properties: { orderId: { type: string } }\n', code: `analytics.track('E', { orderId: 'x' });` },
    { name: 'keys from a spread are judged where written', code: `declare const p: { badKey: string };\nanalytics.track('Signed Up', { ...p });` },
    { name: 'any convention', plan: 'conventions: { properties: any }\nevents:\n  E: {}\n', code: `analytics.track('E', { orderId: 1, 'order-id': 2, Order_ID: 3 });` },
    { name: 'pascal convention', plan: 'conventions: { properties: pascal }\nevents:\n  E: {}\n', code: `analytics.track('E', { OrderId: 1 });` },
    { name: 'kebab convention', plan: 'conventions: { properties: kebab }\nevents:\n  E: {}\n', code: `analytics.track('E', { 'order-id': 1 });` },
  ],
  invalid: [
    {
      code: `analytics.track('Signed Up', { method: 'email', signupSource: 'ad' });`,
      errors: [
        {
          message: "Property 'signupSource' is not snake_case; expected 'signup_source'.",
          line: 1, column: 49, endLine: 1, endColumn: 61,
          data: { property: 'signupSource', suggestions: ['signup_source'] },
        },
      ],
    },
    {
      plan: 'conventions: { properties: camel }\nevents:\n  E: {}\n',
      code: `analytics.identify('u', { first_name: 'Ada' });`,
      errors: [{ message: "Property 'first_name' is not camelCase; expected 'firstName'.", line: 1, column: 27, endLine: 1, endColumn: 37 }],
    },
    {
      plan: 'conventions: { properties: pascal }\nevents:\n  E: {}\n',
      code: `analytics.track('E', { order_id: 1 });`,
      errors: [{ message: "Property 'order_id' is not PascalCase; expected 'OrderId'.", line: 1, column: 24, endLine: 1, endColumn: 32 }],
    },
    {
      plan: 'conventions: { properties: kebab }\nevents:\n  E: {}\n',
      code: `analytics.track('E', { orderId: 1 });`,
      errors: [{ message: "Property 'orderId' is not kebab-case; expected 'order-id'.", line: 1, column: 24, endLine: 1, endColumn: 31 }],
    },
  ],
});
