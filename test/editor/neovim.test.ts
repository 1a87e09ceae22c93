// The language server in Neovim (Debian's `neovim`): `nvim --headless` with the minimal config in
// nvim/init.lua runs the README's Neovim setup for the installed version, which starts
// `tracklint-lsp --stdio` (the package's bin, dist/server.js, linked onto PATH as npm links it) on a
// copy of examples/shop; it opens src/pages/checkout.ts and writes the diagnostics Neovim received.
// They must be exactly the CLI's findings for that file (`tracklint check --format json`), same rule
// ids, same ranges. The README's Helix and Sublime setups must start the server the same way.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';

const repositoryRoot = path.resolve(__dirname, '../..');
const server = path.join(repositoryRoot, 'dist/server.js');
const cli = path.join(repositoryRoot, 'dist/tracklint.js');
const initLua = path.join(__dirname, 'nvim/init.lua');
const file = 'src/pages/checkout.ts';
const readme = readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8');
/** The command every README setup runs: the `tracklint-lsp` bin over stdio. */
const serverCommand = ['tracklint-lsp', '--stdio'];

/** The README's Neovim setups, newest first: the first whose version is at most the installed one runs. */
const neovimSetups = [
  { heading: 'Neovim 0.11+:', from: [0, 11] },
  { heading: 'Neovim 0.8–0.10:', from: [0, 8] },
  { heading: "Neovim 0.7 (Debian 12's `neovim`):", from: [0, 7] },
] as const;

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
  filetype: string;
  clients: { name: string; cmd: string[]; root_dir: string }[];
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
/** The installed Neovim's [major, minor]. */
let nvimVersion: [number, number];

before(() => {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(nvim.status, 0, 'nvim is missing: apt-get install -y neovim');
  const version = /^NVIM v(\d+)\.(\d+)/.exec(nvim.stdout);
  assert.ok(version, `unexpected nvim --version: ${nvim.stdout}`);
  nvimVersion = [Number(version[1]), Number(version[2])];
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

/** The first fenced block of `language` after the README line `heading`. */
function readmeBlock(heading: string, language: string): string {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  assert.ok(start >= 0, `the README has no line '${heading}'`);
  const after = lines.slice(start + 1).join('\n');
  const block = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```', 'm').exec(after);
  assert.ok(block, `no \`\`\`${language} block after '${heading}' in the README`);
  return block[1];
}

/** The README's Neovim setup for the installed version: its heading and its Lua. */
function neovimSetup(): { heading: string; lua: string } {
  const [major, minor] = nvimVersion;
  const setup = neovimSetups.find(({ from }) => major > from[0] || (major === from[0] && minor >= from[1]));
  assert.ok(setup, `the README has no setup for Neovim ${major}.${minor}`);
  return { heading: setup.heading, lua: readmeBlock(setup.heading, 'lua') };
}

function runNeovim(setupLua: string): NvimResult {
  const out = path.join(scratch, 'diagnostics.json');
  const xdg = path.join(scratch, 'xdg');
  mkdirSync(xdg, { recursive: true });
  const setupFile = path.join(scratch, 'tracklint-setup.lua');
  writeFileSync(setupFile, setupLua);
  // `tracklint-lsp` as `npm install` links it: a symlink to dist/server.js, whose shebang runs `node` from PATH.
  const bin = path.join(scratch, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(server, path.join(bin, 'tracklint-lsp'));
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
      PATH: [bin, path.dirname(process.execPath), process.env.PATH ?? ''].join(path.delimiter),
      TRACKLINT_SETUP: setupFile,
      TRACKLINT_FILE: path.join(workspace, file),
      TRACKLINT_OUT: out,
      TRACKLINT_TIMEOUT_MS: '60000',
    },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  assert.ok(existsSync(out), `nvim wrote no diagnostics (exit ${result.status ?? result.signal}): ${output}`);
  const written = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
  assert.equal(written.timed_out, false, `no diagnostics within 60 s (nvim ${written.nvim}, filetype '${written.filetype}', clients ${JSON.stringify(written.clients)}): ${output}`);
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

  const setup = neovimSetup();
  const result = runNeovim(setup.lua);
  t.diagnostic(`nvim ${result.nvim} (${result.filetype}), the README's '${setup.heading}' setup; clients: ${JSON.stringify(result.clients)}`);
  // One client, as the README configures it: the bin over stdio, rooted at the folder of the plan.
  assert.deepEqual(result.clients, [{ name: 'tracklint', cmd: serverCommand, root_dir: workspace }]);
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

test("the README's other setups: each Neovim one compiles and runs the same command, Helix and Sublime LSP start it on the same languages", () => {
  const helix = readmeBlock('Helix (`languages.toml`):', 'toml');
  assert.match(helix, /^\[language-server\.tracklint\]\ncommand = "tracklint-lsp"\nargs = \["--stdio"\]$/m);
  assert.match(helix, /^name = "typescript"\nlanguage-servers = \["typescript-language-server", "tracklint"\]$/m);
  assert.match(helix, /"tsx", "javascript" and "jsx"/);

  const sublime = JSON.parse(readmeBlock('Sublime LSP (`LSP.sublime-settings`):', 'json')) as { clients: Record<string, { enabled: boolean; command: string[]; selector: string }> };
  const client = sublime.clients.tracklint;
  assert.equal(client.enabled, true);
  assert.deepEqual(client.command, serverCommand);
  assert.deepEqual(client.selector.split('|').map((s) => s.trim()), ['source.ts', 'source.tsx', 'source.js', 'source.jsx']);

  // Every Neovim setup runs the same command on the four filetypes, and is Lua that compiles (only the
  // installed version's setup runs in the test above).
  const chunks: string[] = [];
  for (const [index, { heading }] of neovimSetups.entries()) {
    const lua = readmeBlock(heading, 'lua');
    assert.match(lua, /cmd = \{ 'tracklint-lsp', '--stdio' \}/, heading);
    assert.match(lua, /\{ 'javascript', 'javascriptreact', 'typescript', 'typescriptreact' \}/, heading);
    chunks.push(path.join(scratch, `setup-${index}.lua`));
    writeFileSync(chunks[index], lua);
  }
  const compile = `local bad = {} for _, f in ipairs(vim.split(os.getenv('TRACKLINT_CHUNKS'), '\\n')) do local ok, err = loadfile(f) if not ok then table.insert(bad, err) end end io.stderr:write(table.concat(bad, '\\n')) vim.cmd(#bad == 0 and 'qall!' or 'cquit 1')`;
  const compiled = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `lua ${compile}`], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, TRACKLINT_CHUNKS: chunks.join('\n') } });
  assert.equal(compiled.status, 0, `a README Neovim setup does not compile: ${compiled.stderr}`);
});

function byPosition(a: { lnum: number; col: number; code?: string | number }, b: { lnum: number; col: number; code?: string | number }): number {
  return a.lnum - b.lnum || a.col - b.col || String(a.code).localeCompare(String(b.code));
}
