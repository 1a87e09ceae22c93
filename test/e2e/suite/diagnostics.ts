import * as vscode from 'vscode';

/** Diagnostic.code is a string, a number, or { value, target } when the server links the rule's docs. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/**
 * Resolves with the first diagnostic of `uri` that matches, as soon as the server publishes it
 * (onDidChangeDiagnostics); rejects after `timeoutMs` with what was published instead.
 */
export function waitForDiagnostic(uri: vscode.Uri, matches: (d: vscode.Diagnostic) => boolean, timeoutMs: number): Promise<vscode.Diagnostic> {
  const find = () => vscode.languages.getDiagnostics(uri).find(matches);
  const already = find();
  if (already) return Promise.resolve(already);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${diagnosticCode(d)}: ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a diagnostic on ${uri.fsPath}; published: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const found = find();
      if (!found) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(found);
    });
  });
}
