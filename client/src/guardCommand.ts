import * as vscode from 'vscode';

/**
 * Wraps a command handler so a failure is shown to the user and logged with its stack, instead of
 * escaping as an unhandled rejection that VS Code reports without context.
 */
export function guardCommand<Args extends unknown[]>(
  title: string,
  log: vscode.LogOutputChannel,
  handler: (...args: Args) => Promise<unknown>,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await handler(...args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error(`${title} failed:`, error instanceof Error ? error : message);
      const choice = await vscode.window.showErrorMessage(`tracklint: ${title} failed: ${message}`, 'Show Output');
      if (choice === 'Show Output') log.show(true);
    }
  };
}
