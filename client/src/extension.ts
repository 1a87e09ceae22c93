import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { PlanStatusNotification } from '../../server/src/lsp/protocol';
import { addEventToPlan } from './commands/addEventToPlan';
import { checkWorkspace } from './commands/checkWorkspace';
import { requireRunningServer, type CommandContext } from './commands/commandContext';
import { openPlan } from './commands/openPlan';
import { showCoverage } from './commands/showCoverage';
import { guardCommand } from './guardCommand';
import { createLanguageClient } from './languageClient';
import { PlanStatusBar } from './planStatusBar';
import type { ServerState } from './planStatusView';
import { TRACKING_PLAN_VIEW, TrackingPlanView } from './trackingPlanView';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // A log channel: the language client writes its own messages and the LSP trace here
  // (the trace appears when the channel's log level is Trace; tracklint.trace.server sets its detail).
  const log = vscode.window.createOutputChannel('tracklint', { log: true });
  const statusBar = new PlanStatusBar();
  client = createLanguageClient(context, log);
  const commandContext: CommandContext = { client, log, statusBar };
  context.subscriptions.push(log, statusBar);

  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => statusBar.setServerState(serverState(newState))),
  );
  const planView = new TrackingPlanView(client, log);
  const planTree = vscode.window.createTreeView(TRACKING_PLAN_VIEW, { treeDataProvider: planView });
  context.subscriptions.push(planView, planTree, planTree.onDidChangeVisibility(({ visible }) => planView.setVisible(visible)));
  planView.setVisible(planTree.visible);
  // The server sends a status after each plan load and each pass over the workspace; diagnostics change with every edit.
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(() => planView.scheduleRefresh()));
  context.subscriptions.push(client.onDidChangeState(({ newState }) => newState === State.Running && planView.scheduleRefresh()));

  // Registered before start: the client re-installs handlers on every (re)start.
  client.onNotification(PlanStatusNotification, (status) => {
    statusBar.setPlanStatus(status);
    planView.scheduleRefresh();
  });

  const register = (id: string, title: string, handler: (c: CommandContext) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guardCommand(title, log, () => handler(commandContext))));
  register('tracklint.checkWorkspace', 'Check Workspace', checkWorkspace);
  register('tracklint.openPlan', 'Open Tracking Plan', openPlan);
  register('tracklint.addEventToPlan', 'Add Event to Plan', addEventToPlan);
  register('tracklint.restartServer', 'Restart Server', async ({ client: c }) => {
    log.info('Restarting the server');
    await c.restart();
  });
  register('tracklint.showOutput', 'Show Output', async () => log.show(true));
  register('tracklint.showCoverage', 'Show Coverage Report', showCoverage);
  register('tracklint.refreshTrackingPlan', 'Refresh Tracking Plan', async ({ client: c }) => {
    // Run by hand, a stopped server is said (the view's own refreshes wait quietly for it to run again).
    requireRunningServer(c);
    await planView.refresh();
  });

  // Not awaited: activation should not wait for the server to load the workspace. A failure to
  // start is logged and shown by the status bar; "Restart Server" retries.
  client.start().catch((error: unknown) => {
    log.error('The tracklint language server failed to start:', error instanceof Error ? error : String(error));
    statusBar.setServerState('stopped');
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function serverState(state: State): ServerState {
  if (state === State.Running) return 'running';
  if (state === State.Starting) return 'starting';
  return 'stopped';
}
