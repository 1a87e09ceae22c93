import type { Finding, Severity } from './types';

/** Files larger than this are generated bundles or minified code, not tracking calls anyone writes. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/**
 * Brackets nested deeper than this are generated data, not code anyone writes. The TypeScript parser
 * overflows the stack at a few thousand levels, and its checker slows down quadratically well before
 * (nested array literals: 2 s at 100 levels, 20 s at 200).
 */
export const MAX_SOURCE_NESTING = 100;

/** Why a source file is not analysed. */
export type SkipReason = { kind: 'size'; size: number; limit: number; setting: string } | { kind: 'nesting' };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Whether brackets ever nest more than `limit` deep in the text. Brackets inside strings and comments
 * count too: an over-estimate only matters for text that is already far from hand-written code.
 */
export function nestsDeeperThan(text: string, limit = MAX_SOURCE_NESTING): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

/** The `file-too-large` finding for a skipped file. */
export function skippedFileFinding(file: string, reason: SkipReason, severity: Severity = 'info'): Finding {
  const message =
    reason.kind === 'size'
      ? `tracklint skipped this file: it is ${formatBytes(reason.size)}, over ${reason.setting} (${formatBytes(reason.limit)}).`
      : `tracklint skipped this file: its brackets nest more than ${MAX_SOURCE_NESTING} levels deep, as only generated code does.`;
  return { ruleId: 'file-too-large', severity, message, file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

export interface SkipCheck {
  /** Bytes; undefined: no limit. */
  limit: number | undefined;
  /** The option or setting that sets the limit, named in the message. */
  setting: string;
  /** The file's size in bytes without reading it, when the file system can tell. */
  sizeOf(fileName: string): number | undefined;
  readText(fileName: string): string | undefined;
}

/**
 * Files to analyse, and those skipped with why: over the size limit, or nested too deep. A file that
 * can be neither sized nor read is gone since it was listed: it is in neither list.
 */
export function splitSkipped(files: string[], { limit, setting, sizeOf, readText }: SkipCheck): { analysed: string[]; skipped: [string, SkipReason][] } {
  const analysed: string[] = [];
  const skipped: [string, SkipReason][] = [];
  for (const file of files) {
    const size = sizeOf(file) ?? readText(file)?.length;
    if (size === undefined) continue;
    if (limit !== undefined && size > limit) skipped.push([file, { kind: 'size', size, limit, setting }]);
    else if (nestsDeeperThan(readText(file) ?? '')) skipped.push([file, { kind: 'nesting' }]);
    else analysed.push(file);
  }
  return { analysed, skipped };
}
