import type { Finding, RuleId } from './types';

interface Suppressions {
  /** Rule ids disabled for the whole file; an empty set means every rule. */
  file?: Set<string>;
  /** 0-based line → rule ids disabled on it (empty set: every rule). */
  lines: Map<number, Set<string>>;
}

const NEXT_LINE = /\/\/\s*tracklint-disable-next-line\b([^\n\r]*)/g;
const FILE = /\/\*\s*tracklint-disable\b(?!-)([\s\S]*?)\*\//g;

function ruleList(text: string): Set<string> {
  // Anything after ` -- ` is a reason, as in ESLint.
  return new Set(text.split('--')[0].split(/[\s,]+/).filter(Boolean));
}

/** Reads `// tracklint-disable-next-line [rule-id ...]` and `/* tracklint-disable [rule-id ...] *\/` comments. */
export function readSuppressions(text: string): Suppressions {
  const result: Suppressions = { lines: new Map() };
  if (!text.includes('tracklint-disable')) return result;
  for (const match of text.matchAll(FILE)) {
    const rules = ruleList(match[1]);
    if (!result.file) result.file = rules;
    else if (rules.size === 0 || result.file.size === 0) result.file = new Set();
    else for (const r of rules) result.file.add(r);
  }
  for (const match of text.matchAll(NEXT_LINE)) {
    const line = lineOf(text, match.index!) + 1;
    result.lines.set(line, ruleList(match[1]));
  }
  return result;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

export function isSuppressed(finding: Finding, suppressions: Suppressions): boolean {
  const matches = (rules: Set<string> | undefined) => rules !== undefined && (rules.size === 0 || rules.has(finding.ruleId as RuleId));
  return matches(suppressions.file) || matches(suppressions.lines.get(finding.range.start.line));
}
