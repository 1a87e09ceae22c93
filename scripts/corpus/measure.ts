/**
 * The pure arithmetic of the real-code corpus run (scripts/corpus/run.ts): the independent count of call
 * sites from syntactic patterns, which of them tracklint saw, and check's summary line.
 */

/** One call site found by a pattern of the corpus list: a file relative to the repository, 1-based line. */
export interface PatternSite {
  file: string;
  line: number;
  /** The line of the call's closing parenthesis (the site's line when the match ends in none). */
  endLine: number;
  pattern: string;
  text: string;
}

/** A place tracklint reported: a judged call, a dynamic name or any finding. 1-based line. */
export interface ReportedPlace {
  file: string;
  line: number;
}

/** check's last stderr line: `tracklint: N analytics calls: J judged, D dynamic, U not judged`. */
export interface CallSummary {
  calls: number;
  judged: number;
  dynamic: number;
  notJudged: number;
}

const COMMENT_LINE = /^(\/\/|\/\*|\*)/;
const SUMMARY_LINE = /^tracklint: (\d+) analytics calls?: (\d+) judged, (\d+) dynamic, (\d+) not judged$/;

/** The summary line of check's stderr, or undefined when check printed none (older builds). */
export function parseCallSummary(stderr: string): CallSummary | undefined {
  for (const line of stderr.split(/\r?\n/).reverse()) {
    const match = SUMMARY_LINE.exec(line.trim());
    if (match) return { calls: Number(match[1]), judged: Number(match[2]), dynamic: Number(match[3]), notJudged: Number(match[4]) };
  }
  return undefined;
}

/**
 * Every match of every pattern in one file, one site per (line, column): two patterns that match the same
 * call count it once. Patterns are JavaScript regular expressions over the file's text; the site is the
 * line where the match starts. Matches on a line that is a comment (`//`, `/*`, ` * `) are no call.
 */
export function matchCallSites(file: string, text: string, patterns: string[]): PatternSite[] {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const byOffset = new Map<number, PatternSite>();
  for (const pattern of patterns) {
    const regex = new RegExp(pattern, 'g');
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0].length === 0) regex.lastIndex++;
      if (byOffset.has(match.index)) continue;
      const line = lineOf(match.index);
      const lineEnd = text.indexOf('\n', lineStarts[line]);
      const lineText = text.slice(lineStarts[line], lineEnd === -1 ? undefined : lineEnd).trim();
      if (COMMENT_LINE.test(lineText)) continue;
      const open = text.lastIndexOf('(', match.index + match[0].length - 1);
      const endLine = open >= match.index ? lineOf(closingParen(text, open)) : line;
      byOffset.set(match.index, { file, line: line + 1, endLine: endLine + 1, pattern, text: lineText });
    }
  }
  return [...byOffset.entries()].sort((a, b) => a[0] - b[0]).map(([, site]) => site);
}

/**
 * The offset of the parenthesis that closes the one at `open` (the text's end when none does), skipping
 * strings and template literals: enough to find where a call's arguments end.
 */
export function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length;
}

/**
 * The pattern sites where tracklint reported nothing. A call's name argument, where tracklint reports, can
 * sit lines below the callee the pattern matches (`analytics.track({\n  …,\n  event: 'Name' })`), so a
 * report anywhere in the call's arguments, or up to `window` lines below the callee, counts as seeing it.
 */
export function missedSites(sites: PatternSite[], reported: ReportedPlace[], window = 3): PatternSite[] {
  const linesByFile = new Map<string, Set<number>>();
  for (const place of reported) {
    let lines = linesByFile.get(place.file);
    if (!lines) linesByFile.set(place.file, (lines = new Set()));
    lines.add(place.line);
  }
  return sites.filter((site) => {
    const lines = linesByFile.get(site.file);
    if (!lines) return true;
    const last = Math.max(site.line + window, site.endLine);
    for (let line = site.line; line <= last; line++) if (lines.has(line)) return false;
    return true;
  });
}

/** missed = independent count − judged − dynamic − not judged, never below 0. */
export function missedCount(independent: number, summary: Pick<CallSummary, 'judged' | 'dynamic' | 'notJudged'>): number {
  return Math.max(0, independent - summary.judged - summary.dynamic - summary.notJudged);
}

/** Findings per rule id, sorted by id. */
export function countByRule(ruleIds: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of [...ruleIds].sort()) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/** A deterministic pick of `size` items (all of them when there are no more): mulberry32 seeded shuffle. */
export function seededSample<T>(items: T[], size: number, seed: number): T[] {
  if (items.length <= size) return [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, size);
}
