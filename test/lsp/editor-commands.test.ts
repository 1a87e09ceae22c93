// What the extension's commands get from the server: "Add Event to Plan" (workspace/executeCommand), and what
// "Open Tracking Plan", "Show Coverage Report" and the Tracking Plan view's Refresh read (the status, tracklint/coverage)
// when there is no plan to read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CoverageResult } from '../../server/src/lsp/protocol';
import { LspTestClient } from '../helpers/lspClient';

const fixtures = path.resolve(__dirname, '../fixtures/workspaces');
const PLAN = 'tracking-plan.yaml';
const INVALID_PARAMS = -32602;

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

describe('without a plan: the status, the coverage report and Add Event to Plan say so', () => {
  test('no plan in the workspace: status and coverage are missing; adding an event is refused', async () => {
    const client = await LspTestClient.start({ fixture: path.join(fixtures, 'no-plan') });
    try {
      const status = await client.waitFor('a status', () => client.statuses.at(-1));
      assert.deepEqual(status, { state: 'missing', eventCount: 0, problemCount: 0, message: `No tracking-plan.yaml, .yml or .json found in ${client.root}. Create one, or set tracklint.planPath.` });
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
