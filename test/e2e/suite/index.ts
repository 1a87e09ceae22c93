import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticCode, waitForDiagnostic } from './diagnostics';

/**
 * Runs inside VS Code's extension host (test-electron calls `run()` from this module), on a copy of
 * examples/shop opened as the workspace. Each step waits on events with a timeout, never on sleeps.
 */

const SERVER_READY_TIMEOUT_MS = 90_000;

type Step = [name: string, body: () => Promise<void>];

/** The provider command returns CodeActions and bare Commands; a bare Command's `command` is its id string. */
function isCodeAction(action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction {
  return typeof action.command !== 'string';
}

export async function run(): Promise<void> {
  const workspace = process.env.TRACKLINT_E2E_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(workspace, 'a workspace folder is open');
  const checkoutUri = vscode.Uri.file(path.join(workspace, 'src/pages/checkout.ts'));
  let unknownEvent: vscode.Diagnostic | undefined;

  const steps: Step[] = [
    [
      'the extension is installed under its manifest id',
      async () => {
        assert.ok(vscode.extensions.getExtension('tracklint.tracklint'), 'extension tracklint.tracklint is loaded');
      },
    ],
    [
      "opening src/pages/checkout.ts reports an 'unknown-event' diagnostic from tracklint",
      async () => {
        await vscode.window.showTextDocument(checkoutUri);
        unknownEvent = await waitForDiagnostic(
          checkoutUri,
          (d) => d.source === 'tracklint' && diagnosticCode(d) === 'unknown-event' && d.message.includes("'Checkout Start'"),
          SERVER_READY_TIMEOUT_MS,
        );
      },
    ],
    [
      "completion inside an event name's quotes offers 'Order Completed'",
      async () => {
        const document = await vscode.workspace.openTextDocument(checkoutUri);
        const literal = "track('purchase_completed'";
        const offset = document.getText().indexOf(literal);
        assert.ok(offset >= 0, `checkout.ts contains ${literal}`);
        const insideQuotes = document.positionAt(offset + "track('".length);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', checkoutUri, insideQuotes);
        const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        assert.ok(labels.includes('Order Completed'), `'Order Completed' is offered; got ${JSON.stringify(labels.slice(0, 30))}`);
      },
    ],
    [
      "the quick fix \"Change to 'Checkout Started'\" edits the code",
      async () => {
        assert.ok(unknownEvent, 'the unknown-event diagnostic was found');
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', checkoutUri, unknownEvent.range);
        const fix = actions.filter(isCodeAction).find((a) => a.title.includes('Checkout Started'));
        assert.ok(fix, `a code action titled with 'Checkout Started'; got ${JSON.stringify(actions.map((a) => a.title))}`);

        // The fix may edit checkout.ts or the constant's declaration in events.ts: watch every document it touches.
        for (const [uri] of fix.edit?.entries() ?? []) await vscode.workspace.openTextDocument(uri);
        const before = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d.getText()]));
        if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the workspace edit applies');
        if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));

        const changed = vscode.workspace.textDocuments.filter((d) => before.has(d.uri.toString()) && before.get(d.uri.toString()) !== d.getText());
        assert.ok(changed.length > 0, 'the fix changed a document');
        assert.ok(
          changed.some((d) => d.getText().includes("'Checkout Started'") && !before.get(d.uri.toString())?.includes("'Checkout Started'")),
          `'Checkout Started' was written into ${changed.map((d) => path.basename(d.uri.fsPath)).join(', ')}`,
        );
      },
    ],
  ];

  let failed = 0;
  for (const [name, body] of steps) {
    try {
      await body();
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.error(`not ok - ${name}\n  ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // Later steps build on earlier ones.
      break;
    }
  }
  if (failed > 0) throw new Error('tracklint e2e: a step failed (see above)');
}
