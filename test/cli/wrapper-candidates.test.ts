import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCliCaptured } from '../helpers/cliRun';

/**
 * `tracklint wrappers --candidates`: calls tracklint does not check that probably send analytics across a
 * boundary no inference crosses, each with a `callees:` entry to paste. Positives and negatives side by side.
 */

const PLAN = 'events:\n  Order Completed: {}\n  Signed Up: {}\n  Product Viewed: {}\nscreens:\n  Home: {}\n  Settings: {}\n';

const FILES: Record<string, string> = {
  'tracking-plan.yaml': PLAN,
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler' }, include: ['src'] }),
  // Positive: an IPC bridge to the main process (Electron preload). Its global declaration file is not part of the
  // checked files, so the candidate is located at its first call.
  'src/preload.d.ts': 'declare global {\n  interface Window {\n    main: { trackSegmentEvent(payload: { event: string; properties?: object }): void };\n  }\n}\nexport {};\n',
  'src/ipc.ts': "window.main.trackSegmentEvent({ event: 'Order Completed', properties: { total: 1 } });\nwindow.main.trackSegmentEvent({ event: 'Signed Up' });\n",
  // Positive: a redux action carrying a union of event names.
  'src/store.ts':
    "type EventName = 'Order Completed' | 'Signed Up' | 'Product Viewed';\ndeclare function dispatch(action: { type: string; event?: EventName }): void;\nexport function buy(event: EventName) {\n  dispatch({ type: 'TRACK', event });\n}\ndispatch({ type: 'CART_CLEARED' });\n",
  // Positive: an event bus; 'cart:open' is not an event name, but two of three values are.
  'src/bus.ts':
    "class Bus {\n  emit(name: string, payload?: object) {}\n}\nexport const bus = new Bus();\nbus.emit('Product Viewed', { id: 1 });\nbus.emit('Signed Up');\nbus.emit('cart:open');\n",
  // Positive: named like tracking, with a string name first.
  'src/log.ts': "export function logEvent(name: string, props?: object) {\n  console.log(name, props);\n}\nlogEvent('Button Clicked', { id: 1 });\n",
  // Negative: tests assert on event names.
  'src/order.test.ts': "declare const assert: { equal(a: unknown, b: unknown): void };\nassert.equal(1, 'Order Completed');\nassert.equal(2, 'Signed Up');\n",
  // Negatives: an inferred wrapper and a direct SDK call (already checked), translations that meet event names
  // by chance, route names that are screen names, a getter, a tracking name without a string first, a DOM method,
  // a media player's bare track().
  'src/negatives.ts': [
    'declare const analytics: { track(name: string, props?: object): void };',
    'export function trackEvent(name: string, props?: object) {',
    '  analytics.track(name, props);',
    '}',
    "trackEvent('Order Completed');",
    "trackEvent('Signed Up');",
    "analytics.track('Product Viewed');",
    'declare function t(key: string): string;',
    "t('Order Completed'); t('Signed Up'); t('a'); t('b'); t('c'); t('d'); t('e');",
    'declare function navigate(route: string): void;',
    "navigate('Home'); navigate('Settings');",
    'declare function getEvent(id: string): object;',
    "getEvent('Order Completed');",
    'declare function trackTime(at: number): void;',
    'trackTime(Date.now());',
    "document.createEvent('MouseEvents');",
    'declare const player: { track(id: string): void };',
    "player.track('intro');",
    '',
  ].join('\n'),
};

const dir = mkdtempSync(path.join(tmpdir(), 'tracklint-candidates-'));
for (const [name, text] of Object.entries(FILES)) {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), text);
}
after(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCliCaptured(args, dir);

describe('tracklint wrappers --candidates', () => {
  test('a table: callee, location, calls, why, and the callees: entry', async () => {
    const { code, stdout, stderr } = await cli(['wrappers', '--candidates']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'Callee                         Location        Calls  Why                                 callees: entry',
        '-----------------------------  --------------  -----  ----------------------------------  ------------------------------------------------------------------------------------------------------------------------------------',
        'bus.emit                       src/bus.ts:2    3      2 event names in arg 0              - { callee: bus.emit, kind: track, event: 0, properties: 1 }',
        'window.main.trackSegmentEvent  src/ipc.ts:1    2      2 event names in arg 0 .event       - { callee: window.main.trackSegmentEvent, kind: track, event: { arg: 0, field: event }, properties: { arg: 0, field: properties } }',
        'logEvent                       src/log.ts:1    1      named like tracking, name in arg 0  - { callee: logEvent, kind: track, event: 0, properties: 1 }',
        'dispatch                       src/store.ts:2  1      3 event names in arg 0 .event       - { callee: dispatch, kind: track, event: { arg: 0, field: event } }',
        '',
        "4 candidates. tracklint does not check these calls: paste an entry under the plan's callees: to check them.",
        '',
      ].join('\n'),
    );
  });

  test('--format json', async () => {
    const { code, stdout } = await cli(['wrappers', '--candidates', '--format', 'json']);
    assert.equal(code, 0);
    const listed = JSON.parse(stdout) as Record<string, unknown>[];
    assert.deepEqual(listed.map((c) => c.callee), ['bus.emit', 'window.main.trackSegmentEvent', 'logEvent', 'dispatch']);
    assert.deepEqual(listed[1], {
      callee: 'window.main.trackSegmentEvent',
      file: path.join(dir, 'src/ipc.ts'),
      line: 1,
      column: 1,
      event: { arg: 0, field: 'event' },
      properties: { arg: 0, field: 'properties' },
      reason: 'plan-names',
      planNames: ['Order Completed', 'Signed Up'],
      callSites: 2,
      entry: '- { callee: window.main.trackSegmentEvent, kind: track, event: { arg: 0, field: event }, properties: { arg: 0, field: properties } }',
    });
    assert.deepEqual(listed[2], {
      callee: 'logEvent',
      file: path.join(dir, 'src/log.ts'),
      line: 1,
      column: 1,
      event: { arg: 0 },
      properties: { arg: 1 },
      reason: 'tracking-name',
      planNames: [],
      callSites: 1,
      entry: '- { callee: logEvent, kind: track, event: 0, properties: 1 }',
    });
  });

  test('a pasted entry makes its calls checked, so the callee is no longer a candidate', async () => {
    writeFileSync(path.join(dir, 'tracking-plan.yaml'), `${PLAN}callees:\n  - { callee: bus.emit, kind: track, event: 0, properties: 1 }\n`);
    try {
      const { stdout } = await cli(['wrappers', '--candidates', '--format', 'json']);
      assert.deepEqual((JSON.parse(stdout) as { callee: string }[]).map((c) => c.callee), ['window.main.trackSegmentEvent', 'logEvent', 'dispatch']);
    } finally {
      writeFileSync(path.join(dir, 'tracking-plan.yaml'), PLAN);
    }
  });

  test('the help says what --candidates lists', async () => {
    const { stdout } = await cli(['wrappers', '--help']);
    assert.match(stdout, /--candidates {9}List likely wrappers that are not followed yet, with a callees: entry for each/);
  });
});
