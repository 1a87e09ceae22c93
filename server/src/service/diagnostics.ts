import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ruleDocsUrl } from '../core/rules';
import type { Finding } from '../core/types';
import type { DiagnosticData } from './codeActions';
import { toLspSeverity } from './severity';

/** A finding as an LSP diagnostic: source tracklint, the rule id as code with its docs link, fix data in `data`. */
export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, ...finding.data };
  return {
    range: finding.range,
    severity: toLspSeverity(finding.severity),
    source: 'tracklint',
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    message: finding.message,
    data,
  };
}

/** How many of the diagnostics VS Code's Problems panel counts: hints are not problems. */
export function countProblems(diagnostics: Diagnostic[]): number {
  return diagnostics.filter((diagnostic) => diagnostic.severity !== DiagnosticSeverity.Hint).length;
}
