/**
 * Finds the string literal under the cursor on one line of source, so "Add Event to Plan" can offer
 * the name the user is looking at. Pure text scanning: exact enough for one line, and it works while
 * the server is busy or down.
 */

export type EventCallKind = 'track' | 'page' | 'screen';

export interface EventNameAtCursor {
  name: string;
  /** When the string is the first argument of `track(`, `page(` or `screen(` (on any receiver, or none): which one. */
  kind?: EventCallKind;
}

const CALL_BEFORE_STRING = /(?<![\w$])(track|page|screen)\s*(?:\?\.\s*)?\(\s*$/;

/**
 * `character` is a 0-based cursor offset (between characters, as in VS Code). Inside a literal means
 * after its opening quote and up to its closing quote; an unclosed literal runs to the end of the line.
 * Templates with `${...}` have no single name and give undefined.
 */
export function eventNameAtCursor(line: string, character: number): EventNameAtCursor | undefined {
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '/' && line[i + 1] === '/') return undefined; // the rest is a comment
    if (ch !== "'" && ch !== '"' && ch !== '`') {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    let raw = '';
    while (end < line.length && line[end] !== ch) {
      if (line[end] === '\\' && end + 1 < line.length) {
        raw += line[end + 1];
        end += 2;
      } else {
        raw += line[end];
        end++;
      }
    }
    if (character > start && character <= end) {
      if (ch === '`' && line.slice(start, end).includes('${')) return undefined;
      const kind = CALL_BEFORE_STRING.exec(line.slice(0, start))?.[1] as EventCallKind | undefined;
      return kind ? { name: raw, kind } : { name: raw };
    }
    i = end + 1;
  }
  return undefined;
}
