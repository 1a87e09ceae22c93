// Starts code-server (a real VS Code server and web workbench) with the packaged extension installed,
// on a copy of examples/shop, and drives it in Debian's Chromium through playwright-core.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CodeServerInstall } from '../../scripts/editor/codeServer';

export const repositoryRoot = path.resolve(__dirname, '../..');
export const screenshotFolder = path.join(repositoryRoot, 'build/editor-screenshots');
export const chromiumPath = process.env.TRACKLINT_CHROMIUM || '/usr/bin/chromium';
export const vsixPath = process.env.TRACKLINT_EDITOR_VSIX ? path.resolve(process.env.TRACKLINT_EDITOR_VSIX) : path.join(repositoryRoot, 'build/tracklint.vsix');

/** The extension's id as the .vsix installs it: publisher.name. */
const manifest = JSON.parse(readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** User settings for a workbench that opens quietly: no welcome page, no telemetry, no update or recommendation pop-ups. */
export function quietSettings(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    'telemetry.telemetryLevel': 'off',
    'workbench.startupEditor': 'none',
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'git.enabled': false,
    'editor.minimap.enabled': false,
    // Only tracklint's and TypeScript's own suggestions: no words from the file in the completion list.
    'editor.wordBasedSuggestions': 'off',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.hover.delay': 300,
    'editor.stickyScroll.enabled': false,
    'workbench.colorTheme': 'Dark Modern',
    // No empty chat side bar on the right.
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    ...extra,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(0);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file: string, lines = 40): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n') : '(no log)';
}

export interface SessionOptions {
  /** A short name: the screenshot prefix and the temp folder's name. */
  name: string;
  install: CodeServerInstall;
  settings: Record<string, unknown>;
  /** Changes the copy of examples/shop before code-server opens it. */
  prepareWorkspace?: (folder: string) => void;
}

/** Process groups still running, ended on exit whatever happens (a failed assertion, an uncaught error, Ctrl+C). */
const liveGroups = new Set<number>();
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
    process.exit(130);
  });
}

export class CodeServerSession {
  readonly scratch: string;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  port = 0;
  private child: ChildProcess | undefined;
  private context: BrowserContext | undefined;
  page!: Page;
  private shots = 0;

  constructor(private readonly options: SessionOptions) {
    this.scratch = mkdtempSync(path.join(os.tmpdir(), `tracklint-editor-${options.name}-`));
    this.workspace = path.join(this.scratch, 'shop');
    this.userDataDir = path.join(this.scratch, 'user-data');
    this.extensionsDir = path.join(this.scratch, 'extensions');
    this.logFile = path.join(screenshotFolder, `${options.name}-code-server.log`);
  }

  /** The environment code-server runs in: its own XDG folders, so nothing under the user's home is read or written. */
  private env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of Object.keys(env)) {
      if (key.startsWith('VSCODE_') || key.startsWith('npm_') || key === 'NODE_OPTIONS' || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
    }
    return {
      ...env,
      XDG_CONFIG_HOME: path.join(this.scratch, 'xdg-config'),
      XDG_DATA_HOME: path.join(this.scratch, 'xdg-data'),
      XDG_CACHE_HOME: path.join(this.scratch, 'xdg-cache'),
      PATH: `${path.dirname(this.options.install.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    };
  }

  private codeServerArgs(): string[] {
    return ['--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir, '--disable-telemetry', '--disable-update-check'];
  }

  /** Copies the example, writes the settings, installs the .vsix, starts code-server and opens the workbench in Chromium. */
  async start(): Promise<void> {
    mkdirSync(screenshotFolder, { recursive: true });
    // Only this run's screenshots and logs of this session: each test file starts its own sessions.
    for (const file of readdirSync(screenshotFolder)) {
      if (file.startsWith(`${this.options.name}-`)) rmSync(path.join(screenshotFolder, file), { force: true });
    }
    // A copy: quick fixes and typing must never touch examples/shop.
    cpSync(path.join(repositoryRoot, 'examples/shop'), this.workspace, { recursive: true });
    this.options.prepareWorkspace?.(this.workspace);
    mkdirSync(path.join(this.userDataDir, 'User'), { recursive: true });
    writeFileSync(path.join(this.userDataDir, 'User/settings.json'), `${JSON.stringify(this.options.settings, null, 2)}\n`);
    const configFile = path.join(this.scratch, 'xdg-config/code-server/config.yaml');
    mkdirSync(path.dirname(configFile), { recursive: true });
    writeFileSync(configFile, 'auth: none\ncert: false\n');

    if (!existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run \`npm run package\` first`);
    const { node, entry } = this.options.install;
    const installed = spawnSync(node, [entry, ...this.codeServerArgs(), '--install-extension', vsixPath], { env: this.env(), encoding: 'utf8', timeout: 120_000 });
    const installOutput = `${installed.stdout}\n${installed.stderr}`.trim();
    if (installed.status !== 0 || !/successfully installed/i.test(installOutput)) {
      throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${installed.status}):\n${installOutput}`);
    }
    const folders = readdirSync(this.extensionsDir).filter((name) => name.toLowerCase().startsWith(extensionId.toLowerCase()));
    if (folders.length !== 1) throw new Error(`expected one ${extensionId} folder in ${this.extensionsDir}, found: ${readdirSync(this.extensionsDir).join(', ')}`);

    this.port = await freePort();
    const log = openSync(this.logFile, 'w');
    // detached: its own process group. code-server starts the extension host, file watchers and our
    // language server as children, and leaves some of them behind: stop() ends the whole group.
    this.child = spawn(
      node,
      [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${this.port}`, '--config', configFile, ...this.codeServerArgs(), '--ignore-last-opened', this.workspace],
      { detached: true, stdio: ['ignore', log, log], env: this.env(), cwd: this.scratch },
    );
    closeSync(log);
    const pid = this.child.pid;
    if (pid === undefined) throw new Error('code-server did not start');
    liveGroups.add(pid);
    let exited: string | undefined;
    this.child.on('exit', (code, signal) => {
      exited = `code-server exited (${code ?? signal})`;
    });

    const deadline = Date.now() + 60_000;
    while ((await httpStatus(`http://127.0.0.1:${this.port}/healthz`)) !== 200) {
      if (exited) throw new Error(`${exited} before it was ready:\n${tail(this.logFile)}`);
      if (Date.now() > deadline) throw new Error(`code-server was not ready on port ${this.port} after 60 s:\n${tail(this.logFile)}`);
      await sleep(250);
    }

    this.context = await chromium.launchPersistentContext(path.join(this.scratch, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      // Its crash reports and caches in the scratch folder too, not under the user's home.
      env: { ...process.env, XDG_CONFIG_HOME: path.join(this.scratch, 'xdg-config'), XDG_CACHE_HOME: path.join(this.scratch, 'xdg-cache'), HOME: this.scratch },
      viewport: { width: 1280, height: 760 },
      deviceScaleFactor: 1,
      locale: 'en-US',
    });
    this.page = this.context.pages()[0] ?? (await this.context.newPage());
    this.page.setDefaultTimeout(30_000);
    await this.page.goto(`http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.workspace)}`);
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 90_000 });
  }

  /** Saves build/editor-screenshots/<name>-<n>-<step>.png and returns its path. */
  async screenshot(step: string): Promise<string> {
    this.shots += 1;
    const file = path.join(screenshotFolder, `${this.options.name}-${String(this.shots).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** VS Code's logs (extension host, the tracklint output channel) copied next to the screenshots, for a failure's report. */
  collectLogs(): string[] {
    const copied: string[] = [];
    const logs = path.join(this.userDataDir, 'logs');
    if (!existsSync(logs)) return copied;
    const walk = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/exthost|tracklint|remoteagent|extHost/i.test(full) && entry.name.endsWith('.log')) {
          const target = path.join(screenshotFolder, `${this.options.name}-${path.relative(logs, full).replace(/[\\/]/g, '_')}`);
          cpSync(full, target);
          copied.push(target);
        }
      }
    };
    walk(logs);
    return copied;
  }

  /** Closes the browser and ends code-server's whole process group; removes the temp folder. */
  async stop(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    this.context = undefined;
    const child = this.child;
    if (child?.pid !== undefined) {
      const pid = child.pid;
      const gone = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      killGroup(pid, 'SIGTERM');
      await Promise.race([gone, sleep(5000)]);
      // The group's other members (extension host, language server, watchers) may outlive the main process.
      killGroup(pid, 'SIGKILL');
      liveGroups.delete(pid);
    }
    this.child = undefined;
    rmSync(this.scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}
