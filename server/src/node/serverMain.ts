import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { nodeWorkspaceHost } from './nodeHost';

// The transport (--stdio, --node-ipc, --socket=N) comes from the command line, as every LSP client passes it.
const connection = createConnection(ProposedFeatures.all);

process.on('unhandledRejection', (reason) => {
  connection.console.error(`tracklint: unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

startServer(connection, {
  host: nodeWorkspaceHost,
  timer: {
    setTimeout(callback, ms) {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
});
