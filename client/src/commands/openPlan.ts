import * as path from 'node:path';
import * as vscode from 'vscode';
import { STARTER_PLAN_FILE_NAME, starterPlan } from '../starterPlan';
import type { CommandContext } from './commandContext';

/**
 * tracklint.openPlan (also the status bar's click): opens the plan the server uses. Without one,
 * offers to create a starter tracking-plan.yaml — where a configured `tracklint.planPath` points, or
 * at the root of the workspace folder.
 */
export async function openPlan({ statusBar, log }: CommandContext): Promise<void> {
  const status = statusBar.lastPlanStatus;
  if (status?.planFile && status.state !== 'missing') {
    await vscode.window.showTextDocument(vscode.Uri.file(status.planFile));
    return;
  }

  const target = status?.planFile ? vscode.Uri.file(status.planFile) : defaultPlanLocation();
  if (!target) {
    await vscode.window.showInformationMessage('tracklint: open a folder first; the tracking plan lives in the workspace.');
    return;
  }
  if (await exists(target)) {
    // The server has not seen it yet (or is still starting): open it anyway.
    await vscode.window.showTextDocument(target);
    return;
  }

  const create = `Create ${path.basename(target.fsPath)}`;
  const reason = status?.message ?? 'No tracking plan was found in this workspace.';
  const choice = await vscode.window.showInformationMessage(`tracklint: ${reason}`, create);
  if (choice !== create) return;

  const folder = vscode.workspace.getWorkspaceFolder(target) ?? vscode.workspace.workspaceFolders?.[0];
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(starterPlan(folder?.name ?? 'My App')));
  log.info(`Created ${target.fsPath}`);
  await vscode.window.showTextDocument(target);
}

/** tracking-plan.yaml at the root of the active editor's workspace folder, else of the first folder. */
function defaultPlanLocation(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, STARTER_PLAN_FILE_NAME) : undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
