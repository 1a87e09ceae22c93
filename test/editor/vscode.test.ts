// The packaged extension (build/tracklint.vsix) in a real VS Code: code-server 4.139.1 (VS Code 1.139)
// from the npm registry, its web workbench in Debian's Chromium. Every assertion reads what the page
// shows. Run by `npm run test:editor`, which builds the .vsix and installs code-server first.
//
// Each step saves a screenshot under build/editor-screenshots/. TRACKLINT_EDITOR_UPDATE_DOCS=1 also
// copies three of them to docs/images/ for the README.
import assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { quietSettings, type CodeServerSession } from './codeServerSession';
import { publishDocsImage, SERVER_TIMEOUT, setUpEditorTests, statusItem, step, STEP_TIMEOUT, useSession, waitForPlanStatus } from './steps';
import { goTo, hoverText, openFile, openQuickFix, poll, problemRows, suggestions, token, visibleLines, waitForSquiggleUnder } from './workbench';

setUpEditorTests();

describe('VS Code (code-server) with the packaged extension, trusted workspace', { timeout: 600_000 }, () => {
  let session: CodeServerSession;

  useSession({ name: 'trusted', settings: quietSettings({ 'security.workspace.trust.enabled': false }) }, (started) => {
    session = started;
  });

  test('the status bar item shows the plan: its name and event count', async (t) => {
    await step(t, session, 'status-bar', async () => {
      // Only the extension creates this item, and its text comes from the server's tracklint/planStatus:
      // a wrong `main`, an activation event that never fires or a server that does not start all fail here.
      const item = session.page.locator(statusItem);
      await waitForPlanStatus(session);
      assert.match((await item.textContent()) ?? '', /Acme Shop: \d+ events? · \d+ problems?/);
    });
  });

  test('an off-plan event name is squiggled, and the Problems panel lists it with its rule id', async (t) => {
    await step(t, session, 'squiggle-and-problems', async () => {
      const { page } = session;
      await openFile(page, 'src/pages/checkout.ts');
      // Line 19: window.analytics.track(EVENTS.CHECKOUT_STARTED, ...), whose constant is 'Checkout Start'.
      await waitForSquiggleUnder(page, 'CHECKOUT_STARTED', 'error', SERVER_TIMEOUT);
      await problemRows(
        page,
        '**/checkout.ts',
        [
          ["Event 'Checkout Start' is not in the tracking plan. Did you mean 'Checkout Started'?", 'tracklint', 'unknown-event', '[Ln 19, Col 26]'],
          // 'purchase_completed' on line 24 breaks two rules at once.
          ["Event 'purchase_completed' is not in the tracking plan", 'unknown-event', '[Ln 24, Col 26]'],
          ["Event name 'purchase_completed' is not Title Case", 'event-name-casing', '[Ln 24, Col 26]'],
        ],
        STEP_TIMEOUT,
      );
      // For the picture: the squiggle with its hover (the diagnostic and tracklint's own text) above the panel.
      await goTo(page, 19, 40);
      await waitForSquiggleUnder(page, 'CHECKOUT_STARTED', 'error', STEP_TIMEOUT);
      await hoverText(page, token(page, 'CHECKOUT_STARTED'), 'is not in the tracking plan', STEP_TIMEOUT);
    });
    publishDocsImage(await session.screenshot('squiggle-and-problems-docs'), 'vscode-diagnostics.png');
  });

  test('hovering a planned event shows its plan entry: name and description', async (t) => {
    await step(t, session, 'hover', async () => {
      const { page } = session;
      await page.keyboard.press('Escape');
      // Line 10: window.analytics.track(EVENTS.ORDER_COMPLETED, {...}); the constant is 'Order Completed'.
      await goTo(page, 10, 35);
      const text = await hoverText(page, token(page, 'ORDER_COMPLETED'), 'User completes a purchase', STEP_TIMEOUT);
      assert.match(text, /Event\s*Order Completed/);
      assert.match(text, /User completes a purchase/);
      // The plan's property table, which only tracklint's hover has.
      assert.match(text, /currency\s*string\s*yes/);
    });
  });

  test('the "did you mean" quick fix changes the event name to the planned one', async (t) => {
    const { page } = session;
    await step(t, session, 'quick-fix-menu', async () => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      // Line 24: window.analytics.track('purchase_completed', { order_id: orderId });
      await goTo(page, 24, 32);
      assert.match((await visibleLines(page)).get(24) ?? '', /track\('purchase_completed'/);
      const rows = await openQuickFix(page, /Change to '/, SERVER_TIMEOUT);
      const titles = await rows.allTextContents();
      assert.ok(titles.some((title) => title.includes("Change to 'Order Completed'")), `quick fixes: ${JSON.stringify(titles)}`);
    });
    // For the picture: the pointer on the fix about to be applied.
    await page.locator('.action-widget .monaco-list-row.action', { hasText: "Change to 'Order Completed'" }).first().hover();
    publishDocsImage(await session.screenshot('quick-fix-docs'), 'vscode-quick-fix.png');
    await step(t, session, 'quick-fix-applied', async () => {
      await page.locator('.action-widget .monaco-list-row.action', { hasText: "Change to 'Order Completed'" }).first().click();
      const line = await poll(
        async () => {
          const text = (await visibleLines(page)).get(24);
          return text?.includes("track('Order Completed'") ? text : undefined;
        },
        STEP_TIMEOUT,
        async () => `line 24 is ${JSON.stringify((await visibleLines(page)).get(24))}`,
      );
      assert.equal(line.trim(), "window.analytics.track('Order Completed', { order_id: orderId });");
      assert.ok(![...(await visibleLines(page)).values()].some((l) => l.includes('purchase_completed')));
    });
  });

  test("completion inside analytics.track('|') lists the plan's events", async (t) => {
    const { page } = session;
    await step(t, session, 'completion', async () => {
      await page.keyboard.press('Escape');
      // Back in the editor (Go to Line focuses it), at the end of the file, on a new line.
      await goTo(page, 29, 2);
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      // The editor closes the bracket and the quote itself: the line becomes window.analytics.track('|').
      await page.keyboard.type("window.analytics.track('");
      await poll(
        async () => ([...(await visibleLines(page)).values()].some((l) => l.trim() === "window.analytics.track('')") ? true : undefined),
        STEP_TIMEOUT,
        async () => `the typed line is not shown: ${JSON.stringify([...(await visibleLines(page)).entries()].slice(-3))}`,
      );
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Space');
      const labels = await suggestions(page, 'Order Completed', SERVER_TIMEOUT);
      for (const event of ['Order Completed', 'Product Viewed', 'Product Added', 'Checkout Started', 'Signed Up', 'Logged In']) {
        assert.ok(labels.some((label) => label.startsWith(event)), `'${event}' is not among the suggestions: ${JSON.stringify(labels)}`);
      }
    });
    publishDocsImage(await session.screenshot('completion-docs'), 'vscode-completion.png');
  });

  test('the Tracking Plan view lists the events with their calls, and a call site opens its file', async (t) => {
    const { page } = session;
    await step(t, session, 'tracking-plan-view', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
      await page.keyboard.type('Focus on Tracking Plan View');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Tracking Plan' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      await page.keyboard.press('Enter');
      const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Tracking Plan' }) });
      const event = pane.locator('.monaco-list-row', { hasText: 'Product Viewed' }).first();
      await event.waitFor({ state: 'visible', timeout: SERVER_TIMEOUT });
      assert.match((await event.textContent()) ?? '', /Product Viewed\s*1 call · web 1/);
      // Expanded (its twistie), the event lists its call sites as file:line.
      await event.locator('.monaco-tl-twistie').click();
      const site = pane.locator('.monaco-list-row', { hasText: /\.tsx?:\d+/ }).first();
      await site.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
      const label = (await site.locator('.label-name').first().textContent())?.trim() ?? '';
      const fileName = label.split(':')[0];
      assert.equal(label, 'product.tsx:11');
      await site.click();
      await page.locator('.tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    });
  });
});

describe('VS Code (code-server) with the packaged extension, Restricted Mode (untrusted folder)', { timeout: 600_000 }, () => {
  let session: CodeServerSession;

  useSession(
    {
      name: 'restricted',
      settings: quietSettings({
        'security.workspace.trust.enabled': true,
        // The folder opens untrusted, without the trust dialog: Restricted Mode.
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.untrustedFiles': 'open',
        'security.workspace.trust.banner': 'always',
      }),
    },
    (started) => {
      session = started;
    },
  );

  test('the workbench is in Restricted Mode', async (t) => {
    await step(t, session, 'restricted-mode', async () => {
      await session.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    });
  });

  test('the plan status, the squiggle and the Problems entry still appear', async (t) => {
    await step(t, session, 'restricted-squiggle-and-problems', async () => {
      const { page } = session;
      await waitForPlanStatus(session);
      await openFile(page, 'src/pages/checkout.ts');
      await waitForSquiggleUnder(page, 'CHECKOUT_STARTED', 'error', SERVER_TIMEOUT);
      await problemRows(page, '**/checkout.ts', [["Event 'Checkout Start' is not in the tracking plan", 'unknown-event', '[Ln 19, Col 26]']], STEP_TIMEOUT);
      // Still untrusted after all this.
      assert.ok(await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().isVisible());
    });
  });
});

describe('VS Code (code-server) with the packaged extension, a plan not named tracking-plan.*', { timeout: 600_000 }, () => {
  let session: CodeServerSession;

  useSession(
    {
      name: 'plan-path',
      settings: quietSettings({ 'security.workspace.trust.enabled': false }),
      // No file matches the workspaceContains activation event: only opening a TypeScript file
      // (onLanguage) activates the extension, which then reads the plan from tracklint.planPath.
      prepareWorkspace: (folder) => {
        renameSync(path.join(folder, 'tracking-plan.yaml'), path.join(folder, 'shop-plan.yaml'));
        mkdirSync(path.join(folder, '.vscode'));
        writeFileSync(path.join(folder, '.vscode/settings.json'), `${JSON.stringify({ 'tracklint.planPath': 'shop-plan.yaml' }, null, 2)}\n`);
      },
    },
    (started) => {
      session = started;
    },
  );

  test('opening a TypeScript file activates the extension: the plan status and the squiggle appear', async (t) => {
    await step(t, session, 'plan-path-on-language', async () => {
      const { page } = session;
      await openFile(page, 'src/pages/checkout.ts');
      await waitForPlanStatus(session);
      await waitForSquiggleUnder(page, 'CHECKOUT_STARTED', 'error', SERVER_TIMEOUT);
    });
  });
});
