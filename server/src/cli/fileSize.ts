import { splitSkipped, type SkipReason } from '../core/fileSize';
import { diskFileSize } from '../node/nodeHost';

/**
 * The command line's {@link splitSkipped}: sizes from the file system, texts through `readText` (so the
 * check that follows does not read a file again), the limit named as the option that sets it.
 */
export function splitSkippedOnDisk(files: string[], limit: number, readText: (fileName: string) => string | undefined): { analysed: string[]; skipped: [string, SkipReason][] } {
  return splitSkipped(files, { limit, setting: '--max-file-size', sizeOf: diskFileSize, readText });
}
