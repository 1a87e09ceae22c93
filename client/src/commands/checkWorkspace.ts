import * as vscode from 'vscode';
import { CheckWorkspaceRequest } from '../../../server/src/lsp/protocol';
import { requireRunningServer, type CommandContext } from './commandContext';

/** tracklint.checkWorkspace: re-checks every file now and reports the totals; the findings go to the Problems view. */
export async function checkWorkspace({ client, log }: CommandContext): Promise<void> {
  requireRunningServer(client);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'tracklint: checking the workspace…' },
    () => client.sendRequest(CheckWorkspaceRequest),
  );
  const summary = `tracklint checked ${result.fileCount} file${result.fileCount === 1 ? '' : 's'}: ${result.problemCount} problem${result.problemCount === 1 ? '' : 's'}.`;
  log.info(summary);
  const choice = await vscode.window.showInformationMessage(summary, ...(result.problemCount > 0 ? ['Show Problems'] : []));
  if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
}
