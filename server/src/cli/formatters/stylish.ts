import * as path from 'node:path';
import type { Finding, Severity } from '../../core/types';
import type { FileResult, Formatter } from './types';

export interface StylishOptions {
  /** Use ANSI colour codes. The caller decides (e.g. from `process.stdout.isTTY` and NO_COLOR/--color). */
  color: boolean;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const STYLES = {
  underline: ansi(4, 24),
  bold: ansi(1, 22),
  dim: ansi(2, 22),
  red: ansi(31, 39),
  yellow: ansi(33, 39),
  blue: ansi(34, 39),
};
const identity = (s: string) => s;

const SEVERITY_COLOR: Record<Severity, keyof typeof STYLES> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'blue' };

export const NO_PROBLEMS_MESSAGE = 'No problems found.';

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Path relative to cwd with forward slashes; an absolute path when the file is on another drive. */
function displayPath(cwd: string, filePath: string): string {
  const rel = path.relative(cwd, filePath);
  return (rel === '' || path.isAbsolute(rel) ? filePath : rel).split(path.sep).join('/');
}

/** Messages are single-line in the table so the columns stay aligned. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * ESLint's "stylish" look: per file, the path and an aligned table of
 * `line:column  severity  message  rule-id` (line right-aligned, column left-aligned, as ESLint),
 * files separated by a blank line, then a summary line. Always ends with a newline.
 */
export function createStylishFormatter({ color }: StylishOptions): Formatter {
  const style = (name: keyof typeof STYLES) => (color ? STYLES[name] : identity);

  return (results, options) => {
    const blocks: string[] = [];
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };

    for (const { filePath, findings } of results) {
      if (findings.length === 0) continue;
      const rows = [...findings].sort(byPosition).map((f) => {
        counts[f.severity]++;
        return {
          line: String(f.range.start.line + 1),
          column: String(f.range.start.character + 1),
          severity: f.severity,
          message: oneLine(f.message),
          ruleId: f.ruleId,
        };
      });
      const width = (key: 'line' | 'column' | 'severity' | 'message') =>
        Math.max(...rows.map((r) => r[key].length));
      const [wLine, wColumn, wSeverity, wMessage] = [width('line'), width('column'), width('severity'), width('message')];

      const lines = [style('bold')(style('underline')(displayPath(options.cwd, filePath)))];
      for (const r of rows) {
        // Pad the plain text first so escape codes never disturb the alignment.
        const position = `${r.line.padStart(wLine)}:${r.column.padEnd(wColumn)}`;
        lines.push(
          '  ' +
            style('dim')(position) +
            '  ' +
            style(SEVERITY_COLOR[r.severity])(r.severity.padEnd(wSeverity)) +
            '  ' +
            r.message.padEnd(wMessage) +
            '  ' +
            style('dim')(r.ruleId),
        );
      }
      blocks.push(lines.join('\n'));
    }

    // Hints are counted with infos: both are advice, neither fails a run.
    const total = counts.error + counts.warning + counts.info + counts.hint;
    if (total === 0) return `${NO_PROBLEMS_MESSAGE}\n`;

    const summaryColor = counts.error > 0 ? 'red' : counts.warning > 0 ? 'yellow' : 'blue';
    const summary = style('bold')(
      style(summaryColor)(
        `\u2716 ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ` +
          `${plural(counts.warning, 'warning')}, ${plural(counts.info + counts.hint, 'info')})`,
      ),
    );
    return `${blocks.join('\n\n')}\n\n${summary}\n`;
  };
}

/** The stylish formatter without colour. */
export const stylish: Formatter = createStylishFormatter({ color: false });
