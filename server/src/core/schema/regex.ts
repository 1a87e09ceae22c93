import { RE2JS } from 're2js';

/**
 * Plan patterns are compiled with RE2 semantics (linear time), so a catastrophic pattern such as
 * `(a+)+$` from an imported plan cannot hang the editor. Compiled patterns are cached by source; the
 * cache is bounded because a plan edited for days produces a new pattern at every keystroke.
 */
const CACHE_LIMIT = 500;
const cache = new Map<string, RE2JS | Error>();

export function compilePattern(pattern: string): RE2JS | Error {
  let compiled = cache.get(pattern);
  if (!compiled) {
    try {
      compiled = RE2JS.compile(toRe2Syntax(pattern));
    } catch (error) {
      compiled = new Error((error as Error).message);
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** JSON Schema `pattern` is unanchored: it matches when it is found anywhere in the value. Undefined when the pattern cannot be evaluated. */
export function patternMatches(pattern: string, value: string): boolean | undefined {
  const compiled = compilePattern(pattern);
  if (compiled instanceof Error) return undefined;
  return compiled.matcher(value).find();
}

/** Why a pattern cannot be evaluated: it is no regular expression at all, or it needs a backtracking engine. */
export interface PatternProblem {
  kind: 'invalid' | 'unsupported';
  /** The engine's explanation, e.g. "missing closing ): `(`". */
  detail: string;
}

/**
 * Verdicts are cached apart from compiled patterns, and many more of them: a plan reloaded at every keystroke
 * validates all its patterns again, and a verdict is small where a compiled pattern is not.
 */
const VERDICT_LIMIT = 20_000;
const verdicts = new Map<string, PatternProblem | null>();

export function patternProblem(pattern: string): PatternProblem | undefined {
  let verdict = verdicts.get(pattern);
  if (verdict === undefined) {
    verdict = judge(pattern);
    if (verdicts.size >= VERDICT_LIMIT) verdicts.delete(verdicts.keys().next().value as string);
    verdicts.set(pattern, verdict);
  }
  return verdict ?? undefined;
}

function judge(pattern: string): PatternProblem | null {
  const compiled = compilePattern(pattern);
  if (!(compiled instanceof Error)) return null;
  const detail = compiled.message.replace(/^error parsing regexp: /, '');
  // JSON Schema patterns are ECMAScript regular expressions. One that JavaScript accepts but RE2 refuses
  // uses lookaround or backreferences, which no linear-time engine can evaluate. Compiling never runs it.
  return { kind: compilesInJavaScript(pattern) ? 'unsupported' : 'invalid', detail };
}

function compilesInJavaScript(pattern: string): boolean {
  for (const flags of ['', 'u']) {
    try {
      new RegExp(pattern, flags);
      return true;
    } catch {
      // Try the next flags.
    }
  }
  return false;
}

/**
 * Rewrites the ECMAScript escapes RE2 spells differently, so patterns written for JSON Schema keep
 * their meaning: `\u00e9` and `\u{1F600}` become `\x{…}`, `\cJ` becomes the control character's `\x{…}`.
 */
function toRe2Syntax(pattern: string): string {
  if (!pattern.includes('\\u') && !pattern.includes('\\c')) return pattern;
  return pattern.replace(/\\(?:u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\}|c([A-Za-z])|[\s\S])/g, (escape, hex4?: string, hexBraced?: string, control?: string) => {
    if (hex4 ?? hexBraced) return `\\x{${hex4 ?? hexBraced}}`;
    if (control) return `\\x{${(control.charCodeAt(0) % 32).toString(16)}}`;
    return escape;
  });
}
