/**
 * Recognises a value written into an event name ("User Signed Up (11-01-2019)", "Read Blog Post - Best
 * Tracking Plans Ever"): what the value is, and the stable name left without it. Tokens are found by
 * splitting, not by backtracking patterns, and names are bounded.
 */

export interface ValueInName {
  /** How messages name the value: `a date`, `a number`, `an id`, `a quoted title`, `a title after ' - '`. */
  what: string;
  value: string;
  /** The name without the value, its brackets and separators: `User Signed Up`. */
  stable: string;
}

const MAX_NAME_LENGTH = 200;
const DATE = /[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}/;
const QUOTED = /"[^"]{1,100}"|“[^”]{1,100}”|'[^']{1,100}'|‘[^’]{1,100}’/;
const SEPARATORS = [' - ', ' – ', ' — ', ': ', ' | '];

export function valueInName(name: string): ValueInName | undefined {
  if (name.length > MAX_NAME_LENGTH) return undefined;
  const date = DATE.exec(name);
  if (date) return found('a date', name, date.index, date[0]);
  const quoted = QUOTED.exec(name);
  if (quoted) return found('a quoted title', name, quoted.index, quoted[0]);
  let offset = 0;
  for (const token of name.split(/([^\p{L}\p{N}]+)/u)) {
    const isId = token.length >= 8 && /\p{L}/u.test(token) && /[0-9]/.test(token);
    const isNumber = token.length >= 4 && /^[0-9]+$/.test(token);
    if (isId || isNumber) return found(isId ? 'an id' : 'a number', name, offset, token);
    offset += token.length;
  }
  for (const separator of SEPARATORS) {
    const at = name.indexOf(separator);
    if (at > 0 && /\p{L}/u.test(name.slice(0, at)) && /[\p{L}\p{N}]/u.test(name.slice(at + separator.length))) {
      return { what: `a title after '${separator.trim()}'`, value: name.slice(at + separator.length), stable: stableName(name.slice(0, at)) };
    }
  }
  return undefined;
}

function found(what: string, name: string, at: number, value: string): ValueInName {
  return { what, value, stable: stableName(name.slice(0, at) + ' ' + name.slice(at + value.length)) };
}

/**
 * The fixed parts of a name once its varying parts are cut out: empty brackets and quotes go,
 * separators left dangling at the ends go, spaces collapse. `Read Blog Post - ` → `Read Blog Post`.
 */
export function stableName(text: string): string {
  return text
    .replace(/\(\s*\)|\[\s*\]|""|''|“”|‘’/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|#,.]+/, '')
    .replace(/[\s\-–—:|#,.]+$/, '');
}
