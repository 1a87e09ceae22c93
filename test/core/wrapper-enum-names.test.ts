import { runFindingCases, type FindingCase } from '../helpers/findingCases';

/**
 * A wrapper whose name parameter is typed as an enum or a union of literals: what it may send is the
 * type's members, what it does send is what its callers pass. Each case lists exactly what the caller's
 * file reports (every rule); the wrapper's own file reports nothing unless `elsewhere` says so.
 */

const SDK = `declare const analytics: { track(event: string, properties?: object): void };`;
/** Members: one planned, one misspelt that a caller passes, one misspelt that no caller passes. */
const ENUM = `export enum AnalyticsEvent {\n  OrderCompleted = 'Order Completed',\n  SignedUp = 'Signed Upp',\n  NeverSent = 'Nevr Sent',\n}`;

const cases: FindingCase[] = [
  {
    name: 'an enum-typed parameter: each call site judged on the member it passes, nothing at the forwarding line',
    code: `import { AnalyticsEvent } from './events';\nimport { track } from './track';\ntrack(AnalyticsEvent.OrderCompleted, { order_id: 'o1', total: 1, currency: 'USD' });\ntrack(AnalyticsEvent.SignedUp, {});`,
    files: {
      '/events.ts': ENUM,
      '/track.ts': `${SDK}\nimport { AnalyticsEvent } from './events';\nexport function track(event: AnalyticsEvent, props: Record<string, unknown>) {\n  analytics.track(event, props);\n}`,
    },
    findings: [['unknown-event', 4, 7, 4, 30, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
  },
  {
    name: 'a call site passing a value of the enum type sends every member: judged there',
    code: `import { AnalyticsEvent } from './events';\nimport { track } from './track';\ndeclare const chosen: AnalyticsEvent;\ntrack(chosen, {});`,
    files: {
      '/events.ts': ENUM,
      '/track.ts': `${SDK}\nimport { AnalyticsEvent } from './events';\nexport const track = (event: AnalyticsEvent, props: object) => analytics.track(event, props);`,
    },
    findings: [
      ['unknown-event', 4, 7, 4, 13, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['unknown-event', 4, 7, 4, 13, "Event 'Nevr Sent' is not in the tracking plan."],
      ['missing-required-property', 4, 15, 4, 17, "Missing required property 'order_id' of event 'Order Completed'."],
      ['missing-required-property', 4, 15, 4, 17, "Missing required property 'total' of event 'Order Completed'."],
      ['missing-required-property', 4, 15, 4, 17, "Missing required property 'currency' of event 'Order Completed'."],
    ],
  },
  {
    name: 'a string-literal union parameter: track(\'Signed Upp\') judged at the call site',
    code: `${SDK}\ntype EventName = 'Order Completed' | 'Signed Upp' | 'Nevr Sent';\nfunction track(event: EventName, props?: object) {\n  analytics.track(event, props);\n}\ntrack('Signed Upp');\ntrack('Order Completed', { order_id: 'o1', total: 1, currency: 'USD' });`,
    findings: [['unknown-event', 6, 7, 6, 19, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
  },
  {
    name: 'a class method with an enum parameter, called through the injected service',
    code: `import { AnalyticsEvent } from './events';\nimport { AnalyticsService } from './service';\nexport class Checkout {\n  constructor(private readonly analyticsService: AnalyticsService) {}\n  done() {\n    this.analyticsService.track(AnalyticsEvent.SignedUp);\n  }\n}`,
    files: {
      '/events.ts': ENUM,
      '/service.ts': `${SDK}\nimport { AnalyticsEvent } from './events';\nexport class AnalyticsService {\n  track(event: AnalyticsEvent, properties: object = {}) {\n    analytics.track(event, { ...properties, app: 'web' });\n  }\n}`,
    },
    findings: [['unknown-event', 6, 33, 6, 56, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
  },
  {
    name: 'a wrapper nobody calls sends nothing: its enum is not judged at its forwarding line',
    code: `${SDK}\nenum Ev { A = 'Nope', B = 'Signed Up' }\nexport function track(event: Ev) {\n  analytics.track(event);\n}`,
    findings: [],
  },
  {
    name: 'a fixed name inside the wrapper beside the forwarded one is still judged there',
    code: `${SDK}\nenum Ev { A = 'Nope' }\nexport function track(event: Ev) {\n  analytics.track(event);\n  analytics.track('Wrapper Used');\n}`,
    findings: [['unknown-event', 5, 19, 5, 33, "Event 'Wrapper Used' is not in the tracking plan."]],
  },
];

runFindingCases('wrappers with an enum or union name parameter: judged at the call sites', cases);
