// What the VS Code editor tests share: steps that save a screenshot (and the logs on a failure), the
// wait for the extension's status bar item, and copying a screenshot to docs/images for the README.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, type TestContext } from 'node:test';
import { ensureCodeServer, type CodeServerInstall } from '../../scripts/editor/codeServer';
import { chromiumPath, CodeServerSession, extensionId, repositoryRoot, screenshotFolder, type SessionOptions } from './codeServerSession';

/** Generous: the first analysis loads TypeScript and the whole example project. */
export const SERVER_TIMEOUT = 60_000;
export const STEP_TIMEOUT = 30_000;

/** The extension's status bar item (its id is the extension's id and the item's). */
export const statusItem = `[id="${extensionId}.tracklint.status"]`;

const docsImages = path.join(repositoryRoot, 'docs/images');
const updateDocs = process.env.TRACKLINT_EDITOR_UPDATE_DOCS === '1';

let failures = 0;
let install: CodeServerInstall | undefined;

/**
 * The test file's own hooks, called once at its top level: Chromium must be there and code-server is
 * installed (or found in the cache) before any session starts; at the end, when a step failed, it says
 * where the screenshots and logs are.
 */
export function setUpEditorTests(): void {
  before(() => {
    assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install -y chromium (or set TRACKLINT_CHROMIUM)`);
    install = ensureCodeServer();
  });
  after(() => {
    if (failures > 0) console.error(`editor: ${failures} step(s) failed; screenshots and logs are in ${screenshotFolder}`);
  });
}

/**
 * In a describe: a code-server session on a fresh copy of examples/shop, started before its tests and
 * stopped after them; `started` receives it once the workbench is open.
 */
export function useSession(options: Omit<SessionOptions, 'install'>, started: (session: CodeServerSession) => void | Promise<void>): void {
  let session: CodeServerSession | undefined;
  before(async () => {
    if (!install) throw new Error('setUpEditorTests() was not called at the top of the test file');
    session = new CodeServerSession({ ...options, install });
    await session.start();
    await started(session);
  }, { timeout: 180_000 });
  after(async () => {
    await session?.stop();
  });
}

/** Runs one step; saves a screenshot after it, or on failure, and says where the screenshots and logs are. */
export async function step(t: TestContext, session: CodeServerSession, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    failures += 1;
    const shot = await session.screenshot(`${name}-FAILED`).catch(() => undefined);
    const logs = session.collectLogs();
    t.diagnostic(`screenshot of the failure: ${shot ?? '(none)'}`);
    console.error(`\neditor: '${name}' failed. Screenshots and logs: ${screenshotFolder}\n  ${[shot, session.logFile, ...logs].filter(Boolean).join('\n  ')}\n`);
    throw error;
  }
  const shot = await session.screenshot(name);
  t.diagnostic(`screenshot: ${path.relative(repositoryRoot, shot)}`);
}

/** Waits for the extension's status bar item to show `expected` (the example's plan); on a timeout, says what the status bar shows instead. */
export async function waitForPlanStatus(session: CodeServerSession, expected: string | RegExp = 'Acme Shop', timeoutMs = SERVER_TIMEOUT): Promise<void> {
  const item = session.page.locator(statusItem);
  try {
    await item.filter({ hasText: expected }).waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (error) {
    const shown = (await item.count()) > 0 ? `it shows ${JSON.stringify(await item.textContent())}` : 'the extension created no status bar item';
    const items = (await session.page.locator('.statusbar-item').allTextContents()).map((t) => t.trim()).filter(Boolean);
    throw new Error(`the tracklint status bar item did not show ${expected} within ${timeoutMs / 1000} s: ${shown}; status bar: ${JSON.stringify(items)}`, { cause: error });
  }
}

/** With TRACKLINT_EDITOR_UPDATE_DOCS=1, copies a screenshot to docs/images/<name> for the README. */
export function publishDocsImage(source: string, name: string): void {
  if (!updateDocs) return;
  mkdirSync(docsImages, { recursive: true });
  const size = statSync(source).size;
  assert.ok(size < 300 * 1024, `${source} is ${Math.round(size / 1024)} KB; docs images stay under 300 KB`);
  copyFileSync(source, path.join(docsImages, name));
}
