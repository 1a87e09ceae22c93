import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { PlanStatusBar } from '../planStatusBar';

/** What the command handlers share. */
export interface CommandContext {
  client: LanguageClient;
  log: vscode.LogOutputChannel;
  statusBar: PlanStatusBar;
}

/** Requests to a stopped client would hang or fail obscurely; say what to do instead. */
export function requireRunningServer(client: LanguageClient): void {
  if (!client.isRunning()) {
    throw new Error('the tracklint language server is not running. Run "tracklint: Restart Server" to start it.');
  }
}
