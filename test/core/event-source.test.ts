import { runRuleTests } from '../helpers/ruleTester';

/**
 * The plan sits at /plan.yaml and each case in its own folder (/valid-0/...), so the globs start with
 * `*` for the case folder: a file's path is taken relative to the plan file's folder.
 */
const PLAN = `
sources:
  web: ["*/apps/web/**"]
  ios: ["*/apps/ios/**"]
  server: ["*/services/**", "*/apps/**/server/**"]
events:
  Order Completed: { sources: [web, ios] }
  Refund Issued: { sources: [server] }
  Signed Up: {}
  Never Sent Anywhere: { sources: [] }
pages:
  Pricing: { sources: [web] }
`;

runRuleTests('event-source', {
  valid: [
    { name: 'an event planned for the source of its file', plan: PLAN, fileName: 'apps/web/checkout.ts', code: `analytics.track('Order Completed');` },
    { name: 'one of several planned sources', plan: PLAN, fileName: 'apps/ios/checkout.ts', code: `analytics.track('Order Completed');` },
    { name: 'an event without sources: may be sent from anywhere', plan: PLAN, fileName: 'services/auth.ts', code: `analytics.track('Signed Up');` },
    { name: 'a file of no source is not judged', plan: PLAN, fileName: 'scripts/backfill.ts', code: `analytics.track('Refund Issued');` },
    { name: 'off-plan names are for unknown-event', plan: PLAN, fileName: 'services/x.ts', code: `analytics.track('Not Planned');` },
    { name: 'a plan without sources: judges nothing', fileName: 'services/x.ts', code: `analytics.track('Signed Up');` },
    {
      name: 'the first matching source wins: apps/web/server is web, not server',
      plan: PLAN,
      fileName: 'apps/web/server/render.ts',
      code: `analytics.track('Order Completed');`,
    },
  ],
  invalid: [
    {
      name: 'an event planned for web and ios sent from a service',
      plan: PLAN,
      fileName: 'services/payments.ts',
      code: `analytics.track('Order Completed', {});`,
      errors: [
        {
          message: "Event 'Order Completed' is planned for sources 'web', 'ios', but this file belongs to source 'server'.",
          line: 1, column: 17, endLine: 1, endColumn: 34,
          data: { eventName: 'Order Completed' },
        },
      ],
    },
    {
      name: 'a server event sent from the web app, through a constant and a union',
      plan: PLAN,
      fileName: 'apps/web/admin.ts',
      code: `const REFUND = 'Refund Issued';\ndeclare const ok: boolean;\nanalytics.track(ok ? 'Order Completed' : REFUND);`,
      errors: [
        {
          message: "Event 'Refund Issued' is planned for source 'server', but this file belongs to source 'web'.",
          line: 3, column: 42, endLine: 3, endColumn: 48,
        },
      ],
    },
    {
      name: 'an empty sources: list allows no source; pages are judged too',
      plan: PLAN,
      fileName: 'apps/web/pricing.ts',
      code: `analytics.track('Never Sent Anywhere');\nanalytics.page('Pricing');`,
      errors: [{ message: "Event 'Never Sent Anywhere' is planned for no source, but this file belongs to source 'web'.", line: 1, column: 17, endLine: 1, endColumn: 38 }],
    },
    {
      name: 'a page from another source',
      plan: PLAN,
      fileName: 'apps/ios/pricing.ts',
      code: `analytics.page('Pricing');`,
      errors: [{ message: "Page 'Pricing' is planned for source 'web', but this file belongs to source 'ios'.", line: 1, column: 16, endLine: 1, endColumn: 25 }],
    },
  ],
});
