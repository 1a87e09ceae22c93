import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findAnalyticsCalls } from '../../server/src/core/analysis/calls';
import type { CalleeSpec } from '../../server/src/core/plan/model';
import { createInMemoryProgram } from '../../server/src/core/workspace';

/** Minimal stand-ins for the SDKs' published type declarations: only where a type is declared matters. */
const SDK_FILES = {
  '/node_modules/@segment/analytics-next/package.json': JSON.stringify({ name: '@segment/analytics-next', types: 'index.d.ts' }),
  '/node_modules/@segment/analytics-next/index.d.ts': `
    export declare class AnalyticsBrowser {
      static load(settings: { writeKey: string }): AnalyticsBrowser;
      track(event: string, properties?: object): Promise<unknown>;
      identify(userId?: string, traits?: object): Promise<unknown>;
      page(category?: string, name?: string, properties?: object): Promise<unknown>;
    }`,
  '/node_modules/@segment/analytics-node/package.json': JSON.stringify({ name: '@segment/analytics-node', types: 'index.d.ts' }),
  '/node_modules/@segment/analytics-node/index.d.ts': `
    export declare class Analytics {
      constructor(settings: { writeKey: string });
      track(message: { userId?: string; anonymousId?: string; event: string; properties?: object }): void;
      identify(message: { userId?: string; anonymousId?: string; traits?: object }): void;
      page(message: { userId?: string; name?: string; category?: string; properties?: object }): void;
    }`,
};

interface Shape {
  kind: string;
  name?: string;
  properties?: string;
  /** An object argument read through its type: `message .event .properties` (the argument, then its name and properties fields). */
  message?: string;
  prefix?: string;
}

interface CallShapeCase {
  name: string;
  code: string;
  calls: Shape[];
  callees?: CalleeSpec[];
}

const cases: CallShapeCase[] = [
  { name: 'global analytics', code: `analytics.track('A', { a: 1 });`, calls: [{ kind: 'track', name: `'A'`, properties: '{ a: 1 }' }] },
  { name: 'window.analytics', code: `window.analytics.track('A');`, calls: [{ kind: 'track', name: `'A'` }] },
  { name: 'globalThis.analytics', code: `globalThis.analytics.track('A');`, calls: [{ kind: 'track', name: `'A'` }] },
  { name: 'self.analytics', code: `self.analytics.track('A');`, calls: [{ kind: 'track', name: `'A'` }] },
  { name: 'this.analytics in a class', code: `class S { analytics: any; go() { this.analytics.track('A'); } }`, calls: [{ kind: 'track', name: `'A'` }] },
  { name: 'this._segment?.', code: `class S { _segment: any; go() { this._segment?.track('A'); } }`, calls: [{ kind: 'track', name: `'A'` }] },
  { name: 'rudderanalytics', code: `rudderanalytics.track('A', {});`, calls: [{ kind: 'track', name: `'A'`, properties: '{}' }] },
  { name: 'optional chaining', code: `analytics?.track('A');`, calls: [{ kind: 'track', name: `'A'` }] },
  { name: 'parentheses, non-null and as casts', code: `declare const x: unknown;\n(analytics as any)!.track('A');\n((x as any).analytics)!.track('B');`, calls: [{ kind: 'track', name: `'A'` }, { kind: 'track', name: `'B'` }] },
  { name: 'getAnalytics()?.track', code: `declare function getAnalytics(): any;\ngetAnalytics()?.track('A');`, calls: [{ kind: 'track', name: `'A'` }] },
  { name: 'an optional call', code: `analytics.alias?.('new-id');`, calls: [{ kind: 'alias' }] },
  { name: 'behind void and await', code: `async function f() { void analytics.track('A'); await analytics.track('B'); }`, calls: [{ kind: 'track', name: `'A'` }, { kind: 'track', name: `'B'` }] },
  {
    name: 'any receiver typed by @segment/analytics-next',
    code: `import { AnalyticsBrowser } from '@segment/analytics-next';\nconst browserClient = AnalyticsBrowser.load({ writeKey: 'k' });\nbrowserClient.track('A', { a: 1 });\nbrowserClient.identify('u', { name: 'n' });`,
    calls: [
      { kind: 'track', name: `'A'`, properties: '{ a: 1 }' },
      { kind: 'identify', properties: `{ name: 'n' }` },
    ],
  },
  {
    name: 'any receiver typed by @segment/analytics-node, object form',
    code: `import { Analytics } from '@segment/analytics-node';\nconst client = new Analytics({ writeKey: 'k' });\nclient.track({ userId: 'u', event: 'A', properties: { a: 1 } });`,
    calls: [{ kind: 'track', name: `'A'`, properties: '{ a: 1 }' }],
  },
  {
    name: 'Node message not written in place: read through its type',
    code: [
      `import { Analytics } from '@segment/analytics-node';`,
      `const client = new Analytics({ writeKey: 'k' });`,
      `const message = { userId: 'u', event: 'A' as const, properties: { a: 1 } };`,
      `client.track(message);`,
      `declare const person: { userId: string; traits: { name: string } };`,
      `client.identify(person);`,
      `declare function pageMessage(): { anonymousId: string; name: 'Home' };`,
      `client.page(pageMessage());`,
      `analytics.track(message, () => {});`,
    ].join('\n'),
    calls: [
      { kind: 'track', message: 'message .event .properties' },
      { kind: 'identify', message: 'person .traits' },
      { kind: 'page', message: 'pageMessage() .name .properties' },
      { kind: 'track', message: 'message .event .properties' },
    ],
  },
  {
    name: 'a name or traits in a variable is no message',
    code: `declare const name: string, traits: { plan: string }, id: string;\nanalytics.track(name);\nanalytics.identify(traits);\nanalytics.identify(id, traits);`,
    calls: [
      { kind: 'track', name: 'name' },
      { kind: 'identify', properties: 'traits' },
      { kind: 'identify', properties: 'traits' },
    ],
  },
  {
    name: 'Node object forms',
    code: [
      `analytics.track({ anonymousId: 'x', event: 'A', properties: { p: 1 } });`,
      `analytics.identify({ userId: 'u', traits: { name: 'n' } });`,
      `analytics.group({ userId: 'u', groupId: 'g', traits: { t: 1 } });`,
      `analytics.page({ userId: 'u', name: 'Home', category: 'Docs', properties: { path: '/' } });`,
      `analytics.screen({ userId: 'u', name: 'Settings', properties: { s: 1 } });`,
    ].join('\n'),
    calls: [
      { kind: 'track', name: `'A'`, properties: '{ p: 1 }' },
      { kind: 'identify', properties: `{ name: 'n' }` },
      { kind: 'group', properties: '{ t: 1 }' },
      { kind: 'page', name: `'Home'`, properties: `{ path: '/' }` },
      { kind: 'screen', name: `'Settings'`, properties: '{ s: 1 }' },
    ],
  },
  {
    name: 'browser signatures',
    code: [
      `analytics.identify('u', { name: 'n' });`,
      `analytics.identify({ name: 'n' });`,
      `analytics.group('g', { t: 1 });`,
      `analytics.page('Docs', 'Home', { path: '/' });`,
      `analytics.page('Home', { path: '/' });`,
      `analytics.page();`,
      `analytics.page({ path: '/' });`,
      `analytics.screen('Settings', { s: 1 });`,
    ].join('\n'),
    calls: [
      { kind: 'identify', properties: `{ name: 'n' }` },
      { kind: 'identify', properties: `{ name: 'n' }` },
      { kind: 'group', properties: '{ t: 1 }' },
      { kind: 'page', name: `'Home'`, properties: `{ path: '/' }` },
      { kind: 'page', name: `'Home'`, properties: `{ path: '/' }` },
      { kind: 'page' },
      { kind: 'page', properties: `{ path: '/' }` },
      { kind: 'screen', name: `'Settings'`, properties: '{ s: 1 }' },
    ],
  },
  {
    name: 'unrelated objects are never analytics',
    code: `declare const player: any, audioTrack: any, list: any;\nplayer.track('A');\naudioTrack.track('B');\nlist.page(2);\nfunction track(e: string) {}\ntrack('C');\nanalytics.trackLink('x', 'y');`,
    calls: [],
  },
  {
    name: 'declared callees: positional wrapper service with a user id between name and properties',
    code: `class C { analyticsService: any; go() { this.analyticsService.track('A', 'user-1', { a: 1 }); } }`,
    callees: [{ callee: 'analyticsService.track', kind: 'track', event: { arg: 0 }, properties: { arg: 2 } }],
    calls: [{ kind: 'track', name: `'A'`, properties: '{ a: 1 }' }],
  },
  {
    name: 'declared callees: object argument fields and a prefix',
    code: `declare function trackEvent(x: object): void;\ntrackEvent({ key: 'A', properties: { a: 1 } });\nutils.trackEvent({ key: 'B' });`,
    callees: [{ callee: 'trackEvent', kind: 'track', event: { arg: 0, field: 'key' }, properties: { arg: 0, field: 'properties' }, prefix: 'app.' }],
    calls: [
      { kind: 'track', name: `'A'`, properties: '{ a: 1 }', prefix: 'app.' },
      { kind: 'track', name: `'B'`, prefix: 'app.' },
    ],
  },
  {
    name: 'declared callees: an object argument not written in place is read through its type',
    code: `declare function trackEvent(x: object, options?: object): void;\ndeclare const payload: { key: 'A'; properties: { a: number } };\ntrackEvent(payload);\ntrackEvent(...[payload]);`,
    callees: [{ callee: 'trackEvent', kind: 'track', event: { arg: 0, field: 'key' }, properties: { arg: 0, field: 'properties' } }],
    calls: [{ kind: 'track', message: 'payload .key .properties' }, { kind: 'track' }],
  },
  {
    name: 'declared callees: segment.track does not match player.track',
    code: `declare const segment: any, player: any;\nsegment.track('A', { a: 1 });\nplayer.track('B');`,
    callees: [{ callee: 'segment.track', kind: 'track' }],
    calls: [{ kind: 'track', name: `'A'`, properties: '{ a: 1 }' }],
  },
];

describe('call shapes', () => {
  const files: Record<string, string> = { ...SDK_FILES };
  cases.forEach((c, i) => (files[`/case-${i}/index.ts`] = `${c.code}\nexport {};\n`));
  const program = createInMemoryProgram(files).program();
  cases.forEach((c, i) => {
    test(c.name, () => {
      const sourceFile = program.getSourceFile(`/case-${i}/index.ts`)!;
      const found = findAnalyticsCalls(sourceFile, program.getTypeChecker(), c.callees ?? []).map((call) => {
        const shape: Shape = { kind: call.kind };
        if (call.name) shape.name = call.name.getText(sourceFile);
        if (call.properties) shape.properties = call.properties.getText(sourceFile);
        if (call.message) shape.message = [call.message.node.getText(sourceFile), call.message.nameField, call.message.propertiesField].filter((part) => part !== undefined).join(' .');
        if (call.prefix) shape.prefix = call.prefix;
        return shape;
      });
      assert.deepEqual(found, c.calls);
    });
  });
});
