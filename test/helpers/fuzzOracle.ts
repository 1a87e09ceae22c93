import type { Diagnostic } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { nodeWorkspaceHost } from '../../server/src/node/nodeHost';
import { AnalysisWorkspace } from '../../server/src/service/analysisWorkspace';
import { createLanguageService } from '../../server/src/service/languageService';

/**
 * The diagnostics of a fresh check: a new analysis workspace over the same folder, given only the
 * final texts (no history of edits), fully scanned, as a server started now would judge them.
 * `planTexts` are the plan texts the session went through, in order: a broken final plan is
 * judged with the last good one before it, as the server keeps it.
 */
export async function freshDiagnostics(root: string, finalTexts: Map<string, { text: string }>, planTexts: string[]): Promise<Map<string, Diagnostic[]>> {
  const workspace = new AnalysisWorkspace(root, nodeWorkspaceHost, { severities: DEFAULT_SETTINGS.rules, extraCallees: DEFAULT_SETTINGS.callees, maxFileSize: DEFAULT_SETTINGS.maxFileSize });
  for (const text of planTexts) workspace.reloadPlan(text);
  for (const [uri, { text }] of finalTexts) {
    const fileName = URI.parse(uri).fsPath;
    if (!workspace.isPlanFile(fileName)) workspace.setOverlay(fileName, text);
  }
  await workspace.scan();
  const service = createLanguageService(workspace);
  return new Map([...finalTexts.keys()].map((uri) => [uri, service.doValidate(URI.parse(uri).fsPath)]));
}

/** What the comparison looks at: rule id, severity, range and message (not data, which only feeds code actions). */
export function comparable(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code ?? '-'} ${d.severity} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}
