import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { runCliCaptured } from '../helpers/cliRun';

const root = path.resolve(__dirname, '../..');
const workspaces = path.join(root, 'test/fixtures/workspaces');

const cli = (args: string[], cwd = workspaces) => runCliCaptured(args, cwd);

/** ESLint-shaped results with paths relative to the fixtures, for exact comparison. */
function relativeResults(json: string) {
  return (JSON.parse(json) as { filePath: string }[]).map((r) => ({ ...r, filePath: path.relative(workspaces, r.filePath) }));
}

const counts = { fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };

describe('tracklint check', () => {
  test('--format json: exactly the findings of the workspace, in ESLint’s shape', async () => {
    const { code, stdout, stderr } = await cli(['check', 'basic', '--format', 'json']);
    assert.equal(stderr, 'tracklint: 3 analytics calls: 3 judged, 0 dynamic, 0 not judged\n');
    assert.equal(code, 1);
    assert.deepEqual(relativeResults(stdout), [
      {
        filePath: 'basic/src/app.ts',
        messages: [
          { ruleId: 'property-value', severity: 2, message: `Property 'method' of event 'Signed Up' must be one of "email", "google"; found "sso".`, line: 6, column: 32, endLine: 6, endColumn: 38 },
          { ruleId: 'event-name-casing', severity: 1, message: "Event name 'signed_up' is not Title Case; expected 'Signed Up'.", line: 7, column: 19, endLine: 7, endColumn: 33 },
          { ruleId: 'unknown-event', severity: 2, message: "Event 'signed_up' is not in the tracking plan. Did you mean 'Signed Up'?", line: 7, column: 19, endLine: 7, endColumn: 33 },
        ],
        errorCount: 2,
        warningCount: 1,
        ...counts,
      },
      { filePath: 'basic/src/events.ts', messages: [], errorCount: 0, warningCount: 0, ...counts },
      {
        filePath: 'basic/src/legacy.js',
        messages: [{ ruleId: 'deprecated-event', severity: 1, message: "Event 'Old Event' is deprecated in the tracking plan.", line: 1, column: 17, endLine: 1, endColumn: 28 }],
        errorCount: 0,
        warningCount: 1,
        ...counts,
      },
    ]);
  });

  test('node_modules, build output and the plan’s ignore globs are skipped; --ignore adds more', async () => {
    const { stdout } = await cli(['check', 'basic', '--format', 'json', '--ignore', '**/legacy.js']);
    assert.deepEqual(
      relativeResults(stdout).map((r) => r.filePath),
      ['basic/src/app.ts', 'basic/src/events.ts'],
    );
  });

  test('a single file may be checked; the plan is found upward from it', async () => {
    const { code, stdout } = await cli(['check', 'basic/src/legacy.js', '--format', 'json']);
    assert.equal(code, 0);
    assert.deepEqual(relativeResults(stdout).map((r) => [r.filePath, (r as unknown as { warningCount: number }).warningCount]), [['basic/src/legacy.js', 1]]);
  });

  test('several paths: each is checked, with the plan found from the first', async () => {
    const { code, stdout } = await cli(['check', 'basic/src/legacy.js', 'clean/src', '--format', 'json']);
    assert.equal(code, 1);
    assert.deepEqual(
      relativeResults(stdout).map((r) => [r.filePath, (r as unknown as { messages: { ruleId: string }[] }).messages.map((m) => m.ruleId)]),
      [
        ['basic/src/legacy.js', ['deprecated-event']],
        // Judged against basic's plan, which does not have clean's event.
        ['clean/src/nested/a.ts', ['missing-required-property', 'dynamic-event-name']],
      ],
    );
  });

  test('plans/tracking-plan.yaml is discovered; info findings never fail the run', async () => {
    const { code, stdout } = await cli(['check', 'clean', '--format', 'json', '--max-warnings', '0']);
    assert.equal(code, 0);
    const [result] = relativeResults(stdout) as unknown as { filePath: string; messages: { ruleId: string; severity: number }[]; warningCount: number }[];
    assert.equal(result.filePath, 'clean/src/nested/a.ts');
    assert.deepEqual(result.messages.map((m) => [m.ruleId, m.severity]), [['dynamic-event-name', 1]]);
    assert.equal(result.warningCount, 0);
  });

  test('--max-warnings: more warnings than allowed exit with 1', async () => {
    const within = await cli(['check', 'basic/src/legacy.js', '--max-warnings', '1']);
    assert.equal(within.code, 0);
    const over = await cli(['check', 'basic/src/legacy.js', '--max-warnings', '0']);
    assert.equal(over.code, 1);
    // The count of calls stays the last line.
    assert.equal(over.stderr, 'tracklint found too many warnings (maximum: 0).\ntracklint: 1 analytics calls: 1 judged, 0 dynamic, 0 not judged\n');
  });

  test('--quiet reports errors only', async () => {
    const { stdout } = await cli(['check', 'basic', '--format', 'json', '--quiet']);
    const messages = relativeResults(stdout).flatMap((r) => (r as unknown as { messages: { ruleId: string }[] }).messages.map((m) => m.ruleId));
    assert.deepEqual(messages, ['property-value', 'unknown-event']);
  });

  test('stylish output: a readable table and a summary', async () => {
    const { stdout } = await cli(['check', 'basic/src/legacy.js']);
    assert.equal(
      stdout,
      [
        'basic/src/legacy.js',
        "  1:17  warning  Event 'Old Event' is deprecated in the tracking plan.  deprecated-event",
        '',
        '✖ 1 problem (0 errors, 1 warning, 0 infos)',
        '',
      ].join('\n'),
    );
  });

  test('--format github: workflow annotations', async () => {
    const { stdout } = await cli(['check', 'basic/src/legacy.js', '--format', 'github']);
    assert.equal(stdout, "::warning file=basic/src/legacy.js,line=1,col=17,endLine=1,endColumn=28,title=tracklint (deprecated-event)::Event 'Old Event' is deprecated in the tracking plan.\n");
  });

  test('--format sarif: SARIF 2.1.0 with the rule and location', async () => {
    const { stdout } = await cli(['check', 'basic/src/legacy.js', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[] }) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region]), [
      ['deprecated-event', 'warning', 'basic/src/legacy.js', { startLine: 1, startColumn: 17, endLine: 1, endColumn: 28 }],
    ]);
  });

  test('an unusable plan: located findings and exit 2', async () => {
    const { code, stdout, stderr } = await cli(['check', 'broken', '--format', 'json']);
    assert.equal(code, 2);
    assert.equal(stderr, 'tracklint: the tracking plan broken/tracking-plan.yaml cannot be used:\n');
    assert.deepEqual(relativeResults(stdout), [
      {
        filePath: 'broken/tracking-plan.yaml',
        messages: [
          {
            ruleId: 'invalid-plan',
            severity: 2,
            message: "Expected a JSON Schema type (string, number, integer, boolean, object, array, null) or a list of them in 'events.Signed Up.properties.method.type'.",
            line: 4,
            column: 23,
            endLine: 4,
            endColumn: 28,
          },
        ],
        errorCount: 1,
        warningCount: 0,
        ...counts,
      },
    ]);
  });

  test("the plan's rules: sets the severity of its own invalid-plan findings", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tracklint-invalid-plan-'));
    try {
      const basicPlan = readFileSync(path.join(workspaces, 'basic/tracking-plan.yaml'), 'utf8');
      // A duplicate key: an error, but the plan stays usable (the last definition wins).
      const duplicated = basicPlan.replace('  Old Event:\n', '  Old Event:\n    deprecated: true\n  Old Event:\n');
      writeFileSync(path.join(dir, 'errors.yaml'), duplicated);
      writeFileSync(path.join(dir, 'warnings.yaml'), `rules:\n  invalid-plan: warning\n${duplicated}`);
      writeFileSync(path.join(dir, 'off.yaml'), `rules:\n  invalid-plan: off\n${duplicated}`);
      const planMessages = async (plan: string) => {
        const { code, stdout } = await cli(['check', 'basic/src/legacy.js', '--plan', path.join(dir, plan), '--format', 'json']);
        const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number }[] }[];
        return { code, plan: results.filter((r) => r.filePath.endsWith('.yaml')).flatMap((r) => r.messages.map((m) => [m.ruleId, m.severity, m.line])) };
      };
      assert.deepEqual(await planMessages('errors.yaml'), { code: 1, plan: [['invalid-plan', 2, 14]] });
      assert.deepEqual(await planMessages('warnings.yaml'), { code: 0, plan: [['invalid-plan', 1, 16]] });
      assert.deepEqual(await planMessages('off.yaml'), { code: 0, plan: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no plan anywhere above: exit 2 and what to do', async () => {
    const { code, stderr } = await cli(['check', '.'], '/');
    assert.equal(code, 2);
    assert.match(stderr, /^tracklint: no tracking plan found\. Looked for tracking-plan\.yaml, tracking-plan\.yml, tracking-plan\.json \(and plans\/tracking-plan\.\*\) in \. and every folder above it\. Pass --plan FILE\.\n$/);
  });

  test('usage errors exit 2', async () => {
    assert.equal((await cli(['check', 'basic', '--format', 'xml'])).code, 2);
    assert.equal((await cli(['check', 'basic', '--bogus'])).code, 2);
    assert.equal((await cli(['check', 'basic', '--max-warnings', 'many'])).code, 2);
    assert.equal((await cli(['lint'])).code, 2);
    const missing = await cli(['check', 'does-not-exist']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /No such file or directory: does-not-exist/);
  });

  test('--plan FILE overrides discovery', async () => {
    const { code, stdout } = await cli(['check', 'clean', '--plan', 'basic/tracking-plan.yaml', '--format', 'json']);
    assert.equal(code, 1);
    const ids = relativeResults(stdout).flatMap((r) => (r as unknown as { messages: { ruleId: string }[] }).messages.map((m) => m.ruleId));
    assert.deepEqual(ids, ['missing-required-property', 'dynamic-event-name']);
  });
});

describe('tracklint check in worker threads', () => {
  test('--jobs 3 finds exactly what one thread finds, wrappers defined in one share and called in another included', async () => {
    const one = await cli(['check', 'wrappers', '--format', 'json', '--jobs', '1']);
    const three = await cli(['check', 'wrappers', '--format', 'json', '--jobs', '3']);
    // The threads' counts add up to one thread's.
    assert.equal(one.stderr, 'tracklint: 3 analytics calls: 3 judged, 0 dynamic, 0 not judged\n');
    assert.equal(three.stderr, one.stderr);
    assert.equal(three.code, one.code);
    assert.deepEqual(relativeResults(three.stdout), relativeResults(one.stdout));
    // The pages reach the SDK only through wrappers in src/analytics, in another worker's share; the last
    // share is pages/steps.ts alone, which calls trackCheckout, which calls trackEvent (a chain).
    const found = relativeResults(three.stdout).flatMap((r) => (r as unknown as { messages: { ruleId: string; line: number }[] }).messages.map((m) => [r.filePath, m.line, m.ruleId]));
    assert.deepEqual(found, [
      ['wrappers/src/pages/checkout.ts', 4, 'unknown-event'],
      ['wrappers/src/pages/steps.ts', 4, 'unknown-event'],
    ]);
  });

  test('--jobs takes a whole number from 1', async () => {
    const { code, stderr } = await cli(['check', 'basic', '--jobs', '0']);
    assert.equal(code, 2);
    assert.match(stderr, /--jobs takes a whole number from 1, not '0'/);
  });
});

describe('tracklint check --max-file-size', () => {
  test('files over the limit are skipped with a file-too-large info finding, which never fails the run', async () => {
    const { code, stdout } = await cli(['check', 'basic/src/app.ts', '--format', 'json', '--max-file-size', '100']);
    assert.equal(code, 0);
    assert.deepEqual(relativeResults(stdout), [
      {
        filePath: 'basic/src/app.ts',
        messages: [{ ruleId: 'file-too-large', severity: 1, message: `tracklint skipped this file: it is ${appSize()} bytes, over --max-file-size (100 bytes).`, line: 1, column: 1, endLine: 1, endColumn: 1 }],
        errorCount: 0,
        warningCount: 0,
        ...counts,
      },
    ]);
  });

  test('--max-file-size takes a number of bytes', async () => {
    const { code, stderr } = await cli(['check', 'basic', '--max-file-size', '1MB']);
    assert.equal(code, 2);
    assert.match(stderr, /--max-file-size takes a number of bytes, not '1MB'/);
  });
});

function appSize(): number {
  return statSync(path.join(workspaces, 'basic/src/app.ts')).size;
}

describe('the tracklint bin', () => {
  test('runs as a process: output on stdout, exit status 1 on errors', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'dist/tracklint.js'), 'check', 'basic', '--format', 'json', '--quiet'], { cwd: workspaces, encoding: 'utf8' });
    assert.equal(result.stderr, 'tracklint: 3 analytics calls: 3 judged, 0 dynamic, 0 not judged\n');
    assert.equal(result.status, 1);
    assert.equal(relativeResults(result.stdout).length, 3);
  });

  test('--version prints the package version', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'dist/tracklint.js'), '--version'], { encoding: 'utf8' });
    assert.equal(result.stdout, `${require(path.join(root, 'package.json')).version}\n`);
    assert.equal(result.status, 0);
  });
});
