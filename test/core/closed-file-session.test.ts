import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { generateWorkspace } from '../../scripts/bench/generate';
import { loadPlan } from '../../server/src/core/plan/load';
import { checkFiles, collectSourceFiles, createWorkspaceProgram } from '../../server/src/core/workspace';
import { ClosedFileSession } from '../../server/src/service/closedFiles/closedFileSession';
import type { ClosedFileBatch, ClosedFileCheckRequest } from '../../server/src/service/closedFiles/protocol';
import { nodeWorkspaceHost } from '../../server/src/node/nodeHost';

const PLAN = `name: Shop
events:
  Signed Up:
    properties:
      method: { type: string, enum: [email, google] }
    required: [method]
  Order Completed:
    properties:
      total: { type: number }
`;

/** A folder on disk with the plan and the given files; removed after the suite. */
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tracklint-closed-'));
  writeFileSync(path.join(root, 'tracking-plan.yaml'), PLAN);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  roots.push(root);
  return root;
}
const roots: string[] = [];
after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function request(root: string, overrides: Partial<ClosedFileCheckRequest> = {}): ClosedFileCheckRequest {
  const planFile = path.join(root, 'tracking-plan.yaml');
  return { planFile, planText: readFileSync(planFile, 'utf8'), overlays: [], changedOnDisk: [], ...overrides };
}

/** Runs one check; the findings as `file: rule line:col message`, relative to the root. */
async function run(session: ClosedFileSession, root: string, req: ClosedFileCheckRequest, isCancelled = () => false, withSeverity = false) {
  const batches: ClosedFileBatch[] = [];
  const result = await session.check(req, { isCancelled, onBatch: (batch) => batches.push(batch) });
  const findings = batches.flatMap((b) => b.results).flatMap(([file, list]) => list.map((f) => `${path.relative(root, file)}: ${f.ruleId} ${f.range.start.line}:${f.range.start.character} ${withSeverity ? `${f.severity} ` : ''}${f.message}`));
  return { result, batches, findings };
}

describe('checking the closed files of a folder (the language server runs it in a worker thread)', () => {
  test('closed files are checked, open ones are not, and an open file\'s unsaved text is what closed files import', async () => {
    const root = folder({
      'src/events.ts': `export const SIGN_UP = 'Signed Up';\n`,
      'src/signup.ts': `import { SIGN_UP } from './events';\nanalytics.track(SIGN_UP, { method: 'email' });\n`,
      'src/order.ts': `analytics.track('Order Complete', { total: 1 });\n`,
    });
    const session = new ClosedFileSession(root, nodeWorkspaceHost);
    const first = await run(session, root, request(root));
    assert.deepEqual(first.findings, [`src/order.ts: unknown-event 0:16 Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?`]);
    assert.deepEqual(first.result?.files.map((f) => path.relative(root, f)).sort(), ['src/events.ts', 'src/order.ts', 'src/signup.ts']);
    assert.deepEqual(first.result?.siteCounts.map(([f, counts]) => [path.relative(root, f), counts]).sort(), [
      ['src/order.ts', [['track:Order Complete', 1]]],
      ['src/signup.ts', [['track:Signed Up', 1]]],
    ]);

    // events.ts is open with an unsaved rename of the constant's value: signup.ts (closed) now sends an unknown event.
    const second = await run(session, root, request(root, { overlays: [[path.join(root, 'src/events.ts'), `export const SIGN_UP = 'Signed In';\n`]] }));
    assert.deepEqual(second.findings, [
      `src/order.ts: unknown-event 0:16 Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?`,
      `src/signup.ts: unknown-event 1:16 Event 'Signed In' is not in the tracking plan. Did you mean 'Signed Up'?`,
    ]);
    assert.ok(!second.result?.files.includes(path.join(root, 'src/events.ts')), 'an open file is not among the closed files');

    // Closed again: the disk's text applies.
    const third = await run(session, root, request(root));
    assert.deepEqual(third.findings, first.findings);
  });

  test('the files of excluded folders (workspace folders nested in this one) are neither checked nor counted', async () => {
    const root = folder({
      'src/order.ts': `analytics.track('Order Complete', { total: 1 });\n`,
      'inner/src/widget.ts': `analytics.track('Widget Opened');\n`,
      'inner-sibling/a.ts': `analytics.track('Widget Opened');\n`,
    });
    const session = new ClosedFileSession(root, nodeWorkspaceHost);
    const { result, findings } = await run(session, root, request(root, { excludedFolders: [path.join(root, 'inner')] }));
    assert.deepEqual([...findings].sort(), [
      `inner-sibling/a.ts: unknown-event 0:16 Event 'Widget Opened' is not in the tracking plan.`,
      `src/order.ts: unknown-event 0:16 Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?`,
    ]);
    assert.deepEqual(result?.files.map((file) => path.relative(root, file)).sort(), ['inner-sibling/a.ts', 'src/order.ts']);
  });

  test("call-site counts leave out a typed wrapper's forwarding call: its callers are the call sites", async () => {
    const root = folder({ 'src/typed.ts': `export function typed(name: 'Order Completed' | 'Signed Up') {\n  analytics.track(name, { method: 'email' });\n}\ntyped('Signed Up');\n` });
    const { result } = await run(new ClosedFileSession(root, nodeWorkspaceHost), root, request(root));
    assert.deepEqual(result?.siteCounts.map(([f, counts]) => [path.relative(root, f), counts]), [['src/typed.ts', [['track:Signed Up', 1]]]]);
  });

  test('files changed, created and deleted on disk since the last check are read again', async () => {
    const root = folder({ 'src/a.ts': `analytics.track('Signed Up', { method: 'email' });\n`, 'src/b.ts': `analytics.track('Nope', {});\n` });
    const session = new ClosedFileSession(root, nodeWorkspaceHost);
    assert.equal((await run(session, root, request(root))).findings.length, 1);
    writeFileSync(path.join(root, 'src/a.ts'), `analytics.track('Signed Up', { method: 'fax' });\n`);
    unlinkSync(path.join(root, 'src/b.ts'));
    writeFileSync(path.join(root, 'src/c.ts'), `analytics.track('Order Completed', { total: 'x' });\n`);
    const changedOnDisk = ['src/a.ts', 'src/b.ts', 'src/c.ts'].map((f) => path.join(root, f));
    const { findings, result } = await run(session, root, request(root, { changedOnDisk }));
    assert.deepEqual(findings, [
      `src/a.ts: property-value 0:39 Property 'method' of event 'Signed Up' must be one of "email", "google"; found "fax".`,
      `src/c.ts: property-type 0:44 Property 'total' of event 'Order Completed' should be number, but the value is 'x'.`,
    ]);
    assert.deepEqual(result?.files.map((f) => path.relative(root, f)).sort(), ['src/a.ts', 'src/c.ts']);
  });

  test('settings apply: extra callees, severities, and the size limit with a located file-too-large finding', async () => {
    const root = folder({ 'src/a.ts': `declare const tracker: { send(name: string): void };\ntracker.send('Nope');\n`, 'src/big.ts': `// ${'x'.repeat(300)}\nanalytics.track('Nope');\n` });
    const session = new ClosedFileSession(root, nodeWorkspaceHost);
    const { findings } = await run(
      session,
      root,
      request(root, { extraCallees: [{ callee: 'tracker.send', kind: 'track', event: { arg: 0 } }], severities: { 'unknown-event': 'warning' }, maxFileSize: 200 }),
      () => false,
      true,
    );
    assert.deepEqual(findings, [
      `src/a.ts: unknown-event 1:13 warning Event 'Nope' is not in the tracking plan.`,
      `src/big.ts: file-too-large 0:0 info tracklint skipped this file: it is 329 bytes, over tracklint.maxFileSize (200 bytes).`,
    ]);
  });

  test("a file whose check fails is reported with its error, and the other files are checked", async () => {
    const root = folder({ 'src/a.ts': `analytics.track('Nope');\n`, 'src/b.ts': `analytics.track('Nope');\n` });
    const faulty = { ...nodeWorkspaceHost, fileSize: (file: string) => (file.endsWith('a.ts') ? (() => { throw new Error('disk on fire'); })() : nodeWorkspaceHost.fileSize!(file)) };
    const batches: ClosedFileBatch[] = [];
    const result = await new ClosedFileSession(root, faulty).check(request(root), { isCancelled: () => false, onBatch: (batch) => batches.push(batch) });
    assert.deepEqual(batches.flatMap((b) => b.results).map(([file, findings]) => [path.relative(root, file), findings.map((f) => f.ruleId)]), [['src/b.ts', ['unknown-event']]]);
    assert.deepEqual(batches.flatMap((b) => b.failures).map(([file, error]) => [path.relative(root, file), error.split('\n')[0]]), [['src/a.ts', 'Error: disk on fire']]);
    assert.deepEqual(result?.failed.map((file) => path.relative(root, file)), ['src/a.ts']);
  });

  test('a cancelled check stops between files and answers nothing', async () => {
    const root = folder(Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`src/f${i}.ts`, `analytics.track('Nope ${i}');\n`])));
    const session = new ClosedFileSession(root, nodeWorkspaceHost);
    let asked = 0;
    const { result, batches } = await run(session, root, request(root), () => ++asked > 60);
    assert.equal(result, undefined);
    assert.deepEqual(batches.map((b) => [b.done, b.total]), [[50, 120]]);
    // The next check is whole.
    const again = await run(session, root, request(root));
    assert.equal(again.findings.length, 120);
  });

  test('on a generated app, the findings are exactly those of `tracklint check`', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tracklint-closed-app-'));
    roots.push(root);
    generateWorkspace(root, 300);
    const planFile = path.join(root, 'tracking-plan.yaml');
    const plan = loadPlan(planFile, readFileSync(planFile, 'utf8')).plan!;
    const files = await collectSourceFiles([root], { ignore: plan.ignore });
    const expected = [...checkFiles({ plan, host: createWorkspaceProgram(root), files })].flatMap(([file, list]) => list.map((f) => `${path.relative(root, file)}: ${f.ruleId} ${f.range.start.line}:${f.range.start.character} ${f.message}`));
    const { findings } = await run(new ClosedFileSession(root, nodeWorkspaceHost), root, request(root));
    assert.ok(expected.length > 50, `only ${expected.length} findings`);
    assert.deepEqual(findings.sort(), expected.sort());
  });
});
