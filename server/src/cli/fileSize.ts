import { statSync } from 'node:fs';
import { nestsDeeperThan, type SkipReason } from '../core/fileSize';

/**
 * Files to analyse, and those skipped with why: over the size limit (read from the file system), or
 * nested too deep (read through `readText`, so the check that follows does not read the file again).
 */
export function splitSkipped(files: string[], limit: number, readText: (fileName: string) => string | undefined): { analysed: string[]; skipped: [string, SkipReason][] } {
  const analysed: string[] = [];
  const skipped: [string, SkipReason][] = [];
  for (const file of files) {
    let size = 0;
    try {
      size = statSync(file).size;
      if (size > limit) skipped.push([file, { kind: 'size', size, limit, setting: '--max-file-size' }]);
      else if (nestsDeeperThan(readText(file) ?? '')) skipped.push([file, { kind: 'nesting' }]);
      else analysed.push(file);
    } catch {
      // Gone since it was listed: the check reports nothing for it.
    }
  }
  return { analysed, skipped };
}
