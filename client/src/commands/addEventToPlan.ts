import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { SERVER_COMMANDS } from '../../../server/src/lsp/protocol';
import { addEventRefusal } from '../commandSteps';
import { eventNameAtCursor } from '../eventNameAtCursor';
import { CHECKED_LANGUAGES } from '../languages';
import { requireRunningServer, type CommandContext } from './commandContext';
import { showNotice } from './showNotice';

/**
 * tracklint.addEventToPlan: asks for the event name (pre-filled with the string under the cursor)
 * and lets the server add it to the plan file, which it edits through workspace/applyEdit (so the
 * change is undoable and the file need not be open).
 */
export async function addEventToPlan({ client, log }: CommandContext): Promise<void> {
  requireRunningServer(client);
  const editor = vscode.window.activeTextEditor;
  const atCursor = editor && isCheckedLanguage(editor.document.languageId)
    ? eventNameAtCursor(editor.document.lineAt(editor.selection.active.line).text, editor.selection.active.character)
    : undefined;

  const name = await vscode.window.showInputBox({
    title: 'tracklint: Add Event to Plan',
    prompt: 'Name of the event to add to the tracking plan',
    value: atCursor?.name,
    validateInput: (value) => (value.trim() === '' ? 'Enter an event name.' : undefined),
  });
  if (name === undefined) return; // cancelled

  const argument = { name: name.trim(), uri: editor?.document.uri.toString(), ...(atCursor?.kind ? { kind: atCursor.kind } : {}) };
  log.info(`Adding '${argument.name}' to the tracking plan`);
  try {
    await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.addEventToPlan, arguments: [argument] });
  } catch (error) {
    // The plan has the name already (or a spelling of it), or has errors: said as a message, with the way to its entry
    // or its first error. Any other error is a failure, which guardCommand shows.
    const refusal = addEventRefusal(error);
    if (!refusal) throw error;
    log.info(refusal.message);
    const choice = await showNotice(refusal.severity, refusal.message, refusal.button);
    if (choice !== undefined && choice === refusal.button && refusal.location) {
      const { start, end } = refusal.location.range;
      await vscode.window.showTextDocument(vscode.Uri.parse(refusal.location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) });
    }
    return;
  }
  const choice = await vscode.window.showInformationMessage(`tracklint: added '${argument.name}' to the tracking plan.`, 'Open Tracking Plan');
  if (choice === 'Open Tracking Plan') await vscode.commands.executeCommand('tracklint.openPlan');
}

function isCheckedLanguage(languageId: string): boolean {
  return (CHECKED_LANGUAGES as readonly string[]).includes(languageId);
}
