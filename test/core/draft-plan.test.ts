import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { draftPlanFromCode } from '../../server/src/core/draftPlan';
import { createInMemoryProgram } from '../../server/src/core/workspace';
import { nativePlanYaml } from '../../server/src/core/plan/write/nativePlanWriter';

const SDK = `declare const analytics: {
  track(event: string, properties?: object): void;
  page(name: string, properties?: object): void;
  identify(userId: string, traits?: object): void;
  group(groupId: string, traits?: object): void;
};\n`;

function draft(files: Record<string, string>) {
  const host = createInMemoryProgram(files);
  const program = host.program();
  const sourceFiles = Object.keys(files).map((f) => host.sourceFile(f)!);
  return draftPlanFromCode(program, sourceFiles, 'app');
}

describe('draft plan from code (tracklint init --from-code)', () => {
  test('names resolved by the checker, property types from it, merged over calls; dynamic names listed, not guessed', () => {
    const { plan, unresolved, calls } = draft({
      '/app/src/a.ts': `${SDK}
const EVENTS = { ORDER: 'Order Completed' } as const;
export function order(id: string, total: number, coupon?: string) {
  analytics.track(EVENTS.ORDER, { order_id: id, total, coupon, at: new Date() });
}
export function order2(id: string) {
  analytics.track('Order Completed', { order_id: id, total: '12' });
}
declare const kind: 'Email' | 'Google';
declare function normalize(name: string): string;
analytics.track(\`Signed Up With \${kind}\`);
analytics.track(normalize('x'), {});
analytics.page('Home', { path: '/' });
analytics.identify('u1', { email: 'a@b.c', age: 3 });
`,
    });
    assert.equal(calls, 6);
    assert.deepEqual(unresolved, [{ file: '/app/src/a.ts', line: 17, character: 16, typeText: 'string' }]);
    assert.equal(
      nativePlanYaml(plan),
      [
        'name: app',
        'events:',
        '  Order Completed:',
        '    properties:',
        '      order_id: { type: string }',
        '      total: { type: [ number, string ] }',
        '      coupon: { type: string }',
        '      at: { type: string, format: date-time }',
        '    required: [ order_id, total ]',
        // Sent without properties: the draft allows none.
        '  Signed Up With Email:',
        '    properties: {}',
        '  Signed Up With Google:',
        '    properties: {}',
        'identify:',
        '  properties:',
        '    email: { type: string }',
        '    age: { type: integer }',
        '  required: [ email, age ]',
        'pages:',
        '  Home:',
        '    properties:',
        '      path: { type: string }',
        '    required: [ path ]',
        '',
      ].join('\n'),
    );
  });

  test('calls through an inferred wrapper count at their call sites, with the wrapper\'s prefix; the forwarding call does not', () => {
    const { plan, unresolved } = draft({
      '/app/src/track.ts': `${SDK}export function trackApp(name: string, props: { plan: string }) { analytics.track('app.' + name, props); }\n`,
      '/app/src/use.ts': `import { trackApp } from './track';\ntrackApp('Opened', { plan: 'pro' });\n`,
    });
    assert.deepEqual([...plan.events.keys()], ['app.Opened']);
    assert.deepEqual(plan.events.get('app.Opened')!.properties, { plan: { type: 'string' } });
    assert.deepEqual(unresolved, []);
  });

  test('a file without analytics calls gives an empty plan', () => {
    const { plan, calls } = draft({ '/app/src/x.ts': 'export const x = 1;\n' });
    assert.equal(calls, 0);
    assert.equal(nativePlanYaml(plan), 'name: app\n');
  });
});

describe('draft plan: keys that never reach JSON', () => {
  test("a symbol-keyed member (a Promise's Symbol.toStringTag) is no property: its internal name differs between programs", () => {
    const { plan } = draft({
      '/app/src/a.ts': `${SDK}
declare function sendToken(): Promise<string>;
analytics.track('Token Sent', { verification_id: sendToken() });
`,
    });
    const yaml = nativePlanYaml(plan);
    assert.doesNotMatch(yaml, /__@/);
    assert.match(yaml, /verification_id/);
  });
});
