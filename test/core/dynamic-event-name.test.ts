import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('dynamic-event-name', {
  valid: [
    `analytics.track('Signed Up');`,
    `const n = 'Signed Up';\nanalytics.track(n);`,
    { name: 'a nested as const map', code: `const EVENTS = { account: { SIGNED_UP: 'Signed Up' } } as const;\nanalytics.track(EVENTS.account.SIGNED_UP);` },
    { name: 'an imported constant', code: `import { SIGNED_UP } from './events';\nanalytics.track(SIGNED_UP);`, files: { '/events.ts': `export const SIGNED_UP = 'Signed Up';\n` } },
    { name: 'a re-exported enum', code: `import { Events } from './index';\nanalytics.track(Events.SignedUp);`, files: { '/index.ts': `export * from './events';\n`, '/events.ts': `export enum Events { SignedUp = 'Signed Up' }\n` } },
    `declare const n: 'Signed Up' | 'Order Completed';\nanalytics.track(n);`,
    { name: 'a template whose parts are literal types', code: `declare const kind: 'Signed' | 'Logged';\nanalytics.track(\`\${kind} Up\`);` },
    { name: 'identify has no name', code: `declare const id: string;\nanalytics.identify(id);` },
  ],
  invalid: [
    {
      name: 'a const annotated as string holds any string, whatever its initializer',
      code: `const n: string = 'Signed Up';\nanalytics.track(n);`,
      errors: [{ message: "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.", line: 2, column: 17, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'a let may be reassigned',
      code: `let n = 'Signed Up';\nanalytics.track(n);`,
      errors: [{ message: "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.", line: 2, column: 17, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'a map without as const has string values',
      code: `const EVENTS = { SIGNED_UP: 'Signed Up' };\nanalytics.track(EVENTS.SIGNED_UP);`,
      errors: [{ message: "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.", line: 2, column: 17, endLine: 2, endColumn: 33 }],
    },
    {
      code: `declare const name: string;\nanalytics.track(name);`,
      errors: [
        {
          message: "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.",
          line: 2, column: 17, endLine: 2, endColumn: 21,
        },
      ],
    },
    {
      code: `declare const id: string;\nanalytics.track(\`Read Blog Post - \${id}\`);`,
      errors: [
        {
          message: "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.",
          line: 2, column: 17, endLine: 2, endColumn: 41,
        },
      ],
    },
  ],
});
