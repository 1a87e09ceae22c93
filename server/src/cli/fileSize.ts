import { statSync } from 'node:fs';
import { splitSkipped, type SkipReason } from '../core/fileSize';

/** A file's size on disk in bytes; undefined when it is gone. */
export function diskFileSize(fileName: string): number | undefined {
  try {
    return statSync(fileName).size;
  } catch {
    return undefined;
  }
}

/**
 * The command line's {@link splitSkipped}: sizes from the file system, texts through `readText` (so the
 * check that follows does not read a file again), the limit named as the option that sets it.
 */
export function splitSkippedOnDisk(files: string[], limit: number, readText: (fileName: string) => string | undefined): { analysed: string[]; skipped: [string, SkipReason][] } {
  return splitSkipped(files, { limit, setting: '--max-file-size', sizeOf: diskFileSize, readText });
}
