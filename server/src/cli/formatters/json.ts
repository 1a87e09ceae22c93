import type { Finding, Severity } from '../../core/types';
import type { FileResult, Formatter } from './types';

/** One message of ESLint's JSON formatter output (the subset tracklint can fill in). */
export interface EslintJsonMessage {
  ruleId: string;
  /** ESLint severity: 2 = error, 1 = warning. tracklint's `info` is reported as 1, ESLint has no lower level. */
  severity: 1 | 2;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  /** 1-based, exclusive (the column just after the last character), as in ESLint. */
  endColumn: number;
}

/** One element of ESLint's JSON formatter output. */
export interface EslintJsonResult {
  filePath: string;
  messages: EslintJsonMessage[];
  errorCount: number;
  /** Counts warnings only: info findings count in neither errorCount nor warningCount. */
  warningCount: number;
  fatalErrorCount: 0;
  fixableErrorCount: 0;
  fixableWarningCount: 0;
}

const ESLINT_SEVERITY: Record<Severity, 1 | 2> = { error: 2, warning: 1, info: 1, hint: 1 };

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function toEslintResults(results: FileResult[]): EslintJsonResult[] {
  return results.map(({ filePath, findings }) => {
    const sorted = [...findings].sort(byPosition);
    return {
      filePath,
      messages: sorted.map((f) => ({
        ruleId: f.ruleId,
        severity: ESLINT_SEVERITY[f.severity],
        message: f.message,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      })),
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    };
  });
}

/** ESLint's `json` formatter shape, on one line, so existing ESLint-JSON consumers can read it. */
export const json: Formatter = (results) => JSON.stringify(toEslintResults(results));
