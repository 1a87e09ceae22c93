import * as vscode from 'vscode';

/** A command's outcome said as a message (not a failure), with at most one button: resolves to its label when clicked. */
export async function showNotice(severity: 'info' | 'warning', message: string, button?: string): Promise<string | undefined> {
  const buttons = button ? [button] : [];
  return severity === 'warning' ? vscode.window.showWarningMessage(message, ...buttons) : vscode.window.showInformationMessage(message, ...buttons);
}
