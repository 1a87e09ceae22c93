import { runRuleTests } from '../helpers/ruleTester';

/**
 * What `dynamic-event-name` says is dynamic is the name, never the message around it: a name typed with
 * `null` or `undefined` beside its strings is judged on the strings, and a message whose type cannot be
 * resolved (its package is not installed) is read from the object literal that built it.
 */

const DYNAMIC = (type: string) =>
  `The event name cannot be resolved statically (its type is '${type}'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.`;
const DYNAMIC_FIELD = (field: string, type: string) =>
  `The event name cannot be resolved statically (the '${field}' property of this argument has type '${type}'), so it cannot be checked against the tracking plan. Give that property a string literal type or a union of literals (for example with \`as const\`).`;
const UNRESOLVED = (type: string) =>
  `The event name cannot be resolved statically: the type of this argument, '${type}', cannot be resolved (is its package installed? Run npm install), so it cannot be checked against the tracking plan.`;

/** The Node SDK's message type, imported from a package that is not installed: an unresolved type. */
const UNINSTALLED = `import { Analytics, type TrackParams } from '@segment/analytics-node';\nconst segment = new Analytics({ writeKey: 'k' });\n`;

runRuleTests('dynamic-event-name', {
  valid: [
    { name: 'a union of literals with null is judged on its strings', code: `declare const n: 'Signed Up' | 'Order Completed' | null;\nanalytics.track(n);` },
    { name: 'a literal or undefined', code: `declare const n: 'Signed Up' | undefined;\nanalytics.track(n);` },
    { name: 'an optional parameter of literal type', code: `export function f(n?: 'Signed Up') {\n  analytics.track(n ?? 'Order Completed');\n}` },
    {
      name: 'an unresolved message built from an object literal whose event is a literal',
      code: `${UNINSTALLED}const message: TrackParams = { event: 'Signed Up', userId: 'u1' };\nsegment.track(message);`,
    },
  ],
  invalid: [
    {
      name: 'null alone is no name',
      code: `declare const n: null;\nanalytics.track(n);`,
      errors: [{ message: DYNAMIC('null'), line: 2, column: 17, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'a string or null is dynamic on its string',
      code: `declare const n: string | null;\nanalytics.track(n);`,
      errors: [{ message: DYNAMIC('string | null'), line: 2, column: 17, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'an unresolved message built from an argument: the type of its event field, not of the message',
      code: `${UNINSTALLED}export function send(data: { event: string }, userId: string) {\n  const message: TrackParams = { event: data.event, userId };\n  segment.track(message);\n}`,
      errors: [{ message: DYNAMIC_FIELD('event', 'string'), line: 5, column: 17, endLine: 5, endColumn: 24 }],
    },
    {
      name: 'an unresolved message with nothing to read: says that its type cannot be resolved',
      code: `${UNINSTALLED}declare const message: TrackParams;\nsegment.track(message);`,
      errors: [{ message: UNRESOLVED('TrackParams'), line: 4, column: 15, endLine: 4, endColumn: 22 }],
    },
  ],
});

runRuleTests('unknown-event', {
  valid: [`declare const n: 'Signed Up' | 'Order Completed' | null;\nanalytics.track(n);`],
  invalid: [
    {
      name: 'each string of a union with null is checked against the plan',
      code: `declare const n: 'Signed Up' | 'Ordr Completed' | null;\nanalytics.track(n);`,
      errors: [{ message: "Event 'Ordr Completed' is not in the tracking plan. Did you mean 'Order Completed'?", line: 2, column: 17, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'the event of an unresolved message built in place is checked against the plan',
      code: `${UNINSTALLED}const message: TrackParams = { event: 'Sign Up', userId: 'u1' };\nsegment.track(message);`,
      errors: [{ message: "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?", line: 4, column: 15, endLine: 4, endColumn: 22 }],
    },
  ],
});
