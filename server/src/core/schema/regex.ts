import { RE2JS } from 're2js';

/**
 * Plan patterns are compiled with RE2 semantics (linear time), so a catastrophic pattern such as
 * `(a+)+$` from an imported plan cannot hang the editor. Compiled patterns are cached by source.
 */
const cache = new Map<string, RE2JS | Error>();

export function compilePattern(pattern: string): RE2JS | Error {
  let compiled = cache.get(pattern);
  if (!compiled) {
    try {
      compiled = RE2JS.compile(pattern);
    } catch (error) {
      compiled = new Error((error as Error).message);
    }
    cache.set(pattern, compiled);
  }
  return compiled;
}

/** JSON Schema `pattern` is unanchored: it matches when it is found anywhere in the value. Undefined when the pattern is invalid. */
export function patternMatches(pattern: string, value: string): boolean | undefined {
  const compiled = compilePattern(pattern);
  if (compiled instanceof Error) return undefined;
  return compiled.matcher(value).find();
}
