import { distance } from 'fastest-levenshtein';

/**
 * Plans often decorate every name the same way: `Create Tenant - [Tenants]`, `Web: Order Completed`,
 * `[App] Opened`. Code that writes `create_tenant` means the planned name, but the decoration is too long
 * for an edit distance to cross, and names that share only the decoration look alike to it.
 * This module finds the decorations a plan's names share and compares names without them, token by token.
 */

type DecorationKind = 'bracket-suffix' | 'bracket-prefix' | 'label-prefix';

/** Each decoration and the name without it (group 1); suffixes are stripped before prefixes. */
const DECORATIONS: [DecorationKind, RegExp][] = [
  ['bracket-suffix', /^(.*?\S)[\s\-–—|:·]*[[(][^[\]()]*[\])]\s*$/],
  ['bracket-prefix', /^\s*[[(][^[\]()]*[\])][\s\-–—|:·]*(\S.*)$/],
  ['label-prefix', /^[A-Za-z]\w*(?: \w+){0,2}:\s+(\S.*)$/],
];

/** Longer names are not plan names anyone decorates; they are compared whole. */
const MAX_DECORATED_LENGTH = 200;

/** A decoration is the plan's when at least two of its names, and at least a third of them, carry it. */
export function sharedDecorations(names: readonly string[]): Set<DecorationKind> {
  const counts = new Map<DecorationKind, number>();
  for (const name of names) {
    if (name.length > MAX_DECORATED_LENGTH) continue;
    for (const [kind, pattern] of DECORATIONS) if (pattern.test(name)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, count]) => count >= 2 && count * 3 >= names.length).map(([kind]) => kind));
}

/** The name without the shared decorations it carries; the name itself when it carries none. */
function undecorated(name: string, shared: Set<DecorationKind>): string {
  if (name.length > MAX_DECORATED_LENGTH) return name;
  let rest = name;
  for (const [kind, pattern] of DECORATIONS) {
    if (!shared.has(kind)) continue;
    const match = pattern.exec(rest);
    if (match) rest = match[1];
  }
  return rest;
}

export function isDecorated(name: string, shared: Set<DecorationKind>): boolean {
  return undecorated(name, shared) !== name;
}

/** `createTenant`, `create_tenant`, `Create Tenant - [Tenants]` → words in lower case (brackets and separators dropped). */
function tokens(text: string): string[] {
  return text
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Edits a word may differ by: none for short words, where one edit makes another word (`open`, `opened`). */
function wordBudget(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 7 ? 1 : 2;
}

/** 0 when the words are the same run together, the sum of per-word edits when each word is within its budget, else undefined. */
function wordsDistance(written: string[], planned: string[]): number | undefined {
  if (!written.length || !planned.length) return undefined;
  if (written.join('') === planned.join('')) return 0;
  if (written.length !== planned.length) return undefined;
  let total = 0;
  for (let i = 0; i < planned.length; i++) {
    const edits = written[i] === planned[i] ? 0 : distance(written[i], planned[i]);
    if (edits > wordBudget(planned[i])) return undefined;
    total += edits;
  }
  return total;
}

/**
 * How far the code's `name` is from a decorated planned name: compared without the decorations
 * (`create_tenant` ~ `Create Tenant`), or whole with the decoration's words (`app-opened` ~ `[App] Opened`).
 * Undefined when no comparison is close: names that share only the decoration are not alike.
 */
export function decoratedDistance(name: string, planned: string, shared: Set<DecorationKind>): number | undefined {
  const scores = [
    wordsDistance(tokens(undecorated(name, shared)), tokens(undecorated(planned, shared))),
    wordsDistance(tokens(name), tokens(planned)),
  ].filter((score): score is number => score !== undefined);
  return scores.length ? Math.min(...scores) : undefined;
}
