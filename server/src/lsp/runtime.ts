import type { WorkspaceHost } from '../service/analysisWorkspace';

export interface Disposable {
  dispose(): void;
}

/** What the server needs from its environment, injected (vscode-json-languageservice style) so tests control time and files. */
export interface RuntimeEnvironment {
  host: WorkspaceHost;
  timer: {
    setTimeout(callback: () => void, ms: number): Disposable;
  };
}
