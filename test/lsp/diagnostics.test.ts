import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspTestClient } from '../helpers/lspClient';

const fixture = path.resolve(__dirname, '../fixtures/workspaces/lsp');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DOCS = 'https://github.com/tracklint/tracklint/blob/main/docs/rules/';

describe('diagnostics (push)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  test('an opened file gets exact diagnostics: source, rule id as code, docs link, range, message, fix data', async () => {
    client.open('src/app.ts', `analytics.track('purchase_completed');\n`);
    const diagnostics = await client.waitForDiagnostics('src/app.ts');
    assert.deepEqual(diagnostics, [
      {
        range: { start: { line: 0, character: 16 }, end: { line: 0, character: 36 } },
        severity: 2,
        source: 'tracklint',
        code: 'event-name-casing',
        codeDescription: { href: `${DOCS}event-name-casing.md` },
        message: "Event name 'purchase_completed' is not Title Case; expected 'Purchase Completed'.",
        data: { ruleId: 'event-name-casing', eventName: 'purchase_completed', suggestions: ['Purchase Completed'], replacement: 'Purchase Completed' },
      },
      {
        range: { start: { line: 0, character: 16 }, end: { line: 0, character: 36 } },
        severity: 1,
        source: 'tracklint',
        code: 'unknown-event',
        codeDescription: { href: `${DOCS}unknown-event.md` },
        message: "Event 'purchase_completed' is not in the tracking plan. Did you mean 'Purchase Completed'? It is deprecated; use 'Order Completed'.",
        data: { ruleId: 'unknown-event', eventName: 'purchase_completed', suggestions: ['Order Completed', 'Purchase Completed'], replacement: 'Order Completed' },
      },
    ]);
  });

  test('every change is re-checked, and the published version is the newest', async () => {
    client.change('src/app.ts', `analytics.track('Signed Up', { method: 'sso' });\n`);
    const version = client.change('src/app.ts', `analytics.track('Signed Up', { method: 'phone' });\n`);
    const diagnostics = await client.waitForDiagnostics('src/app.ts', (d, v) => v === version);
    assert.deepEqual(diagnostics.map((d) => d.message), [`Property 'method' of event 'Signed Up' must be one of "email", "google"; found "phone".`]);
    assert.equal(client.diagnostics.get(client.uri('src/app.ts'))?.version, version);
  });

  test('TSX, JS and JSX files are checked like TS', async () => {
    const files: [string, string, string][] = [
      ['src/button.tsx', 'typescriptreact', `export const Buy = () => <button onClick={() => analytics.track('Nope Tsx')}>Buy</button>;\n`],
      ['src/legacy.js', 'javascript', `export function signUp() {\n  analytics.track('Signed Up', { method: 'fax' });\n}\n`],
      ['src/view.jsx', 'javascriptreact', `export const View = () => <a onClick={() => analytics.track("Signed Up")}>x</a>;\n`],
    ];
    for (const [file, languageId, text] of files) client.open(file, text, languageId);
    const results = await Promise.all(files.map(([file]) => client.waitForDiagnostics(file)));
    assert.deepEqual(
      results.map((diagnostics) => diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message])),
      [
        [['unknown-event', 0, 64, "Event 'Nope Tsx' is not in the tracking plan."]],
        [['property-value', 1, 41, `Property 'method' of event 'Signed Up' must be one of "email", "google"; found "fax".`]],
        [['missing-required-property', 0, 60, "Missing required property 'method' of event 'Signed Up'."]],
      ],
    );
  });

  test('the workspace scan publishes problems of files that are not open', async () => {
    const diagnostics = await client.waitForDiagnostics('src/closed.ts');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
      [['unknown-event', 3, 18, "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?"]],
    );
    assert.equal(client.diagnostics.has(client.uri('src/clean.ts')), false, 'a clean file gets no empty publication');
  });

  test('the startup check of the closed files reports $/progress: begin, the files checked, end', async () => {
    const values = await client.waitFor('the check to end', () => [...client.progress.values()].find((v) => v.some((x) => x.kind === 'end')));
    assert.deepEqual(values[0], { kind: 'begin', title: 'tracklint', cancellable: true, message: 'Checking the workspace', percentage: 0 });
    assert.deepEqual(values.at(-1), { kind: 'end' });
    // Reports are throttled in time, so how many there are varies; the last one is always sent.
    const reports = values.slice(1, -1);
    assert.ok(reports.every((r) => r.kind === 'report' && /^Checked \d+ of 3 files$/.test(r.message ?? '')), JSON.stringify(reports));
    assert.deepEqual(reports.at(-1), { kind: 'report', message: 'Checked 3 of 3 files', percentage: 100 });
    const percentages = reports.map((r) => r.percentage ?? 0);
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'the percentage never goes back');
  });

  test('unused plan events are hinted on the plan file once the scan is done', async () => {
    const diagnostics = await client.waitForDiagnostics('tracking-plan.yaml', (d) => d.some((x) => x.code === 'unused-event'));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.message, d.tags]),
      [['unused-event', 4, 23, 2, "Event 'Wishlist Shared' is in the tracking plan, but no code in the workspace sends it.", [1]]],
    );
  });

  test('the status reports the plan, its events and the problems', async () => {
    const status = await client.waitFor('a status with problems', () => client.statuses.findLast((s) => s.problemCount > 0));
    assert.equal(status.state, 'ok');
    assert.equal(status.planName, 'LSP Shop');
    assert.equal(status.eventCount, 4);
    assert.equal(status.planFile, client.path('tracking-plan.yaml'));
  });

  test('unsaved plan edits re-check open files; a broken plan keeps the last good one in use', async () => {
    const planText = (await import('node:fs')).readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    client.open('tracking-plan.yaml', planText.replace('enum: [email, google]', 'enum: [email, google, phone]'), 'yaml');
    await client.waitForDiagnostics('src/app.ts', (d) => d.length === 0);
    client.change('tracking-plan.yaml', planText.replace('events:\n', 'events:\n  Broken: [\n'));
    const planDiagnostics = await client.waitForDiagnostics('tracking-plan.yaml', (d) => d.some((x) => x.code === 'invalid-plan'));
    assert.deepEqual(
      planDiagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
      [['invalid-plan', 7, 2, 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ].']],
    );
    const status = await client.waitFor('invalid status', () => client.statuses.findLast((s) => s.state === 'invalid'));
    assert.match(status.message ?? '', /checking with the last valid version/);
    // Still checked against the last good plan (the one that allows 'phone').
    client.change('src/app.ts', `analytics.track('Signed Up', { method: 'phone' });\nanalytics.track('Nope');\n`);
    const diagnostics = await client.waitForDiagnostics('src/app.ts', (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.message), ["Event 'Nope' is not in the tracking plan."]);
    client.close('tracking-plan.yaml');
    await client.waitForDiagnostics('src/app.ts', (d) => d.some((x) => x.code === 'property-value'));
  });

  test('a plan rewritten on disk is picked up through the file watcher', async () => {
    const planFile = client.path('tracking-plan.yaml');
    const planText = (await import('node:fs')).readFileSync(planFile, 'utf8');
    writeFileSync(planFile, planText.replace('  Wishlist Shared: {} # nobody sends this one\n', '  Wishlist Shared: {}\n  Nope: {}\n'));
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('tracking-plan.yaml'), type: 2 }] });
    const diagnostics = await client.waitForDiagnostics('src/app.ts', (d) => !d.some((x) => JSON.stringify(x.message).includes("'Nope'")));
    assert.deepEqual(diagnostics.map((d) => d.code), ['property-value']);
  });

  test('a closed file is judged again when a file it imports is saved, and its problem goes away', async () => {
    await client.waitForDiagnostics('src/closed.ts', (d) => d.length === 1);
    const events = client.path('src/events.ts');
    writeFileSync(events, readFileSync(events, 'utf8').replace("ORDER: 'Order Complete'", "ORDER: 'Order Completed'"));
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('src/events.ts'), type: 2 }] });
    assert.deepEqual(await client.waitForDiagnostics('src/closed.ts', (d) => d.length === 0), []);
  });
});

describe('diagnostics (pull)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture, pullDiagnostics: true });
  });
  after(() => client.stop());

  test('open files are pulled with textDocument/diagnostic; nothing is pushed for them', async () => {
    client.open('src/app.ts', `analytics.track('Order Completed', { order_id: 'o', total: 1 });\n`);
    const report = await client.request<{ kind: string; items: { code: string; message: string }[] }>('textDocument/diagnostic', { textDocument: { uri: client.uri('src/app.ts') } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => [d.code, d.message]), [['missing-required-property', "Missing required property 'currency' of event 'Order Completed'."]]);
    await client.waitForDiagnostics('src/closed.ts');
    assert.equal(client.diagnostics.has(client.uri('src/app.ts')), false);
  });

  test('a cancelled pull is answered with its full report or RequestCancelled without data, never an empty report', async () => {
    const params = { textDocument: { uri: client.uri('src/app.ts') } };
    const expected = await client.request('textDocument/diagnostic', params);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const source = new CancellationTokenSource();
        const pending = client.connection.sendRequest('textDocument/diagnostic', params, source.token);
        if (i % 2) setImmediate(() => source.cancel());
        else source.cancel();
        try {
          assert.deepEqual(await pending, expected);
          return 'answered';
        } catch (error) {
          const { code, message, data } = error as { code?: number; message?: string; data?: unknown };
          assert.deepEqual({ code, message, data }, { code: -32800, message: 'diagnostics: the request was cancelled', data: undefined });
          return 'cancelled';
        }
      }),
    );
    assert.ok(outcomes.includes('cancelled'), JSON.stringify(outcomes));
  });

  test('the server offers pull diagnostics only to a client that offers them', () => {
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: false });
  });

  test('an unsaved plan edit asks the client to pull again, and the pull answers with the new plan', async () => {
    const pull = () => client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: client.uri('src/app.ts') } });
    const before = client.refreshes.filter((m) => m === 'workspace/diagnostic/refresh').length;
    const planText = readFileSync(client.path('tracking-plan.yaml'), 'utf8');
    client.open('tracking-plan.yaml', planText.replace('    required: [order_id, total, currency]\n', '    required: [order_id, total]\n'), 'yaml');
    await client.waitFor('a diagnostic refresh', () => client.refreshes.filter((m) => m === 'workspace/diagnostic/refresh').length > before || undefined);
    assert.deepEqual((await pull()).items, []);
  });
});

describe('a pull cancelled while the server works on it', () => {
  let client: LspTestClient;
  let release!: () => void;
  before(async () => {
    // The server reads the folder's settings before it answers anything about the folder: held, a pull waits in the handler.
    client = await LspTestClient.start({ fixture, pullDiagnostics: true, configurationAnswer: new Promise<void>((resolve) => (release = resolve)) });
  });
  after(() => client.stop());

  test("is answered RequestCancelled without data, which vscode-languageclient takes quietly (not ServerCancelled's retriggerRequest: false, which it logs as a failed pull)", async () => {
    client.open('src/app.ts', `analytics.track('Nope');\n`);
    const params = { textDocument: { uri: client.uri('src/app.ts') } };
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', params, source.token).then(
      () => 'answered',
      (error: { code?: number; message?: string; data?: unknown }) => ({ code: error.code, message: error.message, data: error.data }),
    );
    // In flight: the server has taken the request and waits for the settings.
    await sleep(200);
    source.cancel();
    await sleep(50);
    release();
    assert.deepEqual(await pending, { code: -32800, message: 'diagnostics: the request was cancelled', data: undefined });
    // The stale work was given up, and the next pull is answered in full.
    const report = await client.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', params);
    assert.deepEqual([report.kind, report.items.map((d) => d.code)], ['full', ['unknown-event']]);
    assert.deepEqual(client.errorLogs, []);
  });
});

describe("the problem count leaves hints out, as VS Code's Problems panel does", () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ fixture });
  });
  after(() => client.stop());

  const checkWorkspace = () => client.request<{ fileCount: number; problemCount: number }>('tracklint/checkWorkspace', null);
  const published = (relative: string) => client.diagnostics.get(client.uri(relative))?.diagnostics.map((d) => [d.code, d.severity]);

  test("the plan's unused-event hint is published but not counted: Check Workspace and the status say 1 problem", async () => {
    assert.deepEqual(await checkWorkspace(), { fileCount: 3, problemCount: 1 });
    assert.deepEqual(published('tracking-plan.yaml'), [['unused-event', 4]]);
    assert.deepEqual(published('src/closed.ts'), [['unknown-event', 1]]);
    assert.equal(client.statuses.at(-1)?.problemCount, 1);
  });

  test('a rule set to hint counts no more; its hints still go from the panel when the code is fixed', async () => {
    await client.setSettings({ rules: { 'unknown-event': 'hint' } });
    assert.deepEqual(await checkWorkspace(), { fileCount: 3, problemCount: 0 });
    assert.deepEqual(published('src/closed.ts'), [['unknown-event', 4]]);
    assert.equal(client.statuses.at(-1)?.problemCount, 0);
    const events = client.path('src/events.ts');
    writeFileSync(events, readFileSync(events, 'utf8').replace("ORDER: 'Order Complete'", "ORDER: 'Order Completed'"));
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('src/events.ts'), type: 2 }] });
    assert.deepEqual(await client.waitForDiagnostics('src/closed.ts', (d) => d.length === 0), []);
  });
});

describe('a broken tsconfig.json', () => {
  let client: LspTestClient;
  let generated: string;
  before(async () => {
    generated = mkdtempSync(path.join(tmpdir(), 'tracklint-tsconfig-'));
    cpSync(fixture, generated, { recursive: true });
    writeFileSync(path.join(generated, 'tsconfig.json'), '{ "compilerOptions": { "strict": true "target": "es2022" } }\n');
    client = await LspTestClient.start({ fixture: generated });
  });
  after(async () => {
    await client.stop();
    rmSync(generated, { recursive: true, force: true });
  });

  test('is logged, located, and files are still checked with the default compiler options', async () => {
    client.open('src/app.ts', `analytics.track('Nope');\n`);
    assert.deepEqual((await client.waitForDiagnostics('src/app.ts')).map((d) => d.code), ['unknown-event']);
    assert.deepEqual((await client.waitForDiagnostics('src/closed.ts')).map((d) => d.code), ['unknown-event']);
    const logged = client.logs.filter((message) => message.includes('tsconfig.json'));
    assert.deepEqual(logged.map((message) => message.replace(client.root, '<root>')), ["tracklint: <root>/tsconfig.json:1:39: ',' expected. tracklint uses the default compiler options."]);
    assert.deepEqual(client.errorLogs, []);
  });
});
