import * as vscode from 'vscode';
import { CoverageRequest } from '../../../server/src/lsp/protocol';
import { coverageStep, OPEN_PLAN_BUTTON } from '../commandSteps';
import { requireRunningServer, type CommandContext } from './commandContext';

/**
 * tracklint.showCoverage: the coverage report as markdown, in an untitled document shown as a preview. Without a
 * usable plan, a message says why, with a button to open (or create) the plan.
 */
export async function showCoverage({ client }: CommandContext): Promise<void> {
  requireRunningServer(client);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'tracklint: computing coverage…' }, () =>
    client.sendRequest(CoverageRequest, {}),
  );
  const step = coverageStep(result);
  if (step.action === 'explain') {
    const buttons = step.button ? [step.button] : [];
    const choice = await (step.severity === 'warning' ? vscode.window.showWarningMessage(step.message, ...buttons) : vscode.window.showInformationMessage(step.message, ...buttons));
    if (choice === OPEN_PLAN_BUTTON) await vscode.commands.executeCommand('tracklint.openPlan');
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: step.markdown });
  await vscode.window.showTextDocument(document, { preview: true });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}
