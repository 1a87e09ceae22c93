import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Issue #2, section 1: what a newcomer meets on a fresh clone. (`npm test` builds dist/ before these run.) */
describe('the repository, ready for a newcomer', () => {
  test('has the designed layout', () => {
    for (const entry of ['package.json', 'tsconfig.json', 'client', 'server', 'plans', 'syntaxes', 'test', 'examples', 'docs', '.ci/run']) {
      assert.ok(existsSync(path.join(root, entry)), `${entry} is missing`);
    }
  });

  test('the README’s Quick start is exactly the two commands', () => {
    const quickStart = read('README.md').split('\n## Quick start\n')[1]?.split('\n## ')[0] ?? '';
    const commands = [...quickStart.matchAll(/^```sh\n([\s\S]*?)```$/gm)].flatMap((m) => m[1].trim().split('\n').map((line) => line.replace(/\s+#.*$/, '')));
    assert.deepEqual(commands, ['npm ci && npm run demo', 'npm ci && npm test']);
  });

  test('.ci/run is executable and runs the README’s test command on a clean install', () => {
    assert.ok(statSync(path.join(root, '.ci/run')).mode & 0o111, '.ci/run is not executable');
    const lines = read('.ci/run').split('\n').map((l) => l.trim());
    const ci = lines.indexOf('npm ci --no-audit --no-fund');
    assert.ok(ci >= 0, 'npm ci is not run');
    assert.ok(lines.indexOf('npm test') > ci, 'npm test is not run after npm ci');
  });

  test('tracklint is a bin of the package, built as an executable script', () => {
    const bin = JSON.parse(read('package.json')).bin as Record<string, string>;
    assert.equal(bin.tracklint, 'dist/tracklint.js');
    assert.ok(read(bin.tracklint).startsWith('#!/usr/bin/env node\n'));
    assert.ok(statSync(path.join(root, bin.tracklint)).mode & 0o111, `${bin.tracklint} is not executable`);
  });

  test('the demo checks the bundled example against its plan, prints its violations and exits 0', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/demo.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(result.stderr, 'tracklint: 16 analytics calls: 15 judged, 1 dynamic, 0 not judged\n');
    assert.equal(result.status, 0);
    assert.ok(result.stdout.startsWith(`$ tracklint check ${path.join('examples', 'shop')}\n`));
    assert.match(result.stdout, /^ {2}19:26 {2}error {4}Event 'Checkout Start' is not in the tracking plan\. Did you mean 'Checkout Started'\? +unknown-event$/m);
    assert.match(result.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings, \d+ infos?\)$/m);
  });
});
