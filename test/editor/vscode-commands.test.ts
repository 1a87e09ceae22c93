// The extension's commands and its status bar item in a real VS Code (code-server, as in vscode.test.ts),
// each run as a person runs it: from the Command Palette (F1, the title, Enter) or with a click, and
// each asserted through what the page then shows. Run by `npm run test:editor`.
//
// One session of its own on a throwaway copy of examples/shop: "Add Event to Plan" edits the plan there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { quietSettings, repositoryRoot, type CodeServerSession } from './codeServerSession';
import { SERVER_TIMEOUT, setUpEditorTests, statusItem, step, STEP_TIMEOUT, useSession, waitForPlanStatus } from './steps';
import { activeTab, clearNotifications, goTo, notification, openFile, poll, problemRows, runCommand, visibleLines, waitForSquiggleUnder } from './workbench';

const PLAN = 'tracking-plan.yaml';

setUpEditorTests();

/** Waits until the active editor tab is `fileName` and its text is drawn. */
async function waitForActiveTab(page: Page, fileName: string, timeoutMs: number): Promise<void> {
  await poll(
    async () => ((await activeTab(page)) === fileName ? true : undefined),
    timeoutMs,
    async () => `the active editor tab is ${JSON.stringify(await activeTab(page))}, not '${fileName}'`,
  );
  await page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ state: 'visible' });
}

/** Waits until the plan is the active editor and shows its text. */
async function waitForPlanEditor(page: Page): Promise<void> {
  await waitForActiveTab(page, PLAN, STEP_TIMEOUT);
  assert.ok([...(await visibleLines(page)).values()].some((line) => line === 'name: Acme Shop'), 'the plan editor shows the plan');
}

/** Closes every editor ("View: Close All Editors") and waits until no tab is left. */
async function closeAllEditors(page: Page): Promise<void> {
  await runCommand(page, 'View: Close All Editors');
  await page.locator('.tab').first().waitFor({ state: 'hidden' });
}

/** The lines of the active editor whose text contains `text`, after Find (Ctrl+F) scrolled the first match into view. */
async function findInEditor(page: Page, text: string): Promise<string[]> {
  await page.keyboard.press('Control+F');
  const find = page.locator('.editor-group-container.active .find-widget.visible');
  await find.waitFor({ state: 'visible' });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  const count = find.locator('.matchesCount');
  await poll(async () => ((await count.textContent()) ? true : undefined), STEP_TIMEOUT, () => 'the find widget shows no match count');
  await page.keyboard.press('Escape');
  // The editor scrolls to the match and draws it a moment later.
  return poll(
    async () => {
      const lines = [...(await visibleLines(page)).values()].filter((line) => line.includes(text));
      return lines.length > 0 ? lines : undefined;
    },
    STEP_TIMEOUT,
    async () => `the editor shows no line with '${text}' although Find counts ${JSON.stringify(await count.textContent())}`,
  );
}

interface RecorderGlobals {
  tracklintSeen?: string[];
}

/**
 * Records in the page, from now on, every change of what the status bar item shows (its text, and
 * `$(sync~spin)` / `$(error)` for its icon) and of the number of error squiggles the active editor
 * draws, as `status: …` and `squiggles: N` entries. A MutationObserver sees every change, however brief.
 * Source text, not a function: tsx wraps named functions in a helper (__name) that the page does not have.
 */
const RECORDER = `(selector) => {
  globalThis.tracklintStop?.();
  const seen = [];
  let status = '';
  let squiggles = -1;
  const record = () => {
    const item = document.querySelector(selector);
    const icon = item?.querySelector('.codicon-sync') ? '$(sync~spin) ' : item?.querySelector('.codicon-error') ? '$(error) ' : '';
    const text = icon + (item?.textContent ?? '(no item)').trim();
    if (text !== status) seen.push('status: ' + (status = text));
    const count = document.querySelectorAll('.editor-group-container.active .monaco-editor .squiggly-error').length;
    if (count !== squiggles) seen.push('squiggles: ' + (squiggles = count));
  };
  record();
  const observer = new MutationObserver(record);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  globalThis.tracklintSeen = seen;
  globalThis.tracklintStop = () => observer.disconnect();
}`;

async function startRecording(page: Page): Promise<void> {
  await page.evaluate(`(${RECORDER})(${JSON.stringify(statusItem)})`);
}

async function recorded(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((globalThis as unknown as RecorderGlobals).tracklintSeen ?? [])]);
}

describe('VS Code (code-server): the tracklint commands and the status bar item', { timeout: 600_000 }, () => {
  let session: CodeServerSession;

  useSession({ name: 'commands', settings: quietSettings({ 'security.workspace.trust.enabled': false }) }, async (started) => {
    session = started;
    await waitForPlanStatus(session);
  });

  test('"tracklint: Open Tracking Plan" opens the plan file in the editor', async (t) => {
    await step(t, session, 'open-plan', async () => {
      const { page } = session;
      assert.equal(await activeTab(page), undefined, 'the workbench starts with no editor open');
      await runCommand(page, 'tracklint: Open Tracking Plan');
      await waitForPlanEditor(page);
    });
  });

  test('clicking the status bar item opens the plan', async (t) => {
    await step(t, session, 'status-bar-click', async () => {
      const { page } = session;
      await closeAllEditors(page);
      assert.equal(await activeTab(page), undefined);
      await page.locator(statusItem).click();
      await waitForPlanEditor(page);
    });
  });

  test('"tracklint: Check Workspace" reports the files and problems it counted; "Show Problems" opens them', async (t) => {
    await step(t, session, 'check-workspace', async () => {
      const { page } = session;
      await closeAllEditors(page);
      assert.equal(await page.locator('.markers-panel').isVisible(), false, 'the Problems panel is not open yet');
      await runCommand(page, 'tracklint: Check Workspace');
      const toast = await notification(page, /^tracklint checked \d+ files?: \d+ problems?\.$/, SERVER_TIMEOUT);
      const message = (await toast.locator('.notification-list-item-message').textContent()) ?? '';
      // The example's eight source files (src/**/*.ts{,x}); as many problems as the status bar item counts.
      const problems = /^tracklint checked 8 files: (\d+) problems\.$/.exec(message)?.[1];
      assert.ok(problems, `unexpected summary: ${JSON.stringify(message)}`);
      await waitForPlanStatus(session, `Acme Shop: 7 events · ${problems} problems`, STEP_TIMEOUT);
      await toast.locator('.monaco-button', { hasText: 'Show Problems' }).click();
      await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await problemRows(page, '**/checkout.ts', [["Event 'Checkout Start' is not in the tracking plan", 'unknown-event', '[Ln 19, Col 26]']], STEP_TIMEOUT);
    });
  });

  test('"tracklint: Add Event to Plan" asks for the name (the string under the cursor) and adds it to the plan', async (t) => {
    const { page } = session;
    await step(t, session, 'add-event-input', async () => {
      await clearNotifications(page);
      await openFile(page, 'src/pages/checkout.ts');
      // Line 24: window.analytics.track('purchase_completed', { order_id: orderId }); the cursor inside the name.
      await goTo(page, 24, 32);
      await runCommand(page, 'tracklint: Add Event to Plan');
      const widget = page.locator('.quick-input-widget');
      await widget.locator('.quick-input-title', { hasText: 'tracklint: Add Event to Plan' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      assert.equal(await widget.locator('.quick-input-box input').inputValue(), 'purchase_completed');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Wishlist Viewed');
    });
    await step(t, session, 'add-event-added', async () => {
      await page.keyboard.press('Enter');
      const toast = await notification(page, "tracklint: added 'Wishlist Viewed' to the tracking plan.", SERVER_TIMEOUT);
      // The server reads the edited plan (unsaved edits count): one event more.
      await waitForPlanStatus(session, /Acme Shop: 8 events/, STEP_TIMEOUT);
      await toast.locator('.monaco-button', { hasText: 'Open Tracking Plan' }).click();
      await waitForActiveTab(page, PLAN, STEP_TIMEOUT);
      const lines = await findInEditor(page, 'Wishlist Viewed');
      assert.ok(lines.some((line) => /^ {2}Wishlist Viewed:/.test(line)), `the plan shows no 'Wishlist Viewed:' entry; lines: ${JSON.stringify(lines)}`);
    });
    await step(t, session, 'add-event-undone', async () => {
      // Undone in the plan's editor, so the commands after this one see the example's plan. The edit was
      // saved (VS Code saves the files of an extension's workspace edit), and so is its undo.
      await page.keyboard.press('Control+Z');
      await poll(
        async () => ([...(await visibleLines(page)).values()].some((line) => line.includes('Wishlist Viewed')) ? undefined : true),
        STEP_TIMEOUT,
        () => "'Wishlist Viewed' is still in the plan after undo",
      );
      await waitForPlanStatus(session, /Acme Shop: 7 events/, STEP_TIMEOUT);
      const original = readFileSync(path.join(repositoryRoot, 'examples/shop', PLAN), 'utf8');
      await poll(
        async () => (readFileSync(path.join(session.workspace, PLAN), 'utf8') === original ? true : undefined),
        STEP_TIMEOUT,
        () => 'the plan on disk is not the example plan again after undo',
      );
      await page.locator('.tab.active.dirty').waitFor({ state: 'hidden' });
    });
  });

  test('"tracklint: Restart Server" restarts the server: the status and the squiggle go and come back', async (t) => {
    await step(t, session, 'restart-server', async () => {
      const { page } = session;
      await clearNotifications(page);
      await openFile(page, 'src/pages/checkout.ts');
      await waitForSquiggleUnder(page, 'CHECKOUT_STARTED', 'error', SERVER_TIMEOUT);
      await startRecording(page);
      await runCommand(page, 'tracklint: Restart Server');
      // The client stops the server (its diagnostics are cleared, the item says so), starts a new one,
      // which loads the plan again and sends its status and diagnostics.
      const seen = await poll(
        async () => {
          const entries = await recorded(page);
          const away = entries.findIndex((e) => e.startsWith('status: ') && !e.includes('Acme Shop'));
          const back = entries.findLastIndex((e) => e.startsWith('status: ') && e.includes('Acme Shop'));
          return away >= 0 && back > away ? entries : undefined;
        },
        SERVER_TIMEOUT,
        async () => `the status bar item did not leave the plan status and come back; seen: ${JSON.stringify(await recorded(page))}`,
      );
      await page.evaluate('globalThis.tracklintStop?.()');
      t.diagnostic(`seen during the restart: ${JSON.stringify(seen)}`);
      // The old server's squiggles went away: the ones drawn next come from the new server.
      assert.ok(seen.includes('squiggles: 0'), `the squiggles never went away: ${JSON.stringify(seen)}`);
      await waitForSquiggleUnder(page, 'CHECKOUT_STARTED', 'error', SERVER_TIMEOUT);
      await problemRows(page, '**/checkout.ts', [["Event 'Checkout Start' is not in the tracking plan", 'unknown-event', '[Ln 19, Col 26]']], STEP_TIMEOUT);
    });
  });

  test('"tracklint: Show Output" shows the tracklint output channel', async (t) => {
    await step(t, session, 'show-output', async () => {
      const { page } = session;
      // The Problems panel in front, not the Output view.
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor({ state: 'visible' });
      await runCommand(page, 'tracklint: Show Output');
      await page.locator('.panel .composite-bar .action-item.checked', { hasText: 'Output' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const channel = page.locator('.panel select[aria-label="Switch Output"]').first();
      await poll(
        async () => ((await channel.inputValue()) === 'tracklint' ? true : undefined),
        STEP_TIMEOUT,
        async () => `the Output view shows the channel ${JSON.stringify(await channel.inputValue())}, not 'tracklint'`,
      );
      // What the extension logged: the restart of the test before this one, found with the view's filter
      // (the view shows only the lines that fit, and other lines may come after it). The filter box is
      // the panel's: until the Output view owns it, it may still hold the Problems filter's text.
      const filter = page.locator('.panel .viewpane-filter input:visible').first();
      const lines = page.locator('.panel .output-view .monaco-editor .view-line');
      const wanted = 'Restarting the server';
      await poll(
        async () => {
          if ((await filter.count()) > 0 && (await filter.inputValue()) !== wanted) await filter.fill(wanted);
          return (await lines.filter({ hasText: `[info] ${wanted}` }).count()) > 0 ? true : undefined;
        },
        STEP_TIMEOUT,
        async () => `the tracklint channel shows no '[info] ${wanted}' line; lines: ${JSON.stringify(await lines.allTextContents())}`,
      );
    });
  });
});
