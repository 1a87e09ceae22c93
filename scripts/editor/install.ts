// Installs (or finds in the cache) code-server and the Node 24 it runs on; prints where they are.
import { CODE_SERVER_VERSION, ensureCodeServer } from './codeServer';

const install = ensureCodeServer();
console.log(`editor: code-server ${CODE_SERVER_VERSION} at ${install.root} (node: ${install.node})`);
