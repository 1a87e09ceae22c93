import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCliCaptured } from '../helpers/cliRun';

const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'test/fixtures/workspaces/wrappers');

const cli = (args: string[], cwd = fixture) => runCliCaptured(args, cwd);

/** A copy of the fixture's plan with extra top-level YAML, in a temporary folder. */
function planWith(extra: string): { file: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tracklint-wrappers-'));
  const file = path.join(dir, 'tracking-plan.yaml');
  writeFileSync(file, `${readFileSync(path.join(fixture, 'tracking-plan.yaml'), 'utf8')}${extra}`);
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('tracklint wrappers', () => {
  test('a table of the inferred wrappers: where names and properties come from, prefixes, calls, the call they map to', async () => {
    const { code, stdout, stderr } = await cli(['wrappers']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        'Wrapper            Location                  Kind   Name from  Properties from     Prefix       Suffix  Calls  Maps to                       Status',
        '-----------------  ------------------------  -----  ---------  ------------------  -----------  ------  -----  ----------------------------  --------',
        'trackCheckout      src/analytics/steps.ts:3  track  arg 0      arg 1 (+ platform)  "Checkout "  —       1      trackEvent → analytics.track  inferred',
        'trackEvent         src/analytics/track.ts:1  track  arg 0      arg 1 (+ platform)  —            —       2      analytics.track               inferred',
        'trackWeb           src/analytics/track.ts:5  track  arg 0      arg 1               "web."       —       0      analytics.track               inferred',
        'useTracking.track  src/hooks.ts:2            track  arg 0      arg 1               —            —       1      analytics.track               inferred',
        '',
        '4 wrappers: 4 inferred, 0 declared, 0 disabled.',
        '',
      ].join('\n'),
    );
  });

  test('check judges calls through wrappers, also in files that name no SDK method (chains included)', async () => {
    const { code, stdout } = await cli(['check', '--format', 'json']);
    assert.equal(code, 1);
    const messages = (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[]).flatMap((r) =>
      r.messages.map((m) => [path.relative(fixture, r.filePath), m.line, m.column, m.ruleId, m.message]),
    );
    assert.deepEqual(messages, [
      ['src/pages/checkout.ts', 4, 14, 'unknown-event', "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"],
      ['src/pages/steps.ts', 4, 17, 'unknown-event', "Event 'Checkout Complete' is not in the tracking plan. Did you mean 'Checkout Completed'?"],
    ]);
  });

  test('--format json', async () => {
    const { code, stdout } = await cli(['wrappers', 'src', '--format', 'json']);
    assert.equal(code, 0);
    const trackEvent = (JSON.parse(stdout) as Record<string, unknown>[]).find((w) => w.name === 'trackEvent');
    assert.deepEqual(trackEvent, {
      name: 'trackEvent',
      file: path.join(fixture, 'src/analytics/track.ts'),
      line: 1,
      column: 17,
      kind: 'track',
      status: 'inferred',
      event: { arg: 0 },
      nameMap: null,
      properties: { arg: 1 },
      prefix: '',
      suffix: '',
      addedProperties: ['platform'],
      addsUnknownProperties: false,
      via: 'analytics.track',
      chain: [],
      target: 'analytics.track',
      callSites: 2,
    });
  });

  test('a wrapper disabled in the plan is listed as disabled, and check no longer judges its calls', async () => {
    const plan = planWith('wrappers:\n  ignore: [trackEvent]\n');
    try {
      const listed = await cli(['wrappers', '--plan', plan.file, '--format', 'json']);
      assert.deepEqual((JSON.parse(listed.stdout) as { name: string; status: string }[]).map((w) => [w.name, w.status]), [
        ['trackCheckout', 'disabled'],
        ['trackEvent', 'disabled'],
        ['trackWeb', 'inferred'],
        ['useTracking.track', 'inferred'],
      ]);
      const checked = await cli(['check', '--plan', plan.file, '--format', 'json']);
      const messages = (JSON.parse(checked.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[]).flatMap((r) =>
        r.messages.map((m) => [path.relative(fixture, r.filePath), m.ruleId, m.line]),
      );
      // The wrapper's own call is dynamic again; its call sites (and trackCheckout's, which leads through it) are not judged.
      assert.deepEqual(messages, [['src/analytics/track.ts', 'dynamic-event-name', 2]]);
    } finally {
      plan.dispose();
    }
  });

  test('a wrapper declared in callees: is listed as declared (declared ones win)', async () => {
    const plan = planWith('callees:\n  - callee: trackWeb\n    prefix: "shop."\n');
    try {
      const { stdout } = await cli(['wrappers', '--plan', plan.file]);
      assert.match(stdout, /^trackWeb .* declared \(plan callees win\)$/m);
    } finally {
      plan.dispose();
    }
  });

  test('with inference off, check reports as before wrappers were followed', async () => {
    const plan = planWith('wrappers:\n  infer: false\n');
    try {
      const { stdout } = await cli(['check', '--plan', plan.file, '--format', 'json']);
      const rules = (JSON.parse(stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));
      assert.deepEqual(rules, ['dynamic-event-name', 'dynamic-event-name', 'dynamic-event-name']);
    } finally {
      plan.dispose();
    }
  });

  test('usage errors exit with 2', async () => {
    assert.equal((await cli(['wrappers', '--format', 'xml'])).code, 2);
    assert.equal((await cli(['wrappers', 'no-such-folder'])).code, 2);
    const help = await cli(['wrappers', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: tracklint wrappers/);
  });
});
