// What the extension's commands get from the server: "Add Event to Plan" (workspace/executeCommand), and what
// "Open Tracking Plan", "Show Coverage Report" and the Tracking Plan view's Refresh read (the status, tracklint/coverage)
// when there is no plan to read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CoverageResult } from '../../server/src/lsp/protocol';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { applyEdits, LspTestClient } from '../helpers/lspClient';

const fixtures = path.resolve(__dirname, '../fixtures/workspaces');
const PLAN = 'tracking-plan.yaml';
const INVALID_PARAMS = -32602;
const INVALID_REQUEST = -32600;
/** A line of the plan that the tests break (a tab, a $ref to nothing) to make the plan unusable. */
const METHOD = '      method: { type: string, enum: [email, google] }\n';

/** The error a request was answered with, as code, message and data. */
async function refusal(pending: Promise<unknown>): Promise<{ code?: number; message?: string; data?: unknown } | 'answered'> {
  try {
    await pending;
    return 'answered';
  } catch (error) {
    const { code, message, data } = error as { code?: number; message?: string; data?: unknown };
    return { code, message, data };
  }
}

/** A server over the `lsp` fixture with `file` open as `text` and diagnosed; the plan's text on disk. */
async function startWithOpenFile(file: string, text: string): Promise<{ client: LspTestClient; planText: string }> {
  const client = await LspTestClient.start({ fixture: path.join(fixtures, 'lsp') });
  client.open(file, text);
  await client.waitForDiagnostics(file, (d) => d.length > 0);
  return { client, planText: readFileSync(client.path(PLAN), 'utf8') };
}

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('Add Event to Plan: a name the plan has already adds nothing, and says where it is', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture: path.join(fixtures, 'lsp') });
  });
  after(() => client.stop());

  const addEvent = (argument: Record<string, unknown>) => client.request('workspace/executeCommand', { command: 'tracklint.server.addEventToPlan', arguments: [argument] });

  test('an event in the plan: InvalidParams, the message, and the location of its entry', async () => {
    assert.deepEqual(await refusal(addEvent({ name: 'Signed Up', uri: client.uri('src/clean.ts') })), {
      code: INVALID_PARAMS,
      message: "'Signed Up' is already in the tracking plan.",
      data: { reason: 'already-planned', location: { uri: client.uri(PLAN), range: range(15, 2, 11) } },
    });
    assert.deepEqual(client.appliedEdits, []);
  });

  test('a page in the plan, named with surrounding blanks', async () => {
    assert.deepEqual(await refusal(addEvent({ name: '  Home ', kind: 'page' })), {
      code: INVALID_PARAMS,
      message: "'Home' is already in the tracking plan.",
      data: { reason: 'already-planned', location: { uri: client.uri(PLAN), range: range(30, 2, 6) } },
    });
  });

  test("a name that differs from a planned one only in case or separators would be the plan's name collision: refused", async () => {
    assert.deepEqual(await refusal(addEvent({ name: 'signed_up' })), {
      code: INVALID_PARAMS,
      message: "'signed_up' differs from 'Signed Up', which is in the tracking plan, only in case or separators: send 'Signed Up', or rename it in the plan.",
      data: { reason: 'name-collision', location: { uri: client.uri(PLAN), range: range(15, 2, 11) } },
    });
    assert.deepEqual(client.appliedEdits, []);
  });

  test("the same name as another kind's entry is added: 'Home' as an event", async () => {
    assert.equal(await refusal(addEvent({ name: 'Home' })), 'answered');
    const edit = await client.waitFor('an applied edit', () => client.appliedEdits[0]);
    assert.deepEqual(edit.changes?.[client.uri(PLAN)]?.map((e) => [e.range.start.line, e.newText]), [[24, '  Home: {}\n']]);
  });
});

describe("Add Event to Plan reads the open plan's unsaved text, even before the edit's debounce has passed", () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture: path.join(fixtures, 'lsp'), settings: { debounce: 60_000 } });
  });
  after(() => client.stop());

  test('an event just typed into the plan is there: no second entry', async () => {
    const planText = readFileSync(client.path(PLAN), 'utf8');
    client.open(PLAN, planText.replace('identify:\n', '  Coupon Applied: {}\nidentify:\n'), 'yaml');
    assert.deepEqual(await refusal(client.request('workspace/executeCommand', { command: 'tracklint.server.addEventToPlan', arguments: [{ name: 'Coupon Applied' }] })), {
      code: INVALID_PARAMS,
      message: "'Coupon Applied' is already in the tracking plan.",
      data: { reason: 'already-planned', location: { uri: client.uri(PLAN), range: range(24, 2, 16) } },
    });
    assert.deepEqual(client.appliedEdits, []);
  });
});

describe("the Add event quick fix and rename edit the open plan's unsaved text, even before the edit's debounce has passed", () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture: path.join(fixtures, 'lsp'), pullDiagnostics: true, settings: { debounce: 60_000 } });
  });
  after(() => client.stop());

  test('a line just typed at the top of the plan: the entry goes after the last event all the same', async () => {
    client.open('src/cart.ts', `analytics.track('Cart Viewed');\n`);
    const { items: diagnostics } = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: client.uri('src/cart.ts') } });
    const typed = `# Owned by the growth team.\n${readFileSync(client.path(PLAN), 'utf8')}`;
    client.open(PLAN, typed, 'yaml');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('src/cart.ts') }, range: diagnostics[0].range, context: { diagnostics } });
    const add = actions.find((a) => a.title === "Add event 'Cart Viewed' to the tracking plan");
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(
      applyEdits(typed, add.edit!.changes![client.uri(PLAN)]),
      typed.replace('  Wishlist Shared: {} # nobody sends this one\n', '  Wishlist Shared: {} # nobody sends this one\n  Cart Viewed: {}\n'),
    );
  });

  test('a rename from a call site renames the entry where it now is in the unsaved plan', async () => {
    const typed = `# Owned by the growth team.\n# Ask in #tracking before renaming.\n${readFileSync(client.path(PLAN), 'utf8')}`;
    client.change(PLAN, typed);
    client.open('src/signup.ts', `analytics.track('Signed Up', { method: 'email' });\n`);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri('src/signup.ts') }, position: { line: 0, character: 20 }, newName: 'Account Created' });
    assert.equal(applyEdits(typed, edit.changes![client.uri(PLAN)]), typed.replace('  Signed Up:\n', '  Account Created:\n'));
  });
});

describe('Add Event to Plan while the open plan has errors: refused, with the first error, until the plan is fixed', () => {
  let client: LspTestClient;
  let planText: string;
  before(async () => {
    ({ client, planText } = await startWithOpenFile('src/cart.ts', `analytics.track('Cart Viewed', { cart_id: 'c1' });\n`));
  });
  after(() => client.stop());

  const addEvent = () => client.request('workspace/executeCommand', { command: 'tracklint.server.addEventToPlan', arguments: [{ name: 'Cart Viewed', uri: client.uri('src/cart.ts') }] });
  const quickFixes = async () => {
    const diagnostics = await client.waitForDiagnostics('src/cart.ts', (d) => d.length > 0);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri('src/cart.ts') }, range: diagnostics[0].range, context: { diagnostics } });
    return actions.map((a) => a.title);
  };
  /** Opens the plan (then changes it) to `text`, and waits until its invalid-plan diagnostics are `invalidPlan` (messages). */
  async function planAs(text: string, invalidPlan: string[]): Promise<void> {
    if (opened) client.change(PLAN, text);
    else client.open(PLAN, text, 'yaml');
    opened = true;
    const messages = (d: Diagnostic[]) => JSON.stringify(d.filter((x) => x.code === 'invalid-plan').map((x) => x.message));
    await client.waitForDiagnostics(PLAN, (d) => messages(d) === JSON.stringify(invalidPlan));
  }
  let opened = false;

  /** The command is refused with the plan's first error and where it is; the quick fix is not offered; nothing is edited. */
  async function assertRefused(firstError: string, errorRange: ReturnType<typeof range>): Promise<void> {
    assert.deepEqual(await refusal(addEvent()), {
      code: INVALID_REQUEST,
      message: `The tracking plan has errors; fix them before adding an event. Line ${errorRange.start.line + 1}: ${firstError}`,
      data: { reason: 'plan-invalid', location: { uri: client.uri(PLAN), range: errorRange } },
    });
    assert.deepEqual(await quickFixes(), ['Disable unknown-event for this line']);
    assert.deepEqual(client.appliedEdits, []);
  }

  test('a YAML syntax error: refused with the first error, and no quick fix (the edit went inside another entry)', async () => {
    await planAs(planText.replace(METHOD, '\tmethod: { type: string }\n'), [
      'YAML syntax error: Tabs are not allowed as indentation.',
      'YAML syntax error: All mapping items must start at the same column.',
      'YAML syntax error: All mapping items must start at the same column.',
      'YAML syntax error: All mapping items must start at the same column.',
    ]);
    await assertRefused('YAML syntax error: Tabs are not allowed as indentation.', range(18, 0, 1));
  });

  test('a plan that parses but cannot be used (a $ref to nothing): refused too, at that error', async () => {
    await planAs(planText.replace(METHOD, '      method: { $ref: "#/definitions/method" }\n'), ["`$ref` '#/definitions/method' points to nothing in the plan."]);
    await assertRefused("`$ref` '#/definitions/method' points to nothing in the plan.", range(18, 22, 44));
  });

  test('fixed, the plan takes the event: the edit is made against the text in the editor', async () => {
    await planAs(planText, []);
    assert.deepEqual(await quickFixes(), ["Add event 'Cart Viewed' to the tracking plan", 'Disable unknown-event for this line']);
    assert.equal(await refusal(addEvent()), 'answered');
    const edit = await client.waitFor('an applied edit', () => client.appliedEdits[0]);
    assert.equal(
      applyEdits(planText, edit.changes![client.uri(PLAN)]),
      planText.replace('  Wishlist Shared: {} # nobody sends this one\n', '  Wishlist Shared: {} # nobody sends this one\n  Cart Viewed: {}\n'),
    );
  });
});

describe('Rename while the open plan has errors: refused with the first error, nothing renamed, until the plan is fixed', () => {
  let client: LspTestClient;
  let planText: string;
  before(async () => {
    ({ client, planText } = await startWithOpenFile('src/signup.ts', `analytics.track('Signed Up', { method: 'email' });\nanalytics.track('Cart Viewed');\n`));
  });
  after(() => client.stop());

  const at = (file: string, line: number, character: number) => ({ textDocument: { uri: client.uri(file) }, position: { line, character } });
  const rename = (file: string, line: number, character: number) => client.request<WorkspaceEdit | null>('textDocument/rename', { ...at(file, line, character), newName: 'Account Created' });
  const prepareRename = (file: string, line: number, character: number) => client.request('textDocument/prepareRename', at(file, line, character));

  test('the server offers prepareRename to a client that supports it', () => {
    assert.deepEqual(client.initializeResult.capabilities.renameProvider, { prepareProvider: true });
  });

  test('a YAML syntax error: rename and prepareRename from a call site, and from the plan file, are refused with it', async () => {
    client.open(PLAN, planText.replace(METHOD, '\tmethod: { type: string }\n'), 'yaml');
    await client.waitForDiagnostics(PLAN, (d) => d.some((x) => x.code === 'invalid-plan'));
    const refused = {
      code: INVALID_REQUEST,
      message: 'The tracking plan has errors; fix them before renaming an event. Line 19: YAML syntax error: Tabs are not allowed as indentation.',
      data: { reason: 'plan-invalid', location: { uri: client.uri(PLAN), range: range(18, 0, 1) } },
    };
    assert.deepEqual(await refusal(rename('src/signup.ts', 0, 20)), refused);
    assert.deepEqual(await refusal(prepareRename('src/signup.ts', 0, 20)), refused);
    // In the plan file, where the entries cannot be located: any position.
    assert.deepEqual(await refusal(rename(PLAN, 15, 4)), refused);
    assert.deepEqual(await refusal(prepareRename(PLAN, 15, 4)), refused);
    assert.deepEqual(client.appliedEdits, []);
  });

  test('not on a planned name (an unplanned event, the receiver): nothing to rename, no refusal', async () => {
    assert.equal(await rename('src/signup.ts', 1, 20), null);
    assert.equal(await prepareRename('src/signup.ts', 1, 20), null);
    assert.equal(await prepareRename('src/signup.ts', 0, 3), null);
  });

  test('a plan that parses but cannot be used (a $ref to nothing): refused too, at that error', async () => {
    client.change(PLAN, planText.replace(METHOD, '      method: { $ref: "#/definitions/method" }\n'));
    await client.waitForDiagnostics(PLAN, (d) => d.some((x) => x.code === 'invalid-plan' && String(x.message).includes('$ref')));
    assert.deepEqual(await refusal(rename('src/signup.ts', 0, 20)), {
      code: INVALID_REQUEST,
      message: "The tracking plan has errors; fix them before renaming an event. Line 19: `$ref` '#/definitions/method' points to nothing in the plan.",
      data: { reason: 'plan-invalid', location: { uri: client.uri(PLAN), range: range(18, 22, 44) } },
    });
  });

  test('fixed: prepareRename gives the whole name, and the rename edits the entry and the call site', async () => {
    client.change(PLAN, planText);
    await client.waitForDiagnostics(PLAN, (d) => !d.some((x) => x.code === 'invalid-plan'));
    assert.deepEqual(await prepareRename('src/signup.ts', 0, 20), { range: range(0, 17, 26), placeholder: 'Signed Up' });
    assert.deepEqual(await prepareRename(PLAN, 15, 4), { range: range(15, 2, 11), placeholder: 'Signed Up' });
    const edit = await rename('src/signup.ts', 0, 20);
    assert.equal(applyEdits(planText, edit!.changes![client.uri(PLAN)]), planText.replace('  Signed Up:\n', '  Account Created:\n'));
    assert.deepEqual(edit!.changes![client.uri('src/signup.ts')], [{ range: range(0, 16, 27), newText: "'Account Created'" }]);
  });

  test('prepareRename on a constant that names the event: the expression, with the name it holds', async () => {
    client.open('src/nav-2.ts', `import { EVENTS } from './events';\nanalytics.track(EVENTS.SIGNED_UP, { method: 'email' });\n`);
    await client.waitForDiagnostics('src/nav-2.ts');
    assert.deepEqual(await prepareRename('src/nav-2.ts', 1, 25), { range: range(1, 16, 32), placeholder: 'Signed Up' });
    assert.deepEqual(await prepareRename('src/events.ts', 1, 16), { range: range(1, 14, 23), placeholder: 'Signed Up' });
    assert.deepEqual(client.errorLogs, []);
  });
});

describe('without a plan: the status, the coverage report and Add Event to Plan say so', () => {
  test('no plan in the workspace: status and coverage are missing; adding an event is refused', async () => {
    const client = await LspTestClient.start({ fixture: path.join(fixtures, 'no-plan') });
    try {
      const status = await client.waitFor('a status', () => client.statuses.at(-1));
      assert.deepEqual(status, { folderUri: client.uri(''), state: 'missing', eventCount: 0, problemCount: 0, message: `No tracking-plan.yaml, .yml or .json found in ${client.root}. Create one, or set tracklint.planPath.` });
      assert.deepEqual(await client.request<CoverageResult | null>('tracklint/coverage', {}), { root: client.root, state: 'missing' });
      assert.deepEqual(await refusal(client.request('workspace/executeCommand', { command: 'tracklint.server.addEventToPlan', arguments: [{ name: 'Signed Up' }] })), {
        code: -32600,
        message: 'The tracking plan is missing, invalid, or in a format tracklint cannot add events to in place.',
        data: undefined,
      });
      assert.deepEqual(client.errorLogs, []);
    } finally {
      await client.stop();
    }
  });

  test('tracklint.planPath names a file that is not there: missing (with its path), not invalid', async () => {
    const client = await LspTestClient.start({ fixture: path.join(fixtures, 'lsp'), settings: { planPath: 'plans/tracking-plan.yaml' } });
    try {
      const planFile = client.path('plans/tracking-plan.yaml');
      const status = await client.waitFor('a status', () => client.statuses.at(-1));
      assert.deepEqual(status, {
        folderUri: client.uri(''),
        state: 'missing',
        planFile,
        planName: 'tracking-plan.yaml',
        eventCount: 0,
        problemCount: 0,
        message: `The tracking plan ${planFile} does not exist or cannot be read. Create it, or change tracklint.planPath.`,
      });
      assert.deepEqual(await client.request<CoverageResult | null>('tracklint/coverage', {}), { root: client.root, planFile, state: 'missing' });
      assert.deepEqual(client.errorLogs, []);
    } finally {
      await client.stop();
    }
  });
});
