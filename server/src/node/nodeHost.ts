import { readFileSync, statSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { findPlanFileInWorkspace } from '../core/plan/findPlanFile';
import { collectSourceFiles, findTsConfig } from '../core/workspace';
import type { WorkspaceHost } from '../service/analysisWorkspace';

/** A file's size on disk in bytes, without reading it; undefined when it is gone. */
export function diskFileSize(fileName: string): number | undefined {
  try {
    return statSync(fileName).size;
  } catch {
    return undefined;
  }
}

/** The real file system, for the language server running in Node. */
export const nodeWorkspaceHost: WorkspaceHost = {
  readFile(fileName) {
    try {
      return readFileSync(fileName, 'utf8');
    } catch {
      return undefined;
    }
  },
  fileExists(fileName) {
    try {
      return statSync(fileName).isFile();
    } catch {
      return false;
    }
  },
  fileSize: diskFileSize,
  listSourceFiles: (root, ignore) => collectSourceFiles([root], { ignore }),
  findTsConfig,
  findPlanFile: (root) => findPlanFileInWorkspace(root, globSync),
};
