import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceCoverageRequest, type CoverageResult } from '../../server/src/lsp/protocol';
import { workspaceTreeRoots, type PlanTreeNode } from './trackingPlanTree';

export const TRACKING_PLAN_VIEW = 'tracklint.trackingPlan';

/** Refreshes wait this long after the last change: diagnostics arrive file by file during a scan, and edit by edit. */
const REFRESH_DELAY_MS = 1000;

/**
 * The "Tracking Plan" view: plan events with their call counts and sources (from the server's
 * tracklint/workspaceCoverage reports: a node per folder in a multi-root workspace), each call site a click away.
 */
export class TrackingPlanView implements vscode.TreeDataProvider<PlanTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: PlanTreeNode[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private pending?: vscode.CancellationTokenSource;
  /** Set while the view is hidden and something changed: the report is asked for when it shows again. */
  private stale = true;
  private visible = false;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * Asks for a new report soon; a burst of changes makes one request, and a newer request cancels an older one.
   * A hidden view asks nothing (the report reads every call of the workspace): it refreshes when shown.
   */
  scheduleRefresh(): void {
    if (!this.visible) {
      this.stale = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /** Follows the view's visibility (TreeView.onDidChangeVisibility). */
  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible && this.stale) void this.refresh();
  }

  async refresh(): Promise<void> {
    if (!this.client.isRunning()) return;
    this.stale = false;
    this.pending?.cancel();
    const source = (this.pending = new vscode.CancellationTokenSource());
    let results: CoverageResult[];
    try {
      results = await this.client.sendRequest(WorkspaceCoverageRequest, source.token);
    } catch (error) {
      // Cancelled by a newer refresh, or the server is restarting: the next refresh brings the view up to date.
      if (!source.token.isCancellationRequested) this.log.warn(`The Tracking Plan view could not be refreshed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (source.token.isCancellationRequested) return;
    this.roots = workspaceTreeRoots(results);
    this.changed.fire();
  }

  getChildren(node?: PlanTreeNode): PlanTreeNode[] {
    return node ? node.children : this.roots;
  }

  getTreeItem(node: PlanTreeNode): vscode.TreeItem {
    const collapsed = node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, node.children.length ? collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.target) {
      const { start, end } = node.target.range;
      item.command = {
        command: 'vscode.open',
        title: 'Go to Call Site',
        arguments: [vscode.Uri.file(node.target.file), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }],
      };
    }
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending?.cancel();
    this.changed.dispose();
  }
}
