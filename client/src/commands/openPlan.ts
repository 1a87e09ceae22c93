import * as vscode from 'vscode';
import { openPlanStep } from '../commandSteps';
import { STARTER_PLAN_FILE_NAME, starterPlan } from '../starterPlan';
import type { CommandContext } from './commandContext';

/**
 * tracklint.openPlan (also the status bar's click): opens the plan the server uses. Without one,
 * offers to create a starter tracking-plan.yaml — where a configured `tracklint.planPath` points, or
 * at the root of the workspace folder.
 */
export async function openPlan({ statusBar, log }: CommandContext): Promise<void> {
  const step = await openPlanStep(statusBar.lastPlanStatus, defaultPlanLocation()?.fsPath, (file) => exists(vscode.Uri.file(file)));
  if (step.action === 'no-folder') {
    await vscode.window.showInformationMessage(step.message);
    return;
  }
  const target = vscode.Uri.file(step.file);
  if (step.action === 'offer-create') {
    const choice = await vscode.window.showInformationMessage(step.message, step.button);
    if (choice !== step.button) return;
    const folder = vscode.workspace.getWorkspaceFolder(target) ?? vscode.workspace.workspaceFolders?.[0];
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(starterPlan(folder?.name ?? 'My App')));
    log.info(`Created ${target.fsPath}`);
  }
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
