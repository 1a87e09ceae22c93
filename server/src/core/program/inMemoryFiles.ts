import * as path from 'node:path';
import type { ProgramFiles } from './programHost';

/** Files that exist only in memory, rooted at `/`: for tests and for checking text that was never saved. */
export function inMemoryFiles(files: Record<string, string>): ProgramFiles {
  const texts = new Map(Object.entries(files).map(([fileName, text]) => [path.posix.resolve('/', fileName), text]));
  const directories = new Set<string>(['/']);
  for (const fileName of texts.keys()) for (let dir = path.posix.dirname(fileName); dir !== '/'; dir = path.posix.dirname(dir)) directories.add(dir);
  return {
    readFile: (fileName) => texts.get(fileName),
    fileExists: (fileName) => texts.has(fileName),
    directoryExists: (directoryName) => directories.has(directoryName.replace(/\/$/, '') || '/'),
    getDirectories: (directoryName) => [...directories].filter((dir) => dir !== '/' && path.posix.dirname(dir) === directoryName).map((dir) => path.posix.basename(dir)),
    realpath: (fileName) => fileName,
    currentDirectory: '/',
  };
}
