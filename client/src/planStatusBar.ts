import * as vscode from 'vscode';
import type { PlanStatus } from '../../server/src/lsp/protocol';
import { describeStatusBar, type ServerState, type StatusBarView } from './planStatusView';

/**
 * The status bar item: the plan's name and counts, or what is wrong with it. Keeps the last PlanStatus of each folder
 * (the server sends one per workspace folder) and shows the active editor's folder's, or a summary of the folders
 * (describeStatusBar). Remembers what it shows for "Open Tracking Plan".
 */
export class PlanStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private server: ServerState = 'starting';
  /** The last status of each folder, by its URI. */
  private readonly statuses = new Map<string, PlanStatus>();
  private view: StatusBarView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    // Left side, after the built-in items (Problems counter) that have higher priorities.
    this.item = vscode.window.createStatusBarItem('tracklint.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'tracklint';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidChangeWorkspaceFolders(({ removed }) => {
        // A removed folder's status is no longer the workspace's (the server forgets the folder too).
        for (const folder of removed) this.statuses.delete(folder.uri.toString());
        this.render();
      }),
    );
    this.render();
    this.item.show();
  }

  /** The status the item shows (in a summary of several folders: the first of the worst), for "Open Tracking Plan". */
  get lastPlanStatus(): PlanStatus | undefined {
    return this.view?.planStatus;
  }

  setPlanStatus(status: PlanStatus): void {
    this.statuses.set(status.folderUri, status);
    this.server = 'running';
    this.render();
  }

  setServerState(state: ServerState): void {
    this.server = state;
    // A restarted server sends fresh PlanStatuses; until then the old ones may be stale.
    if (state === 'starting') this.statuses.clear();
    this.render();
  }

  private render(): void {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => ({ uri: folder.uri.toString(), name: folder.name }));
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const view = describeStatusBar(this.server, [...this.statuses.values()], active, folders);
    this.view = view;
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
