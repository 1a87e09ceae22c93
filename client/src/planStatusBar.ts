import * as vscode from 'vscode';
import type { PlanStatus } from '../../server/src/lsp/protocol';
import { describeStatus, type ServerState } from './planStatusView';

/** The status bar item: the plan's name and counts, or what is wrong with it. Remembers the last PlanStatus for "Open Tracking Plan". */
export class PlanStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private server: ServerState = 'starting';
  private plan: PlanStatus | undefined;

  constructor() {
    // Left side, after the built-in items (Problems counter) that have higher priorities.
    this.item = vscode.window.createStatusBarItem('tracklint.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'tracklint';
    this.render();
    this.item.show();
  }

  get lastPlanStatus(): PlanStatus | undefined {
    return this.plan;
  }

  setPlanStatus(status: PlanStatus): void {
    this.plan = status;
    this.server = 'running';
    this.render();
  }

  setServerState(state: ServerState): void {
    this.server = state;
    // A restarted server sends a fresh PlanStatus; until then the old one may be stale.
    if (state === 'starting') this.plan = undefined;
    this.render();
  }

  private render(): void {
    const view = describeStatus(this.server, this.plan);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
