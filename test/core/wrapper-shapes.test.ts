import { describeRef } from '../../server/src/core/analysis/wrapperModel';
import { runFindingCases, type FindingCase } from '../helpers/findingCases';

/**
 * The wrapper shapes real code uses beyond `trackEvent(name, props)`: the name and properties taken out
 * of one payload, a message built inside the wrapper, calls made from a closure, and wrappers called
 * through `runOnJS(fn)(…)`, `fn.call(…)` and `fn.apply(…)`. Same table as wrappers.test.ts: `findings` are
 * exactly what the caller's file reports (every rule), the other files report nothing unless `elsewhere`
 * says so, and `wrapper` is what `tracklint wrappers` says of the case's wrapper (null: no wrapper).
 */

interface WrapperShape {
  name: string;
  event: string;
  properties: string;
  maps: string;
}

const SDK = `declare const analytics: { track(event: string, properties?: object): void };`;
const NODE_SDK = `declare const analytics: { track(message: { userId?: string; event: string; properties?: object }): void };`;
/** The Node SDK as a package: any receiver typed by it is the SDK, whatever its name (`this.client`). */
const NODE_PACKAGE = {
  '/node_modules/@segment/analytics-node/package.json': JSON.stringify({ name: '@segment/analytics-node', types: 'index.d.ts' }),
  '/node_modules/@segment/analytics-node/index.d.ts': `export interface TrackParams { userId?: string; anonymousId?: string; event: string; properties?: Record<string, unknown> }\nexport declare class Analytics {\n  constructor(settings: { writeKey: string });\n  track(params: TrackParams): void;\n}`,
};
const RUN_ON_JS = `declare function runOnJS<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => void;`;
const DYNAMIC = "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.";
const UNKNOWN_SIGNED_UPP = "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?";
const METHOD_SSO = 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".';

const cases: FindingCase<WrapperShape>[] = [
  // 1. The name and the properties taken out of one payload argument.
  {
    name: 'destructured in the parameter list, the rest as the properties: trackEvent({ eventName, ...props })',
    code: `${SDK}\nexport function trackEvent({ eventName, ...props }: { eventName: string; [key: string]: unknown }) {\n  analytics.track(eventName, props);\n}\ntrackEvent({ eventName: 'Order Completed', order_id: 1, total: 2 });\ntrackEvent({ eventName: 'Signed Upp' });`,
    findings: [
      ['missing-required-property', 5, 12, 5, 67, "Missing required property 'currency' of event 'Order Completed'."],
      ['property-type', 5, 54, 5, 55, "Property 'order_id' of event 'Order Completed' should be string, but the value is 1."],
      ['unknown-event', 6, 25, 6, 37, UNKNOWN_SIGNED_UPP],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0 .eventName', properties: 'arg 0 without .eventName', maps: 'analytics.track' },
  },
  {
    name: 'destructured in the body: const { eventName, ...properties } = payload, a typed payload passed whole',
    code: `${SDK}\ninterface Payload { eventName: string; [key: string]: unknown }\nexport function trackEvent(payload: Payload) {\n  const { eventName, ...properties } = payload;\n  analytics.track(eventName, properties);\n}\ntrackEvent({ eventName: 'Signed Up', method: 'sso' });\ndeclare const typed: { eventName: 'Signed Up'; method: 'sso' };\ntrackEvent(typed);`,
    findings: [
      ['property-value', 7, 46, 7, 51, METHOD_SSO],
      ['property-value', 9, 12, 9, 17, METHOD_SSO],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0 .eventName', properties: 'arg 0 without .eventName', maps: 'analytics.track' },
  },
  {
    name: 'a union name out of a payload: every member judged, each against the rest as the properties',
    code: `${SDK}\nexport function trackEvent({ eventName, ...props }: { eventName: string; [key: string]: unknown }) {\n  analytics.track(eventName, props);\n}\ndeclare const flag: boolean;\ntrackEvent({ eventName: flag ? 'Signed Up' : 'Signed Upp', method: 'sso' });`,
    findings: [
      ['unknown-event', 6, 46, 6, 58, UNKNOWN_SIGNED_UPP],
      ['property-value', 6, 68, 6, 73, METHOD_SSO],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0 .eventName', properties: 'arg 0 without .eventName', maps: 'analytics.track' },
  },
  {
    name: 'a fallback name: eventName || "Unknown" and name ?? MISSING; a caller passing nothing is not judged',
    code: `${SDK}\nconst MISSING = 'Missing Event';\nexport function trackEvent(eventName?: string, props?: object) {\n  analytics.track(eventName || 'Unknown', props);\n}\nexport function trackOther(payload: { name?: string }) {\n  analytics.track(payload.name ?? MISSING);\n}\ntrackEvent('Signed Upp');\ntrackEvent();\ntrackOther({ name: 'Signed Upp' });\ntrackOther({});`,
    findings: [
      ['unknown-event', 9, 12, 9, 24, UNKNOWN_SIGNED_UPP],
      ['unknown-event', 11, 20, 11, 32, UNKNOWN_SIGNED_UPP],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: "default parameters: name = 'Signed Up', { eventName = 'Signed Up', ...props }",
    code: `${SDK}\nexport function trackEvent(name = 'Signed Up', props?: object) {\n  analytics.track(name, props);\n}\nexport function trackPayload({ eventName = 'Signed Up', ...props }: { eventName?: string; [key: string]: unknown }) {\n  analytics.track(eventName, props);\n}\ntrackEvent('Signed Upp');\ntrackEvent();\ntrackPayload({ eventName: 'Signed Upp' });\ntrackPayload({ method: 'sso' });`,
    findings: [
      ['unknown-event', 8, 12, 8, 24, UNKNOWN_SIGNED_UPP],
      ['unknown-event', 10, 27, 10, 39, UNKNOWN_SIGNED_UPP],
    ],
    wrapper: { name: 'trackPayload', event: 'arg 0 .eventName', properties: 'arg 0 without .eventName', maps: 'analytics.track' },
  },
  {
    name: 'a nested field: payload.data.event, payload.data.props',
    code: `${SDK}\ninterface Payload { data: { event: string; props?: object } }\nexport function trackEvent(payload: Payload) {\n  analytics.track(payload.data.event, payload.data.props);\n}\ntrackEvent({ data: { event: 'Signed Upp' } });\ntrackEvent({ data: { event: 'Signed Up', props: { method: 'sso' } } });`,
    findings: [
      ['unknown-event', 6, 29, 6, 41, UNKNOWN_SIGNED_UPP],
      ['property-value', 7, 59, 7, 64, METHOD_SSO],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0 .data.event', properties: 'arg 0 .data.props', maps: 'analytics.track' },
  },
  {
    name: 'a nested field taken out by destructuring: ({ data: { event, props } }), a typed field passed whole',
    code: `${SDK}\ninterface Data { event: string; props?: object }\nexport function trackEvent({ data: { event, props } }: { data: Data }) {\n  analytics.track(event, props);\n}\ntrackEvent({ data: { event: 'Signed Upp' } });\ndeclare const typed: { event: 'Signed Up'; props: { method: 'sso' } };\ntrackEvent({ data: typed });`,
    findings: [
      ['unknown-event', 6, 29, 6, 41, UNKNOWN_SIGNED_UPP],
      ['property-value', 8, 20, 8, 25, METHOD_SSO],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0 .data.event', properties: 'arg 0 .data.props', maps: 'analytics.track' },
  },
  {
    name: 'not a wrapper: a payload whose fields are properties, under a fixed name',
    code: `${SDK}\nexport function trackOrder({ orderId, ...rest }: { orderId: string; total: number }) {\n  analytics.track('Order Completed', { order_id: orderId, currency: 'USD', ...rest });\n}\ntrackOrder({ orderId: 'o1', total: 1 });`,
    findings: [],
    wrapper: null,
  },
  {
    name: 'not a wrapper: a fallback after a changed name is dynamic once, at the wrapper',
    code: `${SDK}\ndeclare function normalize(s: string): string;\nexport function trackEvent(eventName: string) {\n  analytics.track(normalize(eventName) || 'Unknown');\n}\ntrackEvent('Nope');`,
    findings: [['dynamic-event-name', 4, 19, 4, 52, DYNAMIC]],
    wrapper: null,
  },
  // 2. A message built inside the wrapper from its arguments.
  {
    name: 'a message built in a const: const message: TrackParams = { event: data.event, userId, properties: data.props }',
    code: `import { Analytics, type TrackParams } from '@segment/analytics-node';\nconst client = new Analytics({ writeKey: 'k' });\nexport function send(userId: string, data: { event: string; props?: Record<string, unknown> }) {\n  const message: TrackParams = { event: data.event, userId, properties: data.props };\n  client.track(message);\n}\nsend('u1', { event: 'Signed Upp' });\nsend('u1', { event: 'Signed Up', props: { method: 'sso' } });`,
    files: NODE_PACKAGE,
    findings: [
      ['unknown-event', 7, 21, 7, 33, UNKNOWN_SIGNED_UPP],
      ['property-value', 8, 51, 8, 56, METHOD_SSO],
    ],
    wrapper: { name: 'send', event: 'arg 1 .event', properties: 'arg 1 .props', maps: 'client.track' },
  },
  {
    name: 'a message written in place with a spread base: client.track({ ...base, event: name, properties })',
    code: `${NODE_SDK}\nconst base = { userId: 'u1' };\nexport function send(name: string, properties?: object) {\n  analytics.track({ ...base, event: name, properties });\n}\nsend('Signed Upp');\nsend('Signed Up', { method: 'sso' });`,
    findings: [
      ['unknown-event', 6, 6, 6, 18, UNKNOWN_SIGNED_UPP],
      ['property-value', 7, 29, 7, 34, METHOD_SSO],
    ],
    wrapper: { name: 'send', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'not a wrapper: a message built with a fixed event and the parameter in its properties',
    code: `${NODE_SDK}\nexport function signedUp(userId: string, method: 'email' | 'google') {\n  const message = { event: 'Signed Up' as const, userId, properties: { method } };\n  analytics.track(message);\n}\nsignedUp('u1', 'email');`,
    findings: [],
    wrapper: null,
  },
  // 3. Sent from a closure inside the wrapper.
  {
    name: 'a class method that sends from a queued closure: this.enqueue(() => this.client.track(…))',
    code: `import { Analytics } from '@segment/analytics-node';\nexport class Tracker {\n  private client = new Analytics({ writeKey: 'k' });\n  private queue: (() => void)[] = [];\n  private enqueue(job: () => void) {\n    this.queue.push(job);\n  }\n  track(event: string, properties?: Record<string, unknown>) {\n    this.enqueue(() => this.client.track({ userId: 'u1', event, properties }));\n  }\n}\nnew Tracker().track('Signed Upp');\nnew Tracker().track('Signed Up', { method: 'sso' });`,
    files: NODE_PACKAGE,
    findings: [
      ['unknown-event', 12, 21, 12, 33, UNKNOWN_SIGNED_UPP],
      ['property-value', 13, 44, 13, 49, METHOD_SSO],
    ],
    wrapper: { name: 'Tracker.track', event: 'arg 0', properties: 'arg 1', maps: 'this.client.track' },
  },
  {
    name: 'queueMicrotask, setTimeout and a promise .then around the call',
    code: `${SDK}\ndeclare const ready: Promise<void>;\nexport function trackSoon(name: string, p?: object) {\n  queueMicrotask(() => analytics.track(name, p));\n}\nexport function trackLater(name: string) {\n  setTimeout(() => analytics.track(name), 0);\n}\nexport function trackWhenReady(name: string) {\n  return ready.then(() => analytics.track(name));\n}\ntrackSoon('Signed Up', { method: 'sso' });\ntrackLater('Signed Upp');\ntrackWhenReady('Signed Upp');`,
    findings: [
      ['property-value', 12, 34, 12, 39, METHOD_SSO],
      ['unknown-event', 13, 12, 13, 24, UNKNOWN_SIGNED_UPP],
      ['unknown-event', 14, 16, 14, 28, UNKNOWN_SIGNED_UPP],
    ],
    wrapper: { name: 'trackSoon', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'an arrow-function class field whose closures nest, one with a parameter of its own',
    code: `${SDK}\ndeclare const session: Promise<{ id: string }>;\nexport class Analytics {\n  private jobs: (() => void)[] = [];\n  track = (name: string, props?: object) => {\n    session.then((user) => {\n      this.jobs.push(() => analytics.track(name, { ...props, user_id: user.id }));\n    });\n  };\n}\nconst service = new Analytics();\nservice.track('Signed Upp');\nservice.track('Signed Up', { method: 'sso' });`,
    findings: [
      ['unknown-event', 12, 15, 12, 27, UNKNOWN_SIGNED_UPP],
      ['property-value', 13, 38, 13, 43, METHOD_SSO],
    ],
    wrapper: { name: 'Analytics.track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'not a wrapper: a closure that sends a fixed name',
    code: `${SDK}\nexport function later(method: 'email' | 'google') {\n  setTimeout(() => analytics.track('Signed Up', { method }), 0);\n}\nlater('email');`,
    findings: [],
    wrapper: null,
  },
  // Higher-order pass-through.
  {
    name: "runOnJS(trackEvent)(name, props): react-native-reanimated's hop back to JS",
    code: `${SDK}\n${RUN_ON_JS}\nexport function trackEvent(name: string, props?: object) {\n  analytics.track(name, props);\n}\nrunOnJS(trackEvent)('Signed Upp');\nrunOnJS(trackEvent)('Signed Up', { method: 'sso' });`,
    findings: [
      ['unknown-event', 6, 21, 6, 33, UNKNOWN_SIGNED_UPP],
      ['property-value', 7, 44, 7, 49, METHOD_SSO],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'fn.call(thisArg, name, props) and fn.apply(thisArg, [name, props]), also inside a wrapper',
    code: `${SDK}\nexport function trackEvent(name: string, props?: object) {\n  analytics.track(name, props);\n}\nexport function trackOrder(step: string) {\n  trackEvent.call(undefined, \`Order \${step}\`);\n}\ntrackEvent.call(null, 'Signed Upp');\ntrackEvent.apply(null, ['Signed Up', { method: 'sso' }]);\ntrackOrder('Complete');`,
    findings: [
      ['unknown-event', 8, 23, 8, 35, UNKNOWN_SIGNED_UPP],
      ['property-value', 9, 48, 9, 53, METHOD_SSO],
      ['unknown-event', 10, 12, 10, 22, "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"],
    ],
    wrapper: { name: 'trackEvent', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'not a pass-through: runOnJS, call and apply of functions that are no wrappers',
    code: `${SDK}\n${RUN_ON_JS}\nexport function signedUp(method: 'email' | 'google') {\n  analytics.track('Signed Up', { method });\n}\nrunOnJS(signedUp)('email');\nsignedUp.call(null, 'google');\nsignedUp.apply(null, ['email']);\nconsole.log.call(console, 'Signed Upp');`,
    findings: [],
    wrapper: null,
  },
];

// As `tracklint wrappers` prints them.
runFindingCases('wrapper shapes: findings at call sites', cases, (w): WrapperShape => ({ name: w.name, event: describeRef(w.event), properties: describeRef(w.properties), maps: [...w.chain, w.target].join(' → ') }));
