import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { SKIP_MESSAGE, vscodeSource } from './availability';

/**
 * The @vscode/test-electron suite as part of `npm test`: it runs where VS Code is installed
 * (VSCODE_EXECUTABLE) or may be downloaded (TRACKLINT_E2E_DOWNLOAD=1), and is reported as skipped,
 * with the reason, everywhere else — the rest of the tests run either way.
 */

const root = path.resolve(__dirname, '../..');
const available = vscodeSource() !== undefined;

test('VS Code end-to-end (test/e2e): diagnostics, a completion and a quick fix through the vscode API on the shop example', { skip: !available && SKIP_MESSAGE, timeout: 600_000 }, () => {
  const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const build = run(['scripts/build.mjs', 'e2e']);
  assert.equal(build.status, 0, build.stderr);
  const suite = run(['build/e2e/run.js']);
  assert.equal(suite.status, 0, `${suite.stdout}\n${suite.stderr}`);
  assert.doesNotMatch(suite.stdout, /not ok/);
});
