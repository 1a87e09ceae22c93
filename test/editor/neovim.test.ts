// The language server in Neovim (Debian's `neovim`): `nvim --headless` with the minimal config in
// nvim/init.lua starts `node dist/server.js --stdio` on a copy of examples/shop, opens
// src/pages/checkout.ts and writes the diagnostics Neovim received. They must be exactly the CLI's
// findings for that file (`tracklint check --format json`), same rule ids, same ranges.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';

const repositoryRoot = path.resolve(__dirname, '../..');
const server = path.join(repositoryRoot, 'dist/server.js');
const cli = path.join(repositoryRoot, 'dist/tracklint.js');
const initLua = path.join(__dirname, 'nvim/init.lua');
const file = 'src/pages/checkout.ts';

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  source?: string;
  code?: string | number;
  message: string;
}

interface NvimResult {
  nvim: string;
  api: string;
  clients: string[];
  timed_out: boolean;
  diagnostics: NvimDiagnostic[];
}

interface EslintMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

let scratch: string;
let workspace: string;

before(() => {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(nvim.status, 0, 'nvim is missing: apt-get install -y neovim');
  for (const bundle of [server, cli]) assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\``);
  scratch = mkdtempSync(path.join(os.tmpdir(), 'tracklint-nvim-'));
  workspace = path.join(scratch, 'shop');
  cpSync(path.join(repositoryRoot, 'examples/shop'), workspace, { recursive: true });
});

after(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The CLI's findings for the file, 1-based as ESLint's JSON has them. */
function cliFindings(): EslintMessage[] {
  const result = spawnSync(process.execPath, [cli, 'check', workspace, '--format', 'json'], { encoding: 'utf8', cwd: workspace });
  assert.ok(result.status === 0 || result.status === 1, `tracklint check exited ${result.status}: ${result.stderr}`);
  const files = JSON.parse(result.stdout) as { filePath: string; messages: EslintMessage[] }[];
  const entry = files.find((f) => path.resolve(f.filePath) === path.join(workspace, file));
  assert.ok(entry, `the CLI reported nothing for ${file}`);
  return entry.messages;
}

function runNeovim(): NvimResult {
  const out = path.join(scratch, 'diagnostics.json');
  const xdg = path.join(scratch, 'xdg');
  mkdirSync(xdg, { recursive: true });
  const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', initLua], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      // Neovim's own state, logs (lsp.log) and config under the scratch folder, not the user's.
      XDG_CONFIG_HOME: path.join(xdg, 'config'),
      XDG_DATA_HOME: path.join(xdg, 'data'),
      XDG_STATE_HOME: path.join(xdg, 'state'),
      XDG_CACHE_HOME: path.join(xdg, 'cache'),
      TRACKLINT_LSP_CMD: JSON.stringify([process.execPath, server, '--stdio']),
      TRACKLINT_ROOT: workspace,
      TRACKLINT_FILE: path.join(workspace, file),
      TRACKLINT_OUT: out,
      TRACKLINT_TIMEOUT_MS: '60000',
    },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  assert.ok(existsSync(out), `nvim wrote no diagnostics (exit ${result.status ?? result.signal}): ${output}`);
  const written = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
  assert.equal(written.timed_out, false, `no diagnostics within 60 s (nvim ${written.nvim}): ${output}`);
  assert.equal(result.status, 0, `nvim exited ${result.status ?? result.signal}: ${output}`);
  return written;
}

test('Neovim shows the same diagnostics as the CLI on src/pages/checkout.ts: rule ids and exact ranges', { timeout: 180_000 }, (t) => {
  const expected = cliFindings()
    .map((m) => ({
      // ESLint's JSON is 1-based (endColumn one past the end); Neovim's diagnostics are 0-based, end exclusive.
      lnum: m.line - 1,
      col: m.column - 1,
      end_lnum: m.endLine - 1,
      end_col: m.endColumn - 1,
      code: m.ruleId,
      message: m.message,
    }))
    .sort(byPosition);
  // The file's known findings, so a CLI that reports nothing cannot make this pass.
  assert.deepEqual(
    expected.map((d) => `${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col} ${d.code}`),
    [
      '12:14-12:19 property-value',
      '18:25-18:48 unknown-event',
      '23:25-23:45 event-name-casing',
      '23:25-23:45 unknown-event',
      '27:80-27:88 property-type',
    ],
  );

  const result = runNeovim();
  t.diagnostic(`nvim ${result.nvim}, started with ${result.api}; clients: ${result.clients.join(', ')}`);
  assert.deepEqual(result.clients, ['tracklint']);
  for (const d of result.diagnostics) assert.equal(d.source, 'tracklint');
  const actual = result.diagnostics
    .map((d) => ({ lnum: d.lnum, col: d.col, end_lnum: d.end_lnum, end_col: d.end_col, code: d.code, message: d.message }))
    .sort(byPosition);
  assert.deepEqual(actual, expected);

  // Severities as in the CLI: its errors are Neovim's ERROR (1), its warnings WARN (2).
  const severityOf = (code: string) => result.diagnostics.find((d) => d.code === code)?.severity;
  assert.equal(severityOf('unknown-event'), 1);
  assert.equal(severityOf('event-name-casing'), 2);
});

function byPosition(a: { lnum: number; col: number; code?: string | number }, b: { lnum: number; col: number; code?: string | number }): number {
  return a.lnum - b.lnum || a.col - b.col || String(a.code).localeCompare(String(b.code));
}
