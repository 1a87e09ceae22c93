import { BASE_PLAN } from '../helpers/basePlan';
import { runRuleTests } from '../helpers/ruleTester';

const message = (what: string) =>
  `The user id of identify is an email address (${what}). Identify users by the internal, immutable user id (the database id): an email changes, and every destination would see a new user. Send the email as a trait instead.`;

const DECLARED_IDENTIFY_PLAN = `${BASE_PLAN}
callees:
  - callee: identifyUser
    kind: identify
`;

runRuleTests('identify-user-id', {
  valid: [
    { name: "the guide's good example: the database id, with the email as a trait", code: `declare const user: { id: string; email: string };\nanalytics.identify(user.id, { email: user.email });` },
    `analytics.identify('97980cfea0067', { name: 'Jane' });`,
    { name: 'Node: the internal id', code: `declare const user: { id: string };\nanalytics.identify({ userId: user.id, traits: { name: 'Jane' } });` },
    { name: 'traits only: no user id', code: `analytics.identify({ name: 'Jane' });` },
    { name: 'anonymous identify', code: `analytics.identify();` },
    { name: 'a string literal without @', code: `analytics.identify('user_123');` },
    { name: 'through a declared wrapper, the internal id', code: `declare function identifyUser(id: string, traits?: object): void;\ndeclare const user: { id: string; email: string };\nidentifyUser(user.id, { email: user.email });`, plan: DECLARED_IDENTIFY_PLAN },
    { name: 'track calls are not identify calls', code: `declare const email: string;\nanalytics.track(email);` },
  ],
  invalid: [
    {
      name: "the guide's bad example: an email literal as the user id",
      code: `analytics.identify('jane@example.com', { name: 'Jane' });`,
      errors: [{ message: message("'jane@example.com'"), line: 1, column: 20, endLine: 1, endColumn: 38 }],
    },
    {
      name: 'a property named email',
      code: `declare const user: { id: string; email: string };\nanalytics.identify(user.email, { name: 'Jane' });`,
      errors: [{ message: message('`user.email`'), line: 2, column: 20, endLine: 2, endColumn: 30 }],
    },
    {
      name: 'a variable named email',
      code: `declare const email: string;\nanalytics.identify(email);`,
      errors: [{ message: message('`email`'), line: 2, column: 20, endLine: 2, endColumn: 25 }],
    },
    {
      name: 'Node: identify({ userId: user.email })',
      code: `declare const user: { id: string; email: string };\nanalytics.identify({ userId: user.email, traits: { name: 'Jane' } });`,
      errors: [{ message: message('`user.email`'), line: 2, column: 30, endLine: 2, endColumn: 40 }],
    },
    {
      name: 'a type that says email',
      code: 'type Address = `${string}@${string}`;\ndeclare const who: Address;\nanalytics.identify(who);',
      errors: [{ message: message("`who` of type '`${string}@${string}`'"), line: 3, column: 20, endLine: 3, endColumn: 23 }],
    },
    {
      name: 'a const holding an email',
      code: `const ADMIN = 'admin@example.com';\nanalytics.identify(ADMIN);`,
      errors: [{ message: message("'admin@example.com'"), line: 2, column: 20, endLine: 2, endColumn: 25 }],
    },
    {
      name: 'through a declared identify wrapper',
      code: `declare function identifyUser(id: string, traits?: object): void;\ndeclare const user: { id: string; email: string };\nidentifyUser(user.email, { name: 'Jane' });`,
      plan: DECLARED_IDENTIFY_PLAN,
      errors: [{ message: message('`user.email`'), line: 3, column: 14, endLine: 3, endColumn: 24 }],
    },
  ],
});
