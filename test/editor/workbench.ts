// What a person does in the VS Code workbench, through the page: open a file, go to a line, hover,
// read the lines, the Problems panel, the suggest and quick fix widgets. Waits on page conditions.
import type { Locator, Page } from 'playwright-core';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Polls `probe` until it returns a value other than undefined; throws with `describe()` after `timeoutMs`. */
export async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number, describe: () => Promise<string> | string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The active editor. */
export function activeEditor(page: Page): Locator {
  return page.locator('.editor-group-container.active .monaco-editor').first();
}

/** Opens a workspace file with Quick Open (Ctrl+P) and waits until its tab is active and its text is shown. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const fileName = relativePath.split('/').pop() ?? relativePath;
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(relativePath);
  // The highlighted row, not any row: right after typing, the list may still highlight the previous
  // filter's first row (another recently opened file), and Enter would open that one.
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor({ state: 'visible' });
  await activeEditor(page).locator('.view-line').first().waitFor({ state: 'visible' });
}

/** Moves the cursor with Go to Line (Ctrl+G, "line:column", 1-based), which also scrolls the line into view. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible' });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ state: 'visible' });
}

interface LineElement {
  className: string;
  textContent: string | null;
  parentElement: { style: { top: string } } | null;
  style: { top: string };
}

/**
 * The lines the active editor shows, by 1-based line number, as the page renders them: each
 * `.view-line` is matched to the line number drawn in the gutter at the same height.
 */
export async function visibleLines(page: Page): Promise<Map<number, string>> {
  const editor = activeEditor(page);
  const lines = await editor.locator('.view-lines .view-line').evaluateAll((elements) =>
    (elements as unknown as LineElement[]).map((e) => ({ top: e.style.top, text: (e.textContent ?? '').replace(/\u00a0/g, ' ') })),
  );
  const numbers = await editor.locator('.margin-view-overlays .line-numbers').evaluateAll((elements) =>
    (elements as unknown as LineElement[]).map((e) => ({ top: e.parentElement?.style.top ?? '', line: Number(e.textContent) })),
  );
  const byTop = new Map(lines.map((l) => [l.top, l.text]));
  const result = new Map<number, string>();
  for (const { top, line } of numbers) {
    const text = byTop.get(top);
    if (text !== undefined && Number.isInteger(line)) result.set(line, text);
  }
  return result;
}

/** The rendered token (innermost span) of the active editor's text containing `text`. */
export function token(page: Page, text: string): Locator {
  return activeEditor(page).locator('.view-line span > span', { hasText: text }).first();
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The squiggle boxes of a severity (`error`, `warning`, `info`) the active editor draws. */
export async function squiggles(page: Page, severity: 'error' | 'warning' | 'info'): Promise<Box[]> {
  const boxes: Box[] = [];
  for (const squiggle of await activeEditor(page).locator(`.squiggly-${severity}`).all()) {
    const box = await squiggle.boundingBox();
    if (box && box.width > 0) boxes.push(box);
  }
  return boxes;
}

/** Waits until a squiggle of `severity` is drawn under the token containing `text`; returns the token's box. */
export async function waitForSquiggleUnder(page: Page, text: string, severity: 'error' | 'warning', timeoutMs: number): Promise<Box> {
  const target = token(page, text);
  await target.waitFor({ state: 'visible', timeout: timeoutMs });
  return poll(
    async () => {
      const box = await target.boundingBox();
      if (!box) return undefined;
      // The squiggle is drawn just below the text, inside the line's height.
      const band: Box = { x: box.x + 1, y: box.y, width: Math.max(1, box.width - 2), height: box.height + 6 };
      return (await squiggles(page, severity)).some((s) => overlaps(s, band)) ? box : undefined;
    },
    timeoutMs,
    async () => `no .squiggly-${severity} under '${text}'; squiggles drawn: ${JSON.stringify(await squiggles(page, severity))}, token at ${JSON.stringify(await target.boundingBox())}`,
  );
}

/**
 * Opens the Problems panel (Ctrl+Shift+M), types `filter` (e.g. a glob of the file) into its filter box,
 * and returns the text of each row once, for each entry of `expected`, a row contains all its strings.
 * The list only renders the rows that fit: the filter keeps the file's rows among them.
 */
export async function problemRows(page: Page, filter: string, expected: string[][], timeoutMs: number): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ state: 'visible' });
  const filterBox = page.locator('.panel .viewpane-filter input, .panel .markers-panel-action-filter input').first();
  await filterBox.fill(filter);
  const rows = panel.locator('.monaco-list-row');
  let seen: string[] = [];
  await poll(
    async () => {
      seen = (await rows.allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
      return expected.every((strings) => seen.some((row) => strings.every((e) => row.includes(e)))) ? true : undefined;
    },
    timeoutMs,
    () => `the Problems panel does not show rows containing ${JSON.stringify(expected)}; rows: ${JSON.stringify(seen, null, 2)}`,
  );
  return seen;
}

/** Hovers the mouse over `target` and returns the hover widget's text once it contains `expected`. */
export async function hoverText(page: Page, target: Locator, expected: string, timeoutMs: number): Promise<string> {
  // From somewhere neutral first, so a hover already open elsewhere is replaced.
  await page.mouse.move(5, 5);
  await page.locator('.monaco-hover:visible', { hasText: expected }).waitFor({ state: 'hidden' });
  const box = await target.boundingBox();
  if (!box) throw new Error('the hover target is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  const hover = page.locator('.monaco-hover:visible', { hasText: expected }).first();
  await hover.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await hover.textContent()) ?? '';
}

/** The visible rows of the quick fix / code action widget (titles), opened with Ctrl+. at the cursor. */
export async function openQuickFix(page: Page, expected: RegExp, timeoutMs: number): Promise<Locator> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const deadline = Date.now() + timeoutMs;
  // The first request can wait on TypeScript's server (still loading the project) as well as ours;
  // if the widget has not opened, close whatever is open and ask again.
  for (;;) {
    await page.keyboard.press('Control+.');
    try {
      await rows.filter({ hasText: expected }).first().waitFor({ state: 'visible', timeout: Math.min(20_000, Math.max(1000, deadline - Date.now())) });
      return rows;
    } catch (error) {
      if (Date.now() > deadline) {
        const seen = await rows.allTextContents();
        throw new Error(`the quick fix widget shows no action matching ${expected}; actions: ${JSON.stringify(seen)}`, { cause: error });
      }
      await page.keyboard.press('Escape');
    }
  }
}

/** The labels of the suggest widget's rows, once one of them contains `expected`. */
export async function suggestions(page: Page, expected: string, timeoutMs: number): Promise<string[]> {
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  await rows.filter({ hasText: expected }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  const labels = await rows.evaluateAll((elements) => (elements as unknown as { getAttribute(name: string): string | null }[]).map((e) => e.getAttribute('aria-label') ?? ''));
  return labels;
}

/**
 * Runs a command from the Command Palette as a person does: F1, its title typed, Enter. Checks first
 * that the highlighted row is that command (not another one the fuzzy match put first).
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  const focused = widget.locator('.quick-input-list .monaco-list-row.focused');
  await poll(
    async () => ((await focused.count()) > 0 && (await focused.first().locator('.label-name').textContent())?.replace(/\u00a0/g, ' ').trim() === title ? true : undefined),
    10_000,
    async () => `the Command Palette does not highlight '${title}'; rows: ${JSON.stringify(await widget.locator('.quick-input-list .monaco-list-row').allTextContents())}`,
  );
  await page.keyboard.press('Enter');
  // The palette closes; a command may open the same widget again for its own input.
  await widget.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'hidden' });
}

/** The notification toast whose message matches `message`, once it is shown. */
export async function notification(page: Page, message: string | RegExp, timeoutMs: number): Promise<Locator> {
  const toast = page.locator('.notification-toast', { has: page.locator('.notification-list-item-message', { hasText: message }) }).first();
  try {
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (error) {
    const shown = await page.locator('.notification-toast .notification-list-item-message').allTextContents();
    throw new Error(`no notification matching ${message} within ${timeoutMs / 1000} s; notifications shown: ${JSON.stringify(shown)}`, { cause: error });
  }
  return toast;
}

/** Closes every notification (the command "Notifications: Clear All Notifications") and waits until none is shown. */
export async function clearNotifications(page: Page): Promise<void> {
  if ((await page.locator('.notification-toast').count()) === 0) return;
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'hidden' });
}

/** The active editor tab's file name, or undefined when no editor is open. */
export async function activeTab(page: Page): Promise<string | undefined> {
  const tab = page.locator('.editor-group-container.active .tab.active').first();
  return (await tab.count()) > 0 ? ((await tab.getAttribute('data-resource-name')) ?? '') : undefined;
}
