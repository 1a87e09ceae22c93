import type { Finding, Severity } from './types';

/** Files larger than this are generated bundles or minified code, not tracking calls anyone writes. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The `file-too-large` finding for a skipped file; `setting` names the option that sets the limit. */
export function oversizeFinding(file: string, size: number, limit: number, setting: string, severity: Severity = 'info'): Finding {
  return {
    ruleId: 'file-too-large',
    severity,
    message: `tracklint skipped this file: it is ${formatBytes(size)}, over ${setting} (${formatBytes(limit)}).`,
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}
