import { runRuleTests } from '../helpers/ruleTester';

/**
 * The Node SDK's message passed whole, not written in place: `client.track(message)` with the message in a
 * variable, typed by an interface or a parameter. Its fields' types give the name and the properties, and
 * every finding points at the argument (there is no literal to point at).
 */

/** A stand-in for @segment/analytics-node's declarations: `event` is `string` there, as in the real SDK. */
const NODE_SDK = {
  '/node_modules/@segment/analytics-node/package.json': JSON.stringify({ name: '@segment/analytics-node', types: 'index.d.ts' }),
  '/node_modules/@segment/analytics-node/index.d.ts': `
    export interface TrackParams { userId?: string; anonymousId?: string; event: string; properties?: Record<string, any> }
    export declare class Analytics {
      constructor(settings: { writeKey: string });
      track(message: TrackParams, callback?: (err?: unknown) => void): void;
      identify(message: { userId?: string; anonymousId?: string; traits?: object }): void;
      group(message: { userId?: string; groupId: string; traits?: object }): void;
      page(message: { userId?: string; name?: string; category?: string; properties?: object }): void;
      screen(message: { userId?: string; name?: string; properties?: object }): void;
    }`,
};

const CLIENT = `import { Analytics, type TrackParams } from '@segment/analytics-node';\nconst client = new Analytics({ writeKey: 'k' });\n`;

/** A case of a file that starts with {@link CLIENT} (two lines): the code given starts on line 3. */
function node(code: string, name?: string) {
  return { name: name ?? code, code: CLIENT + code, files: NODE_SDK };
}

const COMPLETE = `properties: { order_id: 'o1', total: 10, currency: 'USD' }`;

runRuleTests('unknown-event', {
  valid: [
    node(`const message = { userId: 'u1', event: 'Order Completed' as const, ${COMPLETE} };\nclient.track(message);`),
    node(`interface Completed { userId: string; event: 'Order Completed' | 'Signed Up' }\ndeclare const message: Completed;\nclient.track(message);`),
    node(`const message = { userId: 'u1', name: 'Product Detail' as const, properties: { product_id: 'p1' } };\nclient.page(message);`),
    node(`declare const message: TrackParams;\nclient.track(message);`, 'a message whose event is only a string: dynamic, not unknown'),
    node(`const EVENT = 'Order Completed';\nanalytics.track(EVENT, { order_id: 'o1', total: 10, currency: 'USD' });`, 'a name in a variable is still a name, not a message'),
  ],
  invalid: [
    {
      ...node(`const message = { userId: 'u1', event: 'Ordr Completed' as const, ${COMPLETE} };\nclient.track(message);`, 'a message in a const: at the argument, the fix edits the literal in the declaration'),
      errors: [
        {
          message: "Event 'Ordr Completed' is not in the tracking plan. Did you mean 'Order Completed'?",
          line: 4, column: 14, endLine: 4, endColumn: 21,
          data: { eventName: 'Ordr Completed', suggestions: ['Order Completed'], origin: { file: '/case.ts', range: { start: { line: 2, character: 39 }, end: { line: 2, character: 55 } } } },
        },
      ],
    },
    {
      ...node(
        `interface Completed { userId: string; event: 'Order Completed' | 'Ordr Completed' }\nfunction onPaid(message: Completed) {\n  client.track(message);\n}\ndeclare const completed: Completed;\nonPaid(completed);`,
        'a parameter typed by an interface: each member of the union is judged where the function is called',
      ),
      errors: [{ message: "Event 'Ordr Completed' is not in the tracking plan. Did you mean 'Order Completed'?", line: 8, column: 8, endLine: 8, endColumn: 17 }],
    },
    {
      ...node(`declare const message: { userId: string; event?: 'Sign Up' };\nclient.track(message as { userId: string; event?: 'Sign Up' }, () => {});`, 'an optional event field, a cast and a callback'),
      errors: [{ message: "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?", line: 4, column: 14, endLine: 4, endColumn: 62 }],
    },
    {
      ...node(`const message = { userId: 'u1', name: 'Product Detial' as const, properties: { product_id: 'p1' } };\nclient.page(message);`, 'a page message'),
      errors: [{ message: "Page 'Product Detial' is not in the tracking plan. Did you mean 'Product Detail'?", line: 4, column: 13, endLine: 4, endColumn: 20 }],
    },
    {
      ...node(
        `interface Paid { userId: string; event: 'Order Completed' | 'Ordr Completed'; properties: { order_id: string; total: number; currency: 'USD' } }\nfunction send(message: Paid) {\n  client.track(message);\n}\nsend({ userId: 'u1', event: 'Order Complete', properties: { order_id: 'o1', total: 1, currency: 'USD' } });\ndeclare const paid: Paid;\nsend(paid);`,
        "a wrapper that forwards the message: its call sites are judged, a literal at the literal, a variable at the variable; not the forwarding call's own type",
      ),
      errors: [
        { message: "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?", line: 7, column: 29, endLine: 7, endColumn: 45 },
        { message: "Event 'Ordr Completed' is not in the tracking plan. Did you mean 'Order Completed'?", line: 9, column: 6, endLine: 9, endColumn: 10 },
      ],
    },
  ],
});

const DYNAMIC_FIELD = (type: string, what = 'event', field = 'event') =>
  `The ${what} name cannot be resolved statically (the '${field}' property of this argument has type '${type}'), so it cannot be checked against the tracking plan. Give that property a string literal type or a union of literals (for example with \`as const\`).`;

runRuleTests('dynamic-event-name', {
  valid: [
    node(`const message = { userId: 'u1', event: 'Order Completed' as const, ${COMPLETE} };\nclient.track(message);`),
    node(`function send(message: TrackParams) {\n  client.track(message);\n}\nsend({ userId: 'u1', event: 'Signed Up' });`, "a wrapper's forwarding call: its call sites are judged"),
    node(`declare const traits: { userId: string; traits: { name: string } };\nclient.identify(traits);`, 'identify has no name'),
  ],
  invalid: [
    {
      ...node(`declare const message: TrackParams;\nclient.track(message);`, "the SDK's own message type: the message names the field's type, not the object's"),
      errors: [{ message: DYNAMIC_FIELD('string'), line: 4, column: 14, endLine: 4, endColumn: 21 }],
    },
    {
      ...node(`const message = { userId: 'u1', event: 'Order Completed', ${COMPLETE} };\nclient.track(message);`, 'a const object without as const widens its event to string'),
      errors: [{ message: DYNAMIC_FIELD('string'), line: 4, column: 14, endLine: 4, endColumn: 21 }],
    },
    {
      ...node(`declare const message: { userId: string; name: string };\nclient.page(message);`, 'a page message'),
      errors: [{ message: DYNAMIC_FIELD('string', 'page', 'name'), line: 4, column: 13, endLine: 4, endColumn: 20 }],
    },
    {
      ...node(`function send(message: TrackParams) {\n  client.track(message);\n}\ndeclare const message: TrackParams;\nsend(message);`, "a wrapper's call site passing a message whose event is a string"),
      errors: [{ message: DYNAMIC_FIELD('string'), line: 7, column: 6, endLine: 7, endColumn: 13 }],
    },
  ],
});

runRuleTests('missing-required-property', {
  valid: [
    node(`const message = { userId: 'u1', event: 'Order Completed' as const, ${COMPLETE} };\nclient.track(message);`),
    node(`interface Paid { userId: string; event: 'Order Completed'; properties?: { order_id: string; total: number; currency: 'USD' } }\ndeclare const message: Paid;\nclient.track(message);`, 'an optional properties field is judged by what it holds'),
    node(
      `type Sent = { userId: string; event: 'Order Completed'; properties: { order_id: string; total: number; currency: 'USD' } } | { userId: string; event: 'Signed Up'; properties: { method: 'email' } };\ndeclare const message: Sent;\nclient.track(message);`,
      'a union of messages: its properties are not paired with its names, so none are judged',
    ),
  ],
  invalid: [
    {
      ...node(`const message = { userId: 'u1', event: 'Order Completed' as const, properties: { total: 1 } };\nclient.track(message);`, 'the issue: a message in a variable'),
      errors: [
        { message: "Missing required property 'order_id' of event 'Order Completed'.", line: 4, column: 14, endLine: 4, endColumn: 21 },
        { message: "Missing required property 'currency' of event 'Order Completed'.", line: 4, column: 14, endLine: 4, endColumn: 21 },
      ],
    },
    {
      ...node(`const message = { userId: 'u1', event: 'Order Completed' as const };\nclient.track(message);`, 'a message without properties'),
      errors: [
        { message: "Missing required property 'order_id' of event 'Order Completed'.", line: 4, column: 14, endLine: 4, endColumn: 21 },
        { message: "Missing required property 'total' of event 'Order Completed'.", line: 4, column: 14, endLine: 4, endColumn: 21 },
        { message: "Missing required property 'currency' of event 'Order Completed'.", line: 4, column: 14, endLine: 4, endColumn: 21 },
      ],
    },
    {
      ...node(`const traits = { plan: 'pro' as const };\nconst message = { userId: 'u1', traits };\nclient.identify(message);`, 'identify traits'),
      errors: [{ message: "Missing required property 'name' of identify traits.", line: 5, column: 17, endLine: 5, endColumn: 24 }],
    },
    {
      ...node(`declare const message: { userId: string; groupId: string; traits: {} };\nclient.group(message);`, 'group traits'),
      errors: [{ message: "Missing required property 'employees' of group traits.", line: 4, column: 14, endLine: 4, endColumn: 21 }],
    },
  ],
});

runRuleTests('property-type', {
  valid: [node(`const message = { userId: 'u1', event: 'Order Completed' as const, ${COMPLETE} };\nclient.track(message);`)],
  invalid: [
    {
      ...node(`interface Paid { userId: string; event: 'Order Completed'; properties: { order_id: string; total: string; currency: 'USD' } }\ndeclare const message: Paid;\nclient.track(message);`),
      errors: [{ message: "Property 'total' of event 'Order Completed' should be number, but the value is string.", line: 5, column: 14, endLine: 5, endColumn: 21 }],
    },
    {
      ...node(`interface Paid { userId: string; event: 'Order Completed'; properties: { order_id?: string; total: number; currency: 'USD' } }\ndeclare const message: Paid;\nclient.track(message);`, 'optionality comes from the type'),
      errors: [{ message: "Property 'order_id' is required by event 'Order Completed', but the value may be undefined (string | undefined).", line: 5, column: 14, endLine: 5, endColumn: 21 }],
    },
  ],
});

runRuleTests('unknown-property', {
  valid: [node(`const message = { userId: 'u1', event: 'Order Completed' as const, ${COMPLETE} };\nclient.track(message);`)],
  invalid: [
    {
      ...node(`const message = { userId: 'u1', event: 'Order Completed' as const, properties: { order_id: 'o1', totl: 10, currency: 'USD' } };\nclient.track(message);`),
      errors: [{ message: "Property 'totl' is not in the tracking plan for event 'Order Completed'. Did you mean 'total'?", line: 4, column: 14, endLine: 4, endColumn: 21 }],
    },
  ],
});

runRuleTests('property-value', {
  valid: [node(`const message = { userId: 'u1', event: 'Order Completed', properties: { order_id: 'o1', total: 10, currency: 'USD' } } as const;\nclient.track(message);`)],
  invalid: [
    {
      ...node(`const message = { userId: 'u1', event: 'Order Completed', properties: { order_id: 'o1', total: 10, currency: 'YEN' } } as const;\nclient.track(message);`),
      errors: [{ message: 'Property \'currency\' of event \'Order Completed\' must be one of "USD", "EUR", "GBP"; found "YEN".', line: 4, column: 14, endLine: 4, endColumn: 21 }],
    },
  ],
});
