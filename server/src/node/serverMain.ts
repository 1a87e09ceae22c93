import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { nodeRuntime } from './nodeRuntime';

// The bundle is also what the closed-file worker runs (closedFileWorker.ts serves there): no connection in it.
if (isMainThread) main();

function main(): void {
  // The transport (--stdio, --node-ipc, --socket=N) comes from the command line, as every LSP client passes it.
  const connection = createConnection(ProposedFeatures.all);

  process.on('unhandledRejection', (reason) => {
    try {
      connection.console.error(`tracklint: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
    } catch {
      // The connection is closed: logging throws, and a throw here would crash the process with a stack dump while
      // it is about to exit cleanly (the closed input ends it). A failed write to a client that left is no news.
    }
  });

  startServer(connection, nodeRuntime);
}
