import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('dynamic-event-name', {
  valid: [
    `analytics.track('Signed Up');`,
    `const n = 'Signed Up';\nanalytics.track(n);`,
    `declare const n: 'Signed Up' | 'Order Completed';\nanalytics.track(n);`,
    { name: 'a template whose parts are literal types', code: `declare const kind: 'Signed' | 'Logged';\nanalytics.track(\`\${kind} Up\`);` },
    { name: 'identify has no name', code: `declare const id: string;\nanalytics.identify(id);` },
  ],
  invalid: [
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
