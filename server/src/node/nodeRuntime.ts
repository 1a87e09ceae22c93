import type { RuntimeEnvironment } from '../lsp/runtime';
import { createClosedFileWorker } from './closedFileWorker';
import { nodeWorkspaceHost } from './nodeHost';

/** The language server's environment in Node: the real file system and timers, closed files checked in a worker thread. */
export const nodeRuntime: RuntimeEnvironment = {
  host: nodeWorkspaceHost,
  timer: {
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
  closedFileChecker: createClosedFileWorker,
};
