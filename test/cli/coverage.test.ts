import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCliCaptured } from '../helpers/cliRun';

const root = path.resolve(__dirname, '../..');
const fixture = path.join(root, 'test/fixtures/workspaces/coverage');

const cli = (args: string[], cwd = fixture) => runCliCaptured(args, cwd);

const TABLE_HEAD = [
  'Kind   Name             Calls  web  server  no source  Planned for  Status',
  '-----  ---------------  -----  ---  ------  ---------  -----------  --------------------------------------',
];

const TABLE_TAIL = [
  '',
  'Not in the plan: 2 names, 3 calls',
  "  Event 'Checkout Start' (2 calls)",
  '    apps/web/checkout.ts:12:19',
  '    services/orders.ts:3:19',
  "  Page 'Landing' (1 call)",
  '    scripts/seed.ts:2:16',
  '',
  'Dynamic names (cannot be resolved statically): 1',
  "  apps/web/checkout.ts:11:19  event name of type 'string'",
  '',
  '3 of 5 planned names sent (60%); 2 never sent; 2 names not in the plan; 1 dynamic name.',
  '',
];

describe('tracklint coverage', () => {
  test('table: per planned name its calls per source, then off-plan names with locations and dynamic names', async () => {
    const { code, stdout, stderr } = await cli(['coverage']);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        ...TABLE_HEAD,
        'Event  Order Completed      2    1       1          0  web          sent, 1 call off-source (event-source)',
        'Event  Signed Up            1    0       0          1  any          sent',
        'Event  Wishlist Shared      0    0       0          0  any          never sent',
        'Event  Old Checkout         0    0       0          0  any          deprecated',
        'Page   Home                 1    1       0          0  any          sent',
        'Page   Pricing              0    0       0          0  any          never sent',
        ...TABLE_TAIL,
      ].join('\n'),
    );
  });

  test('--verbose lists each call site under its name, with its source; a wrapper counts at its call sites, not its own forwarding call', async () => {
    const { code, stdout } = await cli(['coverage', '--verbose']);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        ...TABLE_HEAD,
        'Event  Order Completed      2    1       1          0  web          sent, 1 call off-source (event-source)',
        '    apps/web/checkout.ts:4:17 (web)',
        '    services/orders.ts:2:19 (server)',
        'Event  Signed Up            1    0       0          1  any          sent',
        '    scripts/seed.ts:1:17',
        'Event  Wishlist Shared      0    0       0          0  any          never sent',
        'Event  Old Checkout         0    0       0          0  any          deprecated',
        'Page   Home                 1    1       0          0  any          sent',
        '    apps/web/checkout.ts:5:18 (web)',
        'Page   Pricing              0    0       0          0  any          never sent',
        ...TABLE_TAIL,
      ].join('\n'),
    );
  });

  test('markdown: a pull-request comment', async () => {
    const { code, stdout } = await cli(['coverage', '--format', 'markdown']);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      [
        '## Tracking plan coverage',
        '',
        '**3 of 5 planned names** sent (60%) · **2** never sent · **2** not in the plan · **1** dynamic',
        '',
        '| Kind | Name | Calls | web | server | no source | Planned for | Status |',
        '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
        '| Event | `Order Completed` | 2 | 1 | 1 | 0 | web | sent, 1 call off-source (event-source) |',
        '| Event | `Signed Up` | 1 | 0 | 0 | 1 | any | sent |',
        '| Event | `Wishlist Shared` | 0 | 0 | 0 | 0 | any | never sent |',
        '| Event | `Old Checkout` | 0 | 0 | 0 | 0 | any | deprecated |',
        '| Page | `Home` | 1 | 1 | 0 | 0 | any | sent |',
        '| Page | `Pricing` | 0 | 0 | 0 | 0 | any | never sent |',
        '',
        '### Planned but never sent',
        '',
        '- Event `Wishlist Shared`',
        '- Page `Pricing`',
        '',
        '### Sent but not in the plan',
        '',
        '| Kind | Name | Calls | Where |',
        '| --- | --- | ---: | --- |',
        '| Event | `Checkout Start` | 2 | `apps/web/checkout.ts:12:19`<br>`services/orders.ts:3:19` |',
        '| Page | `Landing` | 1 | `scripts/seed.ts:2:16` |',
        '',
        '### Names that cannot be resolved statically',
        '',
        '- `apps/web/checkout.ts:11:19`: event name of type `string`',
        '',
      ].join('\n'),
    );
  });

  test('markdown --verbose adds a call-sites column', async () => {
    const { stdout } = await cli(['coverage', '--format', 'markdown', '--verbose']);
    const lines = stdout.split('\n');
    assert.equal(lines[4], '| Kind | Name | Calls | web | server | no source | Planned for | Status | Call sites |');
    assert.equal(lines[5], '| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |');
    assert.equal(lines[6], '| Event | `Order Completed` | 2 | 1 | 1 | 0 | web | sent, 1 call off-source (event-source) | `apps/web/checkout.ts:4:17`<br>`services/orders.ts:2:19` |');
    assert.equal(lines[8], '| Event | `Wishlist Shared` | 0 | 0 | 0 | 0 | any | never sent |  |');
  });

  test('json: the whole model, paths relative to the working directory, 1-based positions', async () => {
    const { code, stdout } = await cli(['coverage', 'apps', 'services', 'scripts', '--format', 'json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.sources, ['web', 'server']);
    assert.deepEqual(report.planned[0], {
      kind: 'track',
      name: 'Order Completed',
      deprecated: false,
      plannedSources: ['web'],
      calls: 2,
      bySource: { web: 1, server: 1 },
      unassigned: 0,
      offSource: 1,
      sites: [
        { file: 'apps/web/checkout.ts', line: 4, column: 17, source: 'web' },
        { file: 'services/orders.ts', line: 2, column: 19, source: 'server' },
      ],
    });
    assert.deepEqual(
      report.planned.map((p: { kind: string; name: string; calls: number; deprecated: boolean }) => [p.kind, p.name, p.calls, p.deprecated]),
      [['track', 'Order Completed', 2, false], ['track', 'Signed Up', 1, false], ['track', 'Wishlist Shared', 0, false], ['track', 'Old Checkout', 0, true], ['page', 'Home', 1, false], ['page', 'Pricing', 0, false]],
    );
    assert.deepEqual(report.neverSent, [{ kind: 'track', name: 'Wishlist Shared' }, { kind: 'page', name: 'Pricing' }]);
    assert.deepEqual(report.unplanned, [
      { kind: 'track', name: 'Checkout Start', calls: 2, sites: [{ file: 'apps/web/checkout.ts', line: 12, column: 19, source: 'web' }, { file: 'services/orders.ts', line: 3, column: 19, source: 'server' }] },
      { kind: 'page', name: 'Landing', calls: 1, sites: [{ file: 'scripts/seed.ts', line: 2, column: 16 }] },
    ]);
    assert.deepEqual(report.dynamic, [{ file: 'apps/web/checkout.ts', line: 11, column: 19, source: 'web', kind: 'track', type: 'string' }]);
  });

  test('--fail-on-unused and --fail-on-unplanned exit 1 and say why; the report is still printed', async () => {
    const unused = await cli(['coverage', '--fail-on-unused']);
    assert.equal(unused.code, 1);
    assert.equal(unused.stderr, 'tracklint: 2 planned names are never sent (--fail-on-unused).\n');
    assert.match(unused.stdout, /^Kind {3}Name/);
    const unplanned = await cli(['coverage', '--fail-on-unplanned', '--format', 'json']);
    assert.equal(unplanned.code, 1);
    assert.equal(unplanned.stderr, 'tracklint: 2 names are sent but not in the plan (--fail-on-unplanned).\n');
    const both = await cli(['coverage', '--fail-on-unused', '--fail-on-unplanned', '--format', 'markdown']);
    assert.equal(both.code, 1);
    assert.equal(both.stderr, 'tracklint: 2 planned names are never sent (--fail-on-unused); 2 names are sent but not in the plan (--fail-on-unplanned).\n');
  });

  test('--fail-on-unplanned passes when every name sent is planned (here: only the wrapper, whose forwarding call sends nothing itself)', async () => {
    const unplanned = await cli(['coverage', 'apps/web', '--fail-on-unplanned', '--ignore', '**/checkout.ts']);
    assert.equal(unplanned.code, 0);
    assert.equal(unplanned.stderr, '');
    assert.match(unplanned.stdout, /Not in the plan: none\n/);
    assert.match(unplanned.stdout, /0 of 5 planned names sent \(0%\); 5 never sent; 0 names not in the plan; 0 dynamic names\.\n$/);
  });

  test('a deprecated name never sent does not fail --fail-on-unused', async () => {
    const { code, stderr } = await cli(['coverage', '--fail-on-unused', '--plan', path.join(root, 'test/fixtures/workspaces/coverage/plans/deprecated-only.yaml')]);
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  test('usage errors exit 2: an unknown format, a missing path, an unusable plan', async () => {
    const format = await cli(['coverage', '--format', 'sarif']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /^tracklint: Unknown format 'sarif'\. Use table, json or markdown\.\n\nUsage: tracklint coverage/);
    const missing = await cli(['coverage', 'nope']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or directory: nope/);
    const broken = await cli(['coverage', '--plan', path.join(root, 'test/fixtures/plans/native/wrong-types.yaml')]);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /cannot be used \(run tracklint check to see why\)/);
  });

  test('check reports the off-source call of the fixture as event-source', async () => {
    const { stdout } = await cli(['check', '--format', 'json']);
    const findings = (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[]).flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'event-source').map((m) => [path.relative(fixture, r.filePath), m.line, m.column, m.message]),
    );
    assert.deepEqual(findings, [['services/orders.ts', 2, 19, "Event 'Order Completed' is planned for source 'web', but this file belongs to source 'server'."]]);
  });

  test('examples/shop: every planned event with its calls per source, exit 0', async () => {
    const { code, stdout } = await cli(['coverage', 'examples/shop'], root);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'Kind    Name                Calls  web  server  no source  Planned for  Status');
    assert.equal(lines[2], 'Event   Order Completed         2    1       1          0  web, server  sent');
    assert.equal(lines[8], 'Event   Logged In               2    1       1          0  web          sent, 1 call off-source (event-source)');
    assert.equal(lines.at(-2), '7 of 9 planned names sent (78%); 2 never sent; 4 names not in the plan; 1 dynamic name.');
  });

  test('the README shows the real output on examples/shop, table and markdown', async () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = /```text\n\$ tracklint coverage examples\/shop\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.equal(table, (await cli(['coverage', 'examples/shop'], root)).stdout);
    const markdown = /`--format markdown` prints:\n\n```markdown\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.equal(markdown, (await cli(['coverage', 'examples/shop', '--format', 'markdown'], root)).stdout);
  });
});
