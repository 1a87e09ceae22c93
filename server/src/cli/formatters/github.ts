import * as path from 'node:path';
import type { Finding, Severity } from '../../core/types';
import type { Formatter } from './types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Escapes a workflow command's message (GitHub's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (GitHub's escapeProperty). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function displayPath(cwd: string, filePath: string): string {
  const rel = path.relative(cwd, filePath);
  return (rel === '' || path.isAbsolute(rel) ? filePath : rel).split(path.sep).join('/');
}

/**
 * GitHub Actions workflow commands, one line per finding, so findings show as annotations.
 * Each line ends with a newline; no findings gives the empty string.
 */
export const github: Formatter = (results, options) => {
  let out = '';
  for (const { filePath, findings } of results) {
    const file = escapeProperty(displayPath(options.cwd, filePath));
    for (const f of [...findings].sort(byPosition)) {
      const props = [
        `file=${file}`,
        `line=${f.range.start.line + 1}`,
        `col=${f.range.start.character + 1}`,
        `endLine=${f.range.end.line + 1}`,
        `endColumn=${f.range.end.character + 1}`,
        `title=${escapeProperty(`tracklint (${f.ruleId})`)}`,
      ];
      out += `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}\n`;
    }
  }
  return out;
};
