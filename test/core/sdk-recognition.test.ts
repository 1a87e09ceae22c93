import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ts } from '@ts-morph/common';
import { findAnalyticsCalls } from '../../server/src/core/analysis/calls';
import { wrapperInference } from '../../server/src/core/analysis/wrappers';
import { emptyPlan } from '../../server/src/core/plan/model';
import { createInMemoryProgram } from '../../server/src/core/workspace';
import { cursorContext } from '../../server/src/service/cursor';
import { runFindingCases, type FindingCase } from '../helpers/findingCases';

/**
 * Names never outrank the code: a receiver named like the SDK (`segment`, `analytics`) whose `track` the
 * project implements is the team's wrapper; the SDK is what its type or its import comes from, whatever
 * it is called. Each case lists exactly what the caller's file reports (every rule); the case's other
 * files report nothing unless `elsewhere` says so.
 */

const WINDOW = `declare global { interface Window { analytics: { track(event: string, properties?: object): void } } }`;
/** The Segment browser SDK declared in the project itself, as a repository without node_modules may do. */
const DECLARED_SDK = `declare module '@segment/analytics-next' {\n  export class AnalyticsBrowser {\n    static load(settings: { writeKey: string }): AnalyticsBrowser;\n    track(event: string, properties?: object): void;\n  }\n}`;
/** A facade object named like the SDK, renaming the app's ids before they reach Segment. */
const FACADE = `${WINDOW}\nconst SEGMENT_NAMES = {\n  order_completed: 'Order Completed',\n  signup: 'Signed Upp',\n} as const;\nexport const segment = {\n  track(id: keyof typeof SEGMENT_NAMES | string, props: object = {}) {\n    window.analytics.track(SEGMENT_NAMES[id as keyof typeof SEGMENT_NAMES], props);\n  },\n};`;

const cases: FindingCase[] = [
  // (a) the project's own `track` behind an SDK-like name
  {
    name: 'a facade named segment mapping ids through an `as const` map: each call site judged on the mapped name',
    code: `import { segment } from './segment';\nsegment.track('order_completed', { order_id: 'o1' });\nsegment.track('signup');\nsegment.track('order_complete');\nsegment.track('no_such_id');`,
    files: { '/segment.ts': FACADE },
    findings: [
      ['missing-required-property', 2, 34, 2, 52, "Missing required property 'total' of event 'Order Completed'."],
      ['missing-required-property', 2, 34, 2, 52, "Missing required property 'currency' of event 'Order Completed'."],
      ['unknown-event', 3, 15, 3, 23, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"],
      ['unknown-event', 4, 15, 4, 31, "Event id 'order_complete' is not a key of SEGMENT_NAMES, so no event name is sent for it. Did you mean 'order_completed'?"],
      ['unknown-event', 5, 15, 5, 27, "Event id 'no_such_id' is not a key of SEGMENT_NAMES, so no event name is sent for it."],
    ],
  },
  {
    name: 'a wrapper of the mapping facade passes ids on: its call sites are judged through the map',
    code: `import { trackStep } from './steps';\ntrackStep('signup');\ntrackStep('order_completed');`,
    files: {
      '/segment.ts': FACADE,
      '/steps.ts': `import { segment } from './segment';\nexport function trackStep(step: string) {\n  segment.track(step, { order_id: 'o1', total: 1, currency: 'USD' });\n}`,
    },
    findings: [['unknown-event', 2, 11, 2, 19, "Event 'Signed Upp' is not in the tracking plan. Did you mean 'Signed Up'?"]],
  },
  {
    name: 'a typed Record of literal values as the map, in a class method of a facade named analytics',
    code: `import { analytics } from './facade';\nanalytics.track('done', { order_id: 'o1', total: 1, currency: 'USD' });\nanalytics.track('viewed');`,
    files: {
      '/facade.ts': `${WINDOW}\ntype Id = 'done' | 'viewed';\nconst NAMES: Record<Id, string> = { done: 'Order Completed', viewed: 'Product Viewd' };\nclass Facade {\n  track(id: Id, props?: object) {\n    window.analytics.track(NAMES[id], props);\n  }\n}\nexport const analytics = new Facade();`,
    },
    findings: [['unknown-event', 3, 17, 3, 25, "Event 'Product Viewd' is not in the tracking plan. Did you mean 'Product Viewed'?"]],
  },
  {
    name: 'an own track that inference cannot map is not judged as the SDK',
    code: `import { analytics } from './queue';\nanalytics.track('Nope', {});`,
    files: { '/queue.ts': `declare const queue: unknown[];\nexport const analytics = {\n  track(id: string, props: object) {\n    queue.push({ id, props });\n  },\n};` },
    findings: [],
  },
  {
    name: 'an own track held in a property (an arrow function), behind the name segment',
    code: `import { segment } from './facade';\nsegment.track('Nope');`,
    files: { '/facade.ts': `declare function send(body: string): void;\nexport const segment = { track: (id: string) => send(JSON.stringify({ id })) };` },
    findings: [],
  },
  // The names stay the fallback where nothing in the project says otherwise.
  {
    name: 'the SDK declared outside the project source under a conventional name is still the SDK',
    code: `${WINDOW}\ndeclare const segment: { track(event: string, properties?: object): void };\nsegment.track('Nope');\nwindow.analytics.track('Nope');`,
    findings: [
      ['unknown-event', 3, 15, 3, 21, "Event 'Nope' is not in the tracking plan."],
      ['unknown-event', 4, 24, 4, 30, "Event 'Nope' is not in the tracking plan."],
    ],
  },
  {
    name: "a property holding the SDK's own method (bound) is the SDK, by name",
    code: `${WINDOW}\nexport const segment = { track: window.analytics.track.bind(window.analytics) };\nsegment.track('Nope');`,
    findings: [['unknown-event', 3, 15, 3, 21, "Event 'Nope' is not in the tracking plan."]],
  },
  // (c) the SDK by the module its type comes from
  {
    name: "a receiver of any name whose track is declared in a `declare module '@segment/analytics-next'` block",
    code: `import { makeClient } from './client';\nmakeClient().track('Nope');`,
    files: {
      '/types.d.ts': DECLARED_SDK,
      '/client.ts': `import { AnalyticsBrowser } from '@segment/analytics-next';\nexport function makeClient(): AnalyticsBrowser {\n  return AnalyticsBrowser.load({ writeKey: 'k' });\n}`,
    },
    findings: [['unknown-event', 2, 20, 2, 26, "Event 'Nope' is not in the tracking plan."]],
  },
  {
    name: 'made from an import of @segment/analytics-next that does not resolve (no dependencies installed)',
    code: `import { AnalyticsBrowser } from '@segment/analytics-next';\nexport const client = AnalyticsBrowser.load({ writeKey: 'k' });\nclient.track('Nope');`,
    findings: [['unknown-event', 3, 14, 3, 20, "Event 'Nope' is not in the tracking plan."]],
  },
  {
    name: 'the Node SDK, unresolved: new Analytics(…) from @segment/analytics-node, its message object judged',
    code: `import { Analytics } from '@segment/analytics-node';\nconst server = new Analytics({ writeKey: 'k' });\nserver.track({ userId: 'u1', event: 'Nope' });`,
    findings: [['unknown-event', 3, 37, 3, 43, "Event 'Nope' is not in the tracking plan."]],
  },
  {
    name: 'analytics-node through require, and rudder-sdk-js as a namespace',
    code: `declare function require(name: string): any;\nimport * as rudder from 'rudder-sdk-js';\nconst Analytics = require('analytics-node');\nconst legacy = new Analytics('k');\nlegacy.track({ userId: 'u1', event: 'Nope' });\nrudder.track('Nope');`,
    findings: [
      ['unknown-event', 5, 37, 5, 43, "Event 'Nope' is not in the tracking plan."],
      ['unknown-event', 6, 14, 6, 20, "Event 'Nope' is not in the tracking plan."],
    ],
  },
  {
    name: 'a class field typed with the SDK (import type), unresolved; and createClient from @segment/analytics-react-native',
    code: `import type { AnalyticsBrowser } from '@segment/analytics-next';\nimport { createClient } from '@segment/analytics-react-native';\nclass Checkout {\n  constructor(private readonly client: AnalyticsBrowser) {}\n  done() {\n    this.client.track('Nope');\n  }\n}\nconst mobile = createClient({ writeKey: 'k' });\nmobile.screen('Nope');`,
    findings: [
      ['unknown-event', 6, 23, 6, 29, "Event 'Nope' is not in the tracking plan."],
      ['unknown-event', 10, 15, 10, 21, "Screen 'Nope' is not in the tracking plan."],
    ],
  },
  {
    name: "Expo's fork of RudderStack's Node SDK (@expo/rudder-sdk-node), unresolved",
    code: `import RudderAnalytics from '@expo/rudder-sdk-node';\nconst client = new RudderAnalytics('k', 'https://example.test');\nclient.track({ userId: 'u1', event: 'Nope' });`,
    findings: [['unknown-event', 3, 37, 3, 43, "Event 'Nope' is not in the tracking plan."]],
  },
  {
    name: 'an import from another library is not the SDK',
    code: `import { Player } from 'video-player';\nconst player = new Player();\nplayer.track('Nope');`,
    findings: [],
  },
];

runFindingCases('SDK recognition: the code before the names', cases);

test('in the editor, an id passed through a map is no name: planned names are not offered inside it or in empty parentheses', () => {
  const code = `import { segment } from './segment';\nsegment.track('signup');\nsegment.track();\nwindow.analytics.track('Signed Up');\n`;
  const host = createInMemoryProgram({ '/m/segment.ts': FACADE, '/m/case.ts': code });
  const program = host.program();
  const checker = program.getTypeChecker();
  const sourceFile = program.getSourceFile('/m/case.ts')!;
  const calls = findAnalyticsCalls(sourceFile, checker, [], wrapperInference(program, checker, emptyPlan('native')));
  const inside = (text: string) => code.indexOf(text) + 1;
  assert.deepEqual(
    calls.map(({ node, ...call }) => {
      assert.ok(ts.isCallExpression(node));
      return cursorContext({ node, ...call }, node.arguments.length ? inside(node.arguments[0].getText()) : node.end - 1, sourceFile)?.kind;
    }),
    ['nameExpression', undefined, 'name'],
  );
});
