import * as vscode from 'vscode';
import { WorkspaceCoverageRequest } from '../../../server/src/lsp/protocol';
import { OPEN_PLAN_BUTTON, workspaceCoverageStep } from '../commandSteps';
import { requireRunningServer, type CommandContext } from './commandContext';
import { showNotice } from './showNotice';

/**
 * tracklint.showCoverage: the coverage report as markdown (of each workspace folder, against its own plan), in an
 * untitled document shown as a preview. Without a usable plan, a message says why, with a button to open (or create) it.
 */
export async function showCoverage({ client }: CommandContext): Promise<void> {
  requireRunningServer(client);
  const results = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'tracklint: computing coverage…' }, () =>
    client.sendRequest(WorkspaceCoverageRequest),
  );
  const step = workspaceCoverageStep(results);
  if (step.action === 'explain') {
    const choice = await showNotice(step.severity, step.message, step.button);
    if (choice === OPEN_PLAN_BUTTON) await vscode.commands.executeCommand('tracklint.openPlan');
    return;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: step.markdown });
  await vscode.window.showTextDocument(document, { preview: true });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}
