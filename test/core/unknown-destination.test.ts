import { runRuleTests } from '../helpers/ruleTester';

const PLAN = `
destinations: [Mixpanel, Google Analytics, Amplitude]
events:
  Order Completed: {}
  Signed Up:
    destinations: [Mixpanel]
`;
const TAIL = 'Segment ignores unknown integration names, so this setting silently does nothing.';
const nearMiss = (key: string, suggestion: string) => `'${key}' is not a destination of the tracking plan. Did you mean '${suggestion}'? ${TAIL}`;
const WRAPPER = 'function trackEvent(name: string, props?: object, options?: object) { analytics.track(name, props, options); }\n';

runRuleTests('unknown-destination', {
  valid: [
    { name: 'declared destinations and All', plan: PLAN, code: `analytics.track('Order Completed', {}, { integrations: { All: false, Mixpanel: true, 'Google Analytics': false } });` },
    { name: 'turning off a destination the event is not sent to anyway', plan: PLAN, code: `analytics.track('Signed Up', {}, { integrations: { Amplitude: false } });` },
    { name: 'turning on a destination the event is sent to', plan: PLAN, code: `analytics.track('Signed Up', {}, { integrations: { Mixpanel: { apiKey: 'k' } } });` },
    { name: 'page options', plan: PLAN, code: `analytics.page('Home', {}, { integrations: { Mixpanel: false } });` },
    { name: 'a plan without destinations: judges nothing', code: `analytics.track('Order Completed', {}, { integrations: { MixPanel: false } });` },
    { name: 'options not written as a literal', plan: PLAN, code: `declare const options: { integrations: Record<string, boolean> };\nanalytics.track('Order Completed', {}, options);` },
    {
      name: 'a wrapper that does not forward options: its call sites pass nothing to judge (out of scope)',
      plan: PLAN,
      code: `function trackEvent(name: string, props?: object, _options?: object) { analytics.track(name, props); }\ntrackEvent('Order Completed', {}, { integrations: { MixPanel: false } });`,
    },
  ],
  invalid: [
    {
      name: 'a near miss, with did-you-mean',
      plan: PLAN,
      code: `analytics.track('Order Completed', {}, { integrations: { MixPanel: false } });`,
      errors: [{ message: nearMiss('MixPanel', 'Mixpanel'), line: 1, column: 58, endLine: 1, endColumn: 66, data: { property: 'MixPanel', suggestions: ['Mixpanel'] } }],
    },
    {
      name: 'a destination the plan does not know at all',
      plan: PLAN,
      code: `analytics.track('Order Completed', {}, { integrations: { Intercom: false } });`,
      errors: [{ message: `'Intercom' is not a destination of the tracking plan (Mixpanel, Google Analytics, Amplitude): ${TAIL}`, line: 1, column: 58, endLine: 1, endColumn: 66, data: { property: 'Intercom' } }],
    },
    {
      name: 'Node: integrations in the message',
      plan: PLAN,
      code: `analytics.track({ userId: 'u1', event: 'Order Completed', properties: {}, integrations: { 'Google Analytic': false } });`,
      errors: [{ message: nearMiss('Google Analytic', 'Google Analytics'), line: 1, column: 91, endLine: 1, endColumn: 108 }],
    },
    {
      name: "turning on a destination outside the event's allow-list",
      plan: PLAN,
      code: `analytics.track('Signed Up', {}, { integrations: { Amplitude: true, Mixpanel: true } });`,
      errors: [{ message: "The plan does not send event 'Signed Up' to 'Amplitude' (its destinations: Mixpanel).", line: 1, column: 52, endLine: 1, endColumn: 61 }],
    },
    {
      name: 'identify options',
      plan: PLAN,
      code: `analytics.identify('u1', { name: 'J' }, { integrations: { Amplitud: false } });`,
      errors: [{ message: nearMiss('Amplitud', 'Amplitude'), line: 1, column: 59, endLine: 1, endColumn: 67 }],
    },
    {
      name: 'page(category, name, properties, options), group and alias options',
      plan: PLAN,
      code: `analytics.page('Docs', 'Home', {}, { integrations: { MixPanel: false } });\nanalytics.group('g1', { name: 'G' }, { integrations: { Amplitud: false } });\nanalytics.alias('u2', 'u1', { integrations: { Amplitud: false } });`,
      errors: [
        { message: nearMiss('MixPanel', 'Mixpanel'), line: 1, column: 54, endLine: 1, endColumn: 62 },
        { message: nearMiss('Amplitud', 'Amplitude'), line: 2, column: 56, endLine: 2, endColumn: 64 },
        { message: nearMiss('Amplitud', 'Amplitude'), line: 3, column: 47, endLine: 3, endColumn: 55 },
      ],
    },
    {
      name: 'through an inferred wrapper that forwards its options',
      plan: PLAN,
      code: `${WRAPPER}trackEvent('Order Completed', {}, { integrations: { MixPanel: false } });`,
      errors: [{ message: nearMiss('MixPanel', 'Mixpanel'), line: 2, column: 53, endLine: 2, endColumn: 61 }],
    },
    {
      name: 'through a chain of wrappers, and a wrapper taking one object',
      plan: PLAN,
      code: `${WRAPPER}const outer = (name: string, options?: object) => trackEvent(name, {}, options);\nconst send = ({ event, options }: { event: string; options?: object }) => analytics.track(event, {}, options);\nouter('Order Completed', { integrations: { MixPanel: false } });\nsend({ event: 'Order Completed', options: { integrations: { Amplitud: false } } });`,
      errors: [
        { message: nearMiss('MixPanel', 'Mixpanel'), line: 4, column: 44, endLine: 4, endColumn: 52 },
        { message: nearMiss('Amplitud', 'Amplitude'), line: 5, column: 61, endLine: 5, endColumn: 69 },
      ],
    },
    {
      name: 'options written inside a wrapper are judged there',
      plan: PLAN,
      code: `function trackEvent(name: string, props?: object) { analytics.track(name, props, { integrations: { Amplitud: false } }); }\ntrackEvent('Order Completed', {});`,
      errors: [{ message: nearMiss('Amplitud', 'Amplitude'), line: 1, column: 100, endLine: 1, endColumn: 108 }],
    },
  ],
});
