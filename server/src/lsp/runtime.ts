import type { WorkspaceHost } from '../service/analysisWorkspace';
import type { ClosedFileChecker } from '../service/closedFiles/protocol';

export interface Disposable {
  dispose(): void;
}

/** What the server needs from its environment, injected (vscode-json-languageservice style) so tests control time and files. */
export interface RuntimeEnvironment {
  host: WorkspaceHost;
  timer: {
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /** Checks a workspace folder's closed files away from the requests' path (in Node: a worker thread). */
  closedFileChecker(root: string): ClosedFileChecker;
}
