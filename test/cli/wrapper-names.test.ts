import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { runCliCaptured } from '../helpers/cliRun';

/**
 * What callers send, not what a wrapper's types allow: a wrapper with an enum-typed name parameter, and
 * a facade named `segment` renaming ids through a const map, counted by `coverage`, drafted by
 * `init --from-code` and listed by `wrappers`, each at the call sites.
 */

const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const FILES: Record<string, string> = {
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "target": "es2022", "module": "esnext", "moduleResolution": "bundler" } }',
  'src/sdk.d.ts': 'declare global {\n  interface Window { analytics: { track(event: string, properties?: object): void } }\n  const analytics: Window[\'analytics\'];\n}\nexport {};\n',
  'src/events.ts': "export enum AnalyticsEvent {\n  OrderCompleted = 'Order Completed',\n  SignedUp = 'Signed Up',\n  NobodySendsThis = 'Never Sent',\n}\n",
  'src/track.ts': "import { AnalyticsEvent } from './events';\nexport function track(event: AnalyticsEvent, props: Record<string, unknown> = {}) {\n  analytics.track(event, props);\n}\n",
  'src/segment.ts':
    "const SEGMENT_NAMES = {\n  checkout_started: 'Checkout Started',\n  not_called: 'Unused Mapped Name',\n} as const;\nexport const segment = {\n  track(id: keyof typeof SEGMENT_NAMES, props: object = {}) {\n    window.analytics.track(SEGMENT_NAMES[id], props);\n  },\n};\n",
  'src/app.ts':
    "import { AnalyticsEvent } from './events';\nimport { segment } from './segment';\nimport { track } from './track';\ntrack(AnalyticsEvent.OrderCompleted, { order_id: 'o1' });\ntrack(AnalyticsEvent.SignedUp);\nsegment.track('checkout_started', { step: 1 });\n",
};

const PLAN = 'events:\n  Order Completed: {}\n  Signed Up: {}\n  Checkout Started: {}\n  Wishlist Shared: {}\n';

function workspace(withPlan: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tracklint-wrapper-names-'));
  temps.push(dir);
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  if (withPlan) writeFileSync(path.join(dir, 'tracking-plan.yaml'), PLAN);
  return dir;
}

const cli = (args: string[], cwd: string) => runCliCaptured(args, cwd, {});

describe('names a wrapper may send are counted where callers send them', () => {
  test('coverage: each name at its call site; no enum member or map value that no caller passes', async () => {
    const dir = workspace(true);
    const { code, stdout, stderr } = await cli(['coverage', '--verbose'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'Kind   Name              Calls  Planned for  Status',
        '-----  ----------------  -----  -----------  ----------',
        'Event  Order Completed       1  any          sent',
        '    src/app.ts:4:7',
        'Event  Signed Up             1  any          sent',
        '    src/app.ts:5:7',
        'Event  Checkout Started      1  any          sent',
        '    src/app.ts:6:15',
        'Event  Wishlist Shared       0  any          never sent',
        '',
        'Not in the plan: none',
        '',
        'Dynamic names (cannot be resolved statically): none',
        '',
        '3 of 4 planned names sent (75%); 1 never sent; 0 names not in the plan; 0 dynamic names.',
        '',
      ].join('\n'),
    );
  });

  test('init --from-code drafts the names callers send, through the enum and through the map', async () => {
    const dir = workspace(false);
    const { code, stdout, stderr } = await cli(['init', '--from-code'], dir);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(stdout, 'Wrote tracking-plan.yaml: 3 events, from 3 calls in 3 files.\n');
    const plan = loadPlan('tracking-plan.yaml', readFileSync(path.join(dir, 'tracking-plan.yaml'), 'utf8')).plan!;
    assert.deepEqual([...plan.events.keys()], ['Checkout Started', 'Order Completed', 'Signed Up']);
    assert.deepEqual(plan.events.get('Checkout Started')!.properties, { step: { type: 'integer' } });
  });

  test('wrappers lists the map the facade looks ids up in', async () => {
    const dir = workspace(true);
    const { code, stdout } = await cli(['wrappers'], dir);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'Wrapper        Location          Kind   Name from               Properties from  Prefix  Suffix  Calls  Maps to                 Status',
        '-------------  ----------------  -----  ----------------------  ---------------  ------  ------  -----  ----------------------  --------',
        'segment.track  src/segment.ts:6  track  arg 0 in SEGMENT_NAMES  arg 1            —       —       1      window.analytics.track  inferred',
        'track          src/track.ts:2    track  arg 0                   arg 1            —       —       2      analytics.track         inferred',
        '',
        '2 wrappers: 2 inferred, 0 declared, 0 disabled.',
        '',
      ].join('\n'),
    );
  });
});
