import { describeRef } from '../../server/src/core/analysis/wrapperModel';
import { MAX_CHAIN_DEPTH } from '../../server/src/core/analysis/wrappers';
import { runFindingCases, type FindingCase } from '../helpers/findingCases';

/**
 * Wrapper inference, RuleTester style: each case is a wrapper shape and its callers; `findings` are
 * exactly what the caller's file reports (every rule), and the other files of the case report nothing
 * unless `elsewhere` says so. `wrapper` is what inference says of the wrapper the case defines.
 */

interface WrapperShape {
  name: string;
  kind: string;
  event: string;
  properties: string;
  prefix?: string;
  suffix?: string;
  adds?: string[];
  maps: string;
}

const SDK = `declare const analytics: { track(event: string, properties?: object): void; page(name: string, properties?: object): void };`;
/** The Node SDK's object form, under the conventional name. */
const NODE_SDK = `declare const analytics: { track(message: { userId?: string; event: string; properties?: object }): void };`;
/** The SDK under the name the Segment snippet's users often give it, declared locally: recognised by that name alone. */
const SEGMENT = `declare const segment: { track(event: string, properties?: object): void };`;
const DYNAMIC = "The event name cannot be resolved statically (its type is 'string'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.";

const cases: FindingCase<WrapperShape>[] = [
  {
    name: 'positional: trackEvent(name, properties)',
    code: `${SDK}\nfunction trackEvent(name: string, properties?: Record<string, unknown>) {\n  analytics.track(name, properties);\n}\ntrackEvent('Order Complete', { order_id: 'o1' });\ntrackEvent('Signed Up', { method: 'sso' });\ntrackEvent('Order Completed', { order_id: 'o1', total: 1 });`,
    findings: [
      ['unknown-event', 5, 12, 5, 28, "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"],
      ['property-value', 6, 35, 6, 40, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
      ['missing-required-property', 7, 31, 7, 59, "Missing required property 'currency' of event 'Order Completed'."],
    ],
    wrapper: { name: 'trackEvent', kind: 'track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'object argument with fields: trackEvent({ key, properties })',
    code: `${SDK}\ninterface Payload { key: string; properties?: object }\nexport function trackEvent(payload: Payload) {\n  analytics.track(payload.key, payload.properties);\n}\ntrackEvent({ key: 'Signed Upp', properties: {} });\ntrackEvent({ key: 'Signed Up', properties: { method: 'sso' } });`,
    findings: [
      ['unknown-event', 6, 19, 6, 31, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['property-value', 7, 54, 7, 59, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
    ],
    wrapper: { name: 'trackEvent', kind: 'track', event: 'arg 0 .key', properties: 'arg 0 .properties', maps: 'analytics.track' },
  },
  {
    name: 'a redux thunk action: dispatch(trackEvent({ key, properties }))',
    code: `import { trackEvent } from './actions';\ndeclare const dispatch: (action: unknown) => void;\ndispatch(trackEvent({ key: 'Signed Upp', properties: {} }));\ndispatch(trackEvent({ key: 'Order Completed', properties: { order_id: 'o1', total: 1 } }));`,
    files: {
      '/actions.ts': `${SDK}\ninterface State { session: { currency: string } }\nexport const trackEvent =\n  ({ key, properties }: { key: string; properties?: object }) =>\n  (dispatch: (action: unknown) => void, getState: () => State) => {\n    analytics.track(key, { ...properties, currency: getState().session.currency });\n    dispatch({ type: 'analytics/tracked', key });\n  };`,
    },
    findings: [['unknown-event', 3, 28, 3, 40, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
    wrapper: { name: 'trackEvent', kind: 'track', event: 'arg 0 .key', properties: 'arg 0 .properties', adds: ['currency'], maps: 'analytics.track' },
  },
  {
    name: 'destructured parameter: ({ event, properties }) =>',
    code: `${SDK}\nexport const send = ({ event, properties }: { event: string; properties?: object }) => analytics.track(event, properties);\nsend({ event: 'Product Viewed', properties: { sku: 'X' } });`,
    findings: [
      ['missing-required-property', 3, 45, 3, 57, "Missing required property 'product_id' of event 'Product Viewed'."],
      ['property-value', 3, 52, 3, 55, 'Property \'sku\' of event \'Product Viewed\' must match the pattern /^SKU-[0-9]+$/; found "X".'],
    ],
    wrapper: { name: 'send', kind: 'track', event: 'arg 0 .event', properties: 'arg 0 .properties', maps: 'analytics.track' },
  },
  {
    name: 'class method: this.analyticsService.track(name, userId, props), with a field of its own',
    code: `${SDK}\nexport class AnalyticsService {\n  track(name: string, userId: string, props: object) {\n    analytics.track(name, { ...props, user_id: userId });\n  }\n}\nclass Checkout {\n  constructor(private analyticsService: AnalyticsService) {}\n  done() {\n    this.analyticsService.track('Order Completed', 'u1', { order_id: 'o1', total: 1 });\n  }\n}`,
    // user_id is the wrapper's own field: present, and not the call site's to answer for (the plan forbids extra keys).
    findings: [['missing-required-property', 10, 58, 10, 86, "Missing required property 'currency' of event 'Order Completed'."]],
    wrapper: { name: 'AnalyticsService.track', kind: 'track', event: 'arg 0', properties: 'arg 2', adds: ['user_id'], maps: 'analytics.track' },
  },
  {
    name: 'object method',
    code: `${SDK}\nexport const tracker = {\n  track(name: string, properties: object = {}) {\n    analytics.track(name, properties);\n  },\n};\ntracker.track('Sign Up', {});`,
    findings: [['unknown-event', 7, 15, 7, 24, "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?"]],
    wrapper: { name: 'tracker.track', kind: 'track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'arrow function held in a const',
    code: `${SDK}\nconst track = (name: string, properties?: object) => analytics.track(name, properties);\ntrack('Product Viewed', { product_id: 1 });`,
    findings: [['property-type', 3, 39, 3, 40, "Property 'product_id' of event 'Product Viewed' should be string, but the value is 1."]],
    wrapper: { name: 'track', kind: 'track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'exported, imported and re-exported',
    code: `import { logEvent } from './analytics';\nlogEvent('Purchase Completed');`,
    files: {
      '/analytics/index.ts': `export { logEvent } from './log';`,
      '/analytics/log.ts': `${SDK}\nexport function logEvent(name: string, properties?: object): void {\n  analytics.track(name, properties);\n}`,
    },
    findings: [['deprecated-event', 2, 10, 2, 30, "Event 'Purchase Completed' is deprecated in the tracking plan; use 'Order Completed' instead."]],
    wrapper: { name: 'logEvent', kind: 'track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'a hook returning the tracker: const { track } = useTracking()',
    code: `import { useTracking } from './hooks';\nexport function Button() {\n  const { track } = useTracking();\n  return () => track('Signed Up', { method: 'phone' });\n}`,
    files: {
      '/hooks.ts': `${SDK}\ndeclare function useCallback<T>(fn: T, deps: unknown[]): T;\nexport function useTracking() {\n  const track = useCallback((event: string, properties?: object) => analytics.track(event, properties), []);\n  return { track };\n}`,
    },
    findings: [['property-value', 4, 45, 4, 52, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "phone".']],
    wrapper: { name: 'useTracking.track', kind: 'track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'a hook returning the tracker function: const track = useTrack(), under any name',
    code: `import { useTrack } from './hooks';\nexport function Button() {\n  const track = useTrack();\n  const send = useTrack();\n  track('Signed Upp');\n  send('Signed Up', { method: 'sso' });\n}`,
    files: {
      '/hooks.ts': `${SDK}\ndeclare function useCallback<T>(fn: T, deps: unknown[]): T;\nexport function useTrack() {\n  return useCallback((event: string, properties?: object) => analytics.track(event, properties), []);\n}`,
    },
    findings: [
      ['unknown-event', 5, 9, 5, 21, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['property-value', 6, 31, 6, 36, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
    ],
    wrapper: { name: 'useTrack', kind: 'track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'a function returning a prefixing tracker: const send = tracker(), arrow bodies',
    plan: `events:\n  log.Signed Up: {}\n`,
    code: `${SDK}\nconst tracker = () => (event: string) => analytics.track(\`log.\${event}\`);\nconst send = tracker();\nsend('Signed Up');\nsend('Signed Upp');`,
    findings: [['unknown-event', 5, 6, 5, 18, "Event 'log.Signed Upp' is not in the tracking plan. Did you mean 'log.Signed Up'?"]],
    wrapper: { name: 'tracker', kind: 'track', event: 'arg 0', properties: '—', prefix: 'log.', maps: 'analytics.track' },
  },
  {
    name: 'a hook returning the SDK itself: const { track } = useAnalytics()',
    code: `${SDK}\nfunction useAnalytics() {\n  return analytics;\n}\nconst { track } = useAnalytics();\ntrack('Signed Upp');`,
    findings: [['unknown-event', 6, 7, 6, 19, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
    wrapper: null,
  },
  {
    name: 'a hook returning segment.track: const { track } = useTracking(), const track = useTrack()',
    code: `import { useTrack, useTracking } from './hooks';\nexport function Button() {\n  const { track } = useTracking();\n  track('Signed Upp');\n}\nexport function Link() {\n  const track = useTrack();\n  track('Signed Up', { method: 'sso' });\n}`,
    files: {
      '/hooks.ts': `${SEGMENT}\nexport function useTracking() {\n  return { track: segment.track };\n}\nexport const useTrack = () => segment.track.bind(segment);`,
    },
    findings: [
      ['unknown-event', 4, 9, 4, 21, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['property-value', 8, 32, 8, 37, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
    ],
    wrapper: null,
  },
  {
    name: 'a wrapper around a hook that returns the SDK',
    code: `import { trackEvent } from './track';\ntrackEvent('Order Completed', { order_id: 'o1', total: 1 });\ntrackEvent('Order Completed', { order_id: 'o1' });`,
    files: {
      '/hooks.ts': `${SEGMENT}\nexport function useSegment() {\n  return segment;\n}`,
      '/track.ts': `import { useSegment } from './hooks';\nexport function trackEvent(name: string, properties: object) {\n  const { track } = useSegment();\n  track(name, { ...properties, currency: 'USD' });\n}`,
    },
    findings: [['missing-required-property', 3, 31, 3, 49, "Missing required property 'total' of event 'Order Completed'."]],
    wrapper: { name: 'trackEvent', kind: 'track', event: 'arg 0', properties: 'arg 1', adds: ['currency'], maps: 'track' },
  },
  {
    name: "the team's service under an SDK-like name: this.analytics.track(name, userId, props)",
    code: `${SDK}\nclass Tracker {\n  track(name: string, userId: string, props: object) {\n    analytics.track(name, props);\n  }\n}\nclass Page {\n  constructor(private analytics: Tracker) {}\n  open() {\n    this.analytics.track('Signed Up', 'u1', { method: 'sso' });\n  }\n}`,
    findings: [['property-value', 10, 55, 10, 60, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".']],
    wrapper: { name: 'Tracker.track', kind: 'track', event: 'arg 0', properties: 'arg 2', maps: 'analytics.track' },
  },
  {
    name: 'a hook named like the SDK whose track adds a prefix',
    plan: `events:\n  app.Signed Up: {}\n`,
    code: `${SDK}\nexport function useAnalytics() {\n  return { track: (name: string) => analytics.track(\`app.\${name}\`) };\n}\nconst { track } = useAnalytics();\ntrack('Signed Up');\ntrack('Signed Upp');`,
    findings: [["unknown-event", 7, 7, 7, 19, "Event 'app.Signed Upp' is not in the tracking plan. Did you mean 'app.Signed Up'?"]],
    wrapper: { name: 'useAnalytics.track', kind: 'track', event: 'arg 0', properties: '—', prefix: 'app.', maps: 'analytics.track' },
  },
  {
    name: 'a facade that prefixes every name: rudder.track(`app.${name}`, props), on an object named like the SDK',
    plan: `events:\n  app.Signed Up:\n    properties:\n      method: { type: string }\n`,
    code: `import { Analytics } from './facade';\nAnalytics.track('Signed Up', { method: 'email' });\nAnalytics.track('Signed Upp');\nAnalytics.track('Signed Up', { method: 1 });`,
    files: {
      '/node_modules/@rudderstack/analytics-js/package.json': JSON.stringify({ name: '@rudderstack/analytics-js', types: 'index.d.ts' }),
      '/node_modules/@rudderstack/analytics-js/index.d.ts': `export declare class RudderAnalytics {\n  track(event: string, properties?: object): void;\n}`,
      '/facade.ts': `import { RudderAnalytics } from '@rudderstack/analytics-js';\nconst rudder = new RudderAnalytics();\nexport const Analytics = {\n  track(name: string, props?: Record<string, unknown>) {\n    rudder.track(\`app.\${name}\`, props);\n  },\n};`,
    },
    findings: [
      ['unknown-event', 3, 17, 3, 29, "Event 'app.Signed Upp' is not in the tracking plan. Did you mean 'app.Signed Up'?"],
      ['property-type', 4, 40, 4, 41, "Property 'method' of event 'app.Signed Up' should be string, but the value is 1."],
    ],
    wrapper: { name: 'Analytics.track', kind: 'track', event: 'arg 0', properties: 'arg 1', prefix: 'app.', maps: 'rudder.track' },
  },
  {
    name: 'rest arguments: (...args) => analytics.track(...args)',
    code: `${SDK}\nexport const track = (...args: Parameters<typeof analytics.track>) => analytics.track(...args);\ntrack('Order Completed', { order_id: 'o1', total: 1, currency: 'usd' });`,
    findings: [['property-value', 3, 64, 3, 69, 'Property \'currency\' of event \'Order Completed\' must be one of "USD", "EUR", "GBP"; found "usd".']],
    wrapper: { name: 'track', kind: 'track', event: 'all arguments', properties: 'all arguments', maps: 'analytics.track' },
  },
  {
    name: 'template prefix: `app.${name}`',
    plan: `events:\n  app.Signed Up:\n    properties: { method: { type: string } }\n    required: [method]\n`,
    code: `${SDK}\nexport function trackApp(name: string, properties: object) {\n  analytics.track(\`app.\${name}\`, properties);\n}\ntrackApp('Signed Up', {});\ntrackApp('Signed Upp', { method: 'email' });`,
    findings: [
      ['missing-required-property', 5, 23, 5, 25, "Missing required property 'method' of event 'app.Signed Up'."],
      ['unknown-event', 6, 10, 6, 22, "Event 'app.Signed Upp' is not in the tracking plan. Did you mean 'app.Signed Up'?"],
    ],
    wrapper: { name: 'trackApp', kind: 'track', event: 'arg 0', properties: 'arg 1', prefix: 'app.', maps: 'analytics.track' },
  },
  {
    name: 'template suffix, and a template with both a prefix and a suffix',
    plan: `events:\n  Button Clicked: {}\n  app.Checkout.v2: {}\n`,
    code: `${SDK}\nfunction clicked(name: string) {\n  analytics.track(\`\${name} Clicked\`);\n}\nfunction versioned(name: string) {\n  analytics.track(\`app.\${name}.v2\`);\n}\nclicked('Button');\nclicked('Link');\nversioned('Checkout');\nversioned('Cart');`,
    findings: [
      ['unknown-event', 9, 9, 9, 15, "Event 'Link Clicked' is not in the tracking plan."],
      ['unknown-event', 11, 11, 11, 17, "Event 'app.Cart.v2' is not in the tracking plan."],
    ],
    wrapper: { name: 'clicked', kind: 'track', event: 'arg 0', properties: '—', suffix: ' Clicked', maps: 'analytics.track' },
  },
  {
    name: "concatenation with a constant prefix and a suffix, through a const",
    plan: `events:\n  web:Signed Up!: {}\n`,
    code: `${SDK}\nconst PREFIX = 'web:';\nfunction shout(name: string) {\n  const full = PREFIX + name + '!';\n  analytics.track(full);\n}\nshout('Signed Up');\nshout('Signed Upp');`,
    findings: [['unknown-event', 8, 7, 8, 19, "Event 'web:Signed Upp!' is not in the tracking plan. Did you mean 'web:Signed Up!'?"]],
    wrapper: { name: 'shout', kind: 'track', event: 'arg 0', properties: '—', prefix: 'web:', suffix: '!', maps: 'analytics.track' },
  },
  {
    name: 'a chain of two wrappers',
    plan: `events:\n  Checkout Started: {}\n`,
    code: `${SDK}\nfunction trackEvent(name: string, properties?: object) {\n  analytics.track(name, properties);\n}\nfunction trackCheckout(step: string, properties?: object) {\n  trackEvent(\`Checkout \${step}\`, properties);\n}\ntrackCheckout('Completed');\ntrackCheckout('Started');`,
    findings: [['unknown-event', 8, 15, 8, 26, "Event 'Checkout Completed' is not in the tracking plan."]],
    wrapper: { name: 'trackCheckout', kind: 'track', event: 'arg 0', properties: 'arg 1', prefix: 'Checkout ', maps: 'trackEvent → analytics.track' },
  },
  {
    // w2 is met first and remembered: w6, which reaches the SDK through five wrappers, must still not become one.
    name: `a chain followed ${MAX_CHAIN_DEPTH} wrappers deep, not deeper, whichever wrapper is called first`,
    code: `import { w2, w5, w6 } from './chain';\nw2('Nope2');\nw6('Nope6');\nw5('Nope5');`,
    files: {
      '/chain.ts': `${SDK}\nexport function w1(n: string) { analytics.track(n); }\n${[2, 3, 4, 5, 6].map((i) => `export function w${i}(n: string) { w${i - 1}(n); }`).join('\n')}`,
    },
    findings: [
      ['unknown-event', 2, 4, 2, 11, "Event 'Nope2' is not in the tracking plan."],
      ['unknown-event', 4, 4, 4, 11, "Event 'Nope5' is not in the tracking plan."],
    ],
    // w6 is no wrapper: its call of w5 is reported, once, where the name is passed on.
    elsewhere: { '/chain.ts': [['dynamic-event-name', 7, 36, 7, 37, DYNAMIC]] },
    wrapper: { name: 'w5', kind: 'track', event: 'arg 0', properties: '—', maps: 'w4 → w3 → w2 → w1 → analytics.track' },
  },
  {
    name: 'properties through a chain: each level adds its fields, the call site answers for the rest',
    code: `${SDK}\nfunction trackEvent(name: string, properties: object) {\n  analytics.track(name, { ...properties, currency: 'USD' });\n}\nfunction trackOrder(name: string, properties: object) {\n  trackEvent(name, { total: 0, ...properties });\n}\ntrackOrder('Order Completed', {});\ntrackOrder('Order Completed', { order_id: 1, coupon: 'x', extra: true });`,
    findings: [
      ['missing-required-property', 8, 31, 8, 33, "Missing required property 'order_id' of event 'Order Completed'."],
      ['property-type', 9, 43, 9, 44, "Property 'order_id' of event 'Order Completed' should be string, but the value is 1."],
      ['unknown-property', 9, 59, 9, 64, "Property 'extra' is not in the tracking plan for event 'Order Completed'."],
    ],
    wrapper: { name: 'trackOrder', kind: 'track', event: 'arg 0', properties: 'arg 1', adds: ['currency', 'total'], maps: 'trackEvent → analytics.track' },
  },
  {
    name: 'spread merge: fields the wrapper adds count as present',
    code: `${SDK}\nfunction trackOrder(name: string, properties: object) {\n  analytics.track(name, { currency: 'USD', ...properties });\n}\ntrackOrder('Order Completed', { order_id: 'o1', total: 1 });\ntrackOrder('Order Completed', { order_id: 'o1' });`,
    findings: [['missing-required-property', 6, 31, 6, 49, "Missing required property 'total' of event 'Order Completed'."]],
    wrapper: { name: 'trackOrder', kind: 'track', event: 'arg 0', properties: 'arg 1', adds: ['currency'], maps: 'analytics.track' },
  },
  {
    name: 'typed overloads, one per event',
    code: `${SDK}\nexport function track(event: 'Signed Up', properties: { method: string }): void;\nexport function track(event: 'Order Completed', properties: { order_id: string }): void;\nexport function track(event: string, properties: object): void {\n  analytics.track(event, properties);\n}\ntrack('Signed Up', { method: 'sso' });`,
    findings: [['property-value', 7, 30, 7, 35, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".']],
    wrapper: { name: 'track', kind: 'track', event: 'arg 0', properties: 'arg 1', maps: 'analytics.track' },
  },
  {
    name: 'the Node object form inside the wrapper',
    code: `declare const analytics: { track(message: { userId: string; event: string; properties?: object }): void };\nexport function serverTrack(userId: string, event: string, properties?: object) {\n  analytics.track({ userId, event, properties });\n}\nserverTrack('u1', 'Signed Upp');`,
    findings: [['unknown-event', 5, 19, 5, 31, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
    wrapper: { name: 'serverTrack', kind: 'track', event: 'arg 1', properties: 'arg 2', maps: 'analytics.track' },
  },
  {
    name: 'a page wrapper',
    code: `${SDK}\nfunction trackPage(name: string) {\n  analytics.page(name);\n}\ntrackPage('Product Detail');\ntrackPage('Cart');`,
    findings: [
      ['missing-required-property', 5, 11, 5, 27, "Missing required property 'product_id' of page 'Product Detail'."],
      ['unknown-event', 6, 11, 6, 17, "Page 'Cart' is not in the tracking plan."],
    ],
    wrapper: { name: 'trackPage', kind: 'page', event: 'arg 0', properties: '—', maps: 'analytics.page' },
  },
  {
    name: 'a wrapper called with a dynamic name: reported at the call site',
    code: `${SDK}\nfunction trackEvent(name: string) {\n  analytics.track(name);\n}\ndeclare const kind: string;\ntrackEvent(kind);`,
    findings: [['dynamic-event-name', 6, 12, 6, 16, DYNAMIC]],
  },
  {
    name: 'declared callees win over inference',
    plan: `callees:\n  - callee: trackEvent\n    prefix: "web."\nevents:\n  web.Signed Up: {}\n`,
    code: `${SDK}\nfunction trackEvent(name: string) {\n  analytics.track(name);\n}\ntrackEvent('Signed Up');`,
    findings: [],
  },
  {
    name: 'a wrapper disabled in the plan: its calls are not judged, its forwarding call is dynamic again',
    plan: `wrappers:\n  ignore: [trackEvent]\nevents:\n  Signed Up: {}\n`,
    code: `${SDK}\nfunction trackEvent(name: string) {\n  analytics.track(name);\n}\ntrackEvent('Nope');`,
    findings: [['dynamic-event-name', 3, 19, 3, 23, DYNAMIC]],
  },
  {
    name: 'a wrapper disabled by the name the listing gives it: AnalyticsService.track, not the other track',
    plan: `wrappers:\n  ignore: [AnalyticsService.track]\nevents:\n  Signed Up: {}\n`,
    code: `${SDK}\nclass AnalyticsService {\n  track(name: string) {\n    analytics.track(name);\n  }\n}\nconst tracker = {\n  track(name: string) {\n    analytics.track(name);\n  },\n};\nnew AnalyticsService().track('Nope');\ntracker.track('Nope');`,
    findings: [
      ['dynamic-event-name', 4, 21, 4, 25, DYNAMIC],
      ['unknown-event', 13, 15, 13, 21, "Event 'Nope' is not in the tracking plan."],
    ],
  },
  {
    name: 'inference turned off in the plan',
    plan: `wrappers:\n  infer: false\nevents:\n  Signed Up: {}\n`,
    code: `${SDK}\nconst tracker = { log(name: string) { analytics.track(name); } };\ntracker.log('Nope');`,
    findings: [['dynamic-event-name', 2, 55, 2, 59, DYNAMIC]],
  },
  {
    name: 'a generated Typewriter client is not checked, and its functions are no wrappers',
    code: `import { send } from './generated/segment';\nsend('Nope');`,
    files: {
      '/generated/segment.ts': `/**\n * This client was automatically generated by Segment Typewriter. ** Do Not Edit **\n * To update this file, run:\n *   npx typewriter\n */\n${SDK}\nexport function send(event: string) {\n  analytics.track(event);\n}\nexport function orderCompleted() {\n  analytics.track('Order Complete');\n}`,
    },
    findings: [],
    wrapper: null,
  },
  {
    name: 'a Node message passed whole: send(message) { analytics.track(message) }, call sites judged in its fields',
    code: `${NODE_SDK}\ninterface Message { userId: string; event: string; properties?: object }\nexport function send(message: Message) {\n  analytics.track(message);\n}\nsend({ userId: 'u1', event: 'Signed Upp', properties: {} });\ndeclare const typed: { userId: string; event: 'Signed Up'; properties: { method: 'sso' } };\nsend(typed);\ndeclare const untyped: Message;\nsend(untyped);`,
    findings: [
      ['unknown-event', 6, 29, 6, 41, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['property-value', 8, 6, 8, 11, 'Property \'method\' of event \'Signed Up\' must be one of "email", "google"; found "sso".'],
      ['dynamic-event-name', 10, 6, 10, 13, "The event name cannot be resolved statically (the 'event' property of this argument has type 'string'), so it cannot be checked against the tracking plan. Give that property a string literal type or a union of literals (for example with `as const`)."],
    ],
    wrapper: { name: 'send', kind: 'track', event: 'arg 0 .event', properties: 'arg 0 .properties', maps: 'analytics.track' },
  },
  // Negatives
  {
    name: 'a parameter passed to an unrelated .track is no wrapper',
    code: `declare const player: { track(n: string): void };\nfunction play(x: string) {\n  player.track(x);\n}\nplay('Nope');`,
    findings: [],
    wrapper: null,
  },
  {
    name: 'a name transformed by a non-literal function: dynamic once at the wrapper, nothing at its call sites',
    code: `${SDK}\ndeclare function normalize(s: string): string;\nfunction send(name: string) {\n  analytics.track(normalize(name));\n}\nsend('Nope');\nsend('Other');`,
    findings: [['dynamic-event-name', 4, 19, 4, 34, DYNAMIC]],
    wrapper: null,
  },
  {
    name: 'a callback is no wrapper: its names stay dynamic',
    code: `${SDK}\ndeclare const names: string[];\nnames.forEach((name) => analytics.track(name));`,
    findings: [['dynamic-event-name', 3, 41, 3, 45, DYNAMIC]],
    wrapper: null,
  },
  {
    name: 'recursion: no hang, and the recursive call is a forwarding call',
    code: `${SDK}\nfunction t(n: string): void {\n  t(n);\n}\nt('x');\nfunction u(n: string, depth: number): void {\n  if (depth) u(n, depth - 1);\n  else analytics.track(n);\n}\nu('Nope', 3);`,
    findings: [['unknown-event', 10, 3, 10, 9, "Event 'Nope' is not in the tracking plan."]],
  },
  {
    name: 'a cycle between modules: no hang, both are wrappers',
    code: `import { a } from './a';\na('Nope');`,
    files: {
      '/a.ts': `import { b } from './b';\nexport function a(n: string): void {\n  b(n);\n}`,
      '/b.ts': `${SDK}\nimport { a } from './a';\nexport function b(n: string): void {\n  if (n) a(n);\n  analytics.track(n);\n}`,
    },
    findings: [['unknown-event', 2, 3, 2, 9, "Event 'Nope' is not in the tracking plan."]],
  },
];

runFindingCases('wrappers: findings at call sites', cases, (w) => {
  const shape: WrapperShape = { name: w.name, kind: w.kind, event: describeRef(w.event, w.forwardAll), properties: describeRef(w.properties, w.forwardAll), maps: [...w.chain, w.target].join(' → ') };
  if (w.prefix) shape.prefix = w.prefix;
  if (w.suffix) shape.suffix = w.suffix;
  if (w.provided.keys.length) shape.adds = w.provided.keys;
  return shape;
});
