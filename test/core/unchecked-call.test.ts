import { BASE_PLAN } from '../helpers/basePlan';
import { runRuleTests } from '../helpers/ruleTester';

/**
 * Calls that look like analytics on a receiver whose type cannot be resolved (a package not installed,
 * an error type, `any`) get an info finding instead of passing in silence; calls with nothing that
 * suggests analytics, and calls tracklint does judge, stay silent.
 */

const FIX = "Install the project's dependencies (npm install), or declare the callee in the plan's `callees:`.";
const fromModule = (callee: string, receiver: string, module: string) => `${callee}(…) was not checked against the tracking plan: '${receiver}' comes from '${module}', which cannot be resolved. ${FIX}`;
const ofType = (callee: string, receiver: string, type: string) => `${callee}(…) was not checked against the tracking plan: the type of '${receiver}', '${type}', cannot be resolved. ${FIX}`;
const ofAny = (callee: string, receiver: string) =>
  `${callee}(…) was not checked against the tracking plan: the type of '${receiver}' is 'any', so tracklint cannot tell what it sends. Give it a type, or declare the callee in the plan's \`callees:\`.`;

/** A stand-in for the installed Segment Node SDK. */
const NODE_SDK = {
  '/node_modules/@segment/analytics-node/package.json': JSON.stringify({ name: '@segment/analytics-node', types: 'index.d.ts' }),
  '/node_modules/@segment/analytics-node/index.d.ts': `export declare class Analytics {\n  constructor(settings: { writeKey: string });\n  track(message: { userId?: string; event: string; properties?: object }): void;\n}\n`,
};

runRuleTests('unchecked-call', {
  valid: [
    { name: 'a function named like tracking from a module that is not installed, but not an analytics verb', code: `import { trackPromise } from 'react-promise-tracker';\ntrackPromise(fetch('/x'));` },
    { name: 'a tracking function of the project itself: its type is known', code: `function trackEvent(name: string) {\n  console.log(name);\n}\ntrackEvent('Signed Up');` },
    { name: 'a router from a module that is not installed: nothing suggests analytics', code: `import { router } from '@acme/router';\nrouter.page(2);` },
    { name: 'any, with nothing that suggests analytics', code: `export function f(people: any) {\n  people.group('admins');\n}` },
    { name: 'the SDK recognised by its receiver name, installed or not', code: `analytics.track('Signed Up');` },
    // Judged as the SDK by its import (sdk-recognition.test.ts), so never "not checked".
    { name: 'the Node SDK not installed: the client is constructed from it', code: `import { Analytics } from '@segment/analytics-node';\nconst client = new Analytics({ writeKey: 'k' });\nclient.track({ userId: 'u1', event: 'Signed Up' });` },
    { name: 'the SDK installed: recognised by its declarations', code: `import { Analytics } from '@segment/analytics-node';\nconst client = new Analytics({ writeKey: 'k' });\nclient.track({ userId: 'u1', event: 'Signed Up' });`, files: NODE_SDK },
    { name: 'a resolved class of the project that only logs: its type is known', code: `class EventTracker {\n  track(name: string) {\n    console.log(name);\n  }\n}\nnew EventTracker().track('Signed Up');` },
    {
      name: 'a declared callee is judged, not unchecked',
      code: `import { AnalyticsService } from '@acme/analytics';\ndeclare const analyticsService: AnalyticsService;\nanalyticsService.track('Signed Up', 'u1', {});`,
      plan: `${BASE_PLAN}\ncallees:\n  - callee: analyticsService.track\n    event: 0\n    properties: 2\n`,
    },
    { name: 'history and other browser objects', code: `window.history.go(-1);\ndocument.getElementById('x')?.focus();` },
  ],
  invalid: [
    {
      name: 'a tracking function handed out by a hook from a library that is not installed (react-tracking)',
      code: `import { useTracking } from 'react-tracking';\nexport function Button() {\n  const { trackEvent } = useTracking();\n  trackEvent({ action: 'Clicked' });\n}`,
      errors: [{ message: fromModule('trackEvent', 'trackEvent', 'react-tracking'), line: 4, column: 3, endLine: 4, endColumn: 13 }],
    },
    {
      name: 'a tracking function imported from a workspace package that is not installed',
      code: `import { trackEvent } from '@acme/analytics';\ntrackEvent('Signed Up', {});`,
      errors: [{ message: fromModule('trackEvent', 'trackEvent', '@acme/analytics'), line: 2, column: 1, endLine: 2, endColumn: 11 }],
    },
    {
      name: "a service from a workspace package that is not resolved (the issue's 27 calls)",
      code: `import { AnalyticsService } from '@acme/analytics';\nexport class OrdersController {\n  constructor(private readonly analyticsService: AnalyticsService) {}\n  complete(userId: string) {\n    this.analyticsService.track('Order Completed', userId, { total: 1 });\n  }\n}`,
      errors: [{ message: fromModule('analyticsService.track', 'analyticsService', '@acme/analytics'), line: 5, column: 5, endLine: 5, endColumn: 32 }],
    },
    {
      name: 'a factory imported from a package that is not installed',
      code: `import { getTelemetry } from '@acme/telemetry';\ngetTelemetry().page('Home');`,
      errors: [{ message: fromModule('getTelemetry().page', 'getTelemetry()', '@acme/telemetry'), line: 2, column: 1, endLine: 2, endColumn: 20 }],
    },
    {
      name: 'require of a package that is not installed, in JavaScript',
      code: `const mixpanel = require('mixpanel');\nmixpanel.track('Signed Up');`,
      fileName: 'case.js',
      errors: [{ message: fromModule('mixpanel.track', 'mixpanel', 'mixpanel'), line: 2, column: 1, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'a client typed with a union of a type from a package that is not installed and null',
      code: `import RudderStackClient from '@acme/rudder-client';\nlet client: RudderStackClient | null = null;\nexport function send(event: string) {\n  client?.track({ event, userId: 'u1' });\n}`,
      errors: [{ message: fromModule('client.track', 'client', '@acme/rudder-client'), line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
    {
      name: 'a declared type that does not exist',
      code: `declare const telemetry: TelemetryClient;\ntelemetry.identify('u1', { plan: 'pro' });`,
      errors: [{ message: ofType('telemetry.identify', 'telemetry', 'TelemetryClient'), line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'a tracker typed any',
      code: `export function onLogin(deps: { tracker: any }) {\n  deps.tracker.alias('u1', 'anon-1');\n}`,
      errors: [{ message: ofAny('deps.tracker.alias', 'deps.tracker'), line: 2, column: 3, endLine: 2, endColumn: 21 }],
    },
    {
      name: 'a suppressed finding is not reported',
      code: `declare const eventService: any;\n// tracklint-disable-next-line unchecked-call\neventService.track('Signed Up');\neventService['screen']('Home');`,
      errors: [{ message: ofAny('eventService.screen', 'eventService'), line: 4, column: 1, endLine: 4, endColumn: 23 }],
    },
  ],
});
