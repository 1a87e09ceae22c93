import { statSync } from 'node:fs';

/** Files to analyse, and those over the limit with their sizes (read from the file system, not the files). */
export function splitBySize(files: string[], limit: number): { analysed: string[]; oversize: [string, number][] } {
  const analysed: string[] = [];
  const oversize: [string, number][] = [];
  for (const file of files) {
    let size = 0;
    try {
      size = statSync(file).size;
    } catch {
      // Gone since it was listed: the check reports nothing for it.
    }
    if (size > limit) oversize.push([file, size]);
    else analysed.push(file);
  }
  return { analysed, oversize };
}
