import * as vscode from 'vscode';
import { CoverageRequest } from '../../../server/src/lsp/protocol';
import { requireRunningServer, type CommandContext } from './commandContext';

/** tracklint.showCoverage: the coverage report as markdown, in an untitled document shown as a preview. */
export async function showCoverage({ client }: CommandContext): Promise<void> {
  requireRunningServer(client);
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'tracklint: computing coverage…' }, () =>
    client.sendRequest(CoverageRequest, {}),
  );
  if (!result) throw new Error('no workspace folder is open.');
  if (!result.markdown) throw new Error(result.state === 'missing' ? 'no tracking plan was found.' : 'the tracking plan has problems; see the Problems view.');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
  await vscode.window.showTextDocument(document, { preview: true });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}
