// Bundles with esbuild.
//   node scripts/build.mjs       the CLI, the language server and the VS Code extension, into dist/
//   node scripts/build.mjs e2e   the server and extension, plus the end-to-end tests into build/e2e/
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

// What the .vsix ships is minified: the server bundle holds all of TypeScript, and halving it halves
// the time Node spends parsing it at every server start. keepNames keeps stack traces readable;
// the source maps stay in dist/ for debugging and are left out of the .vsix.
const shipped = { ...common, minify: true, keepNames: true };

const bundles = {
  // The CLI: dependencies stay external, npm installs them beside the bin.
  cli: async () => {
    await build({ ...common, entryPoints: { tracklint: 'server/src/cli/bin.ts' }, outdir: 'dist', packages: 'external', banner: { js: '#!/usr/bin/env node' } });
    chmodSync('dist/tracklint.js', 0o755);
  },

  // The language server with every dependency inside, ts-morph's TypeScript too: the .vsix ships no
  // node_modules. VS Code starts it over IPC; `tracklint-lsp --stdio` serves other editors.
  // - mainFields: jsonc-parser's `main` is a UMD build whose factory requires './impl/...' at run
  //   time, out of esbuild's sight; its `module` build is plain ESM that bundles.
  // - ESM dependencies (fdir, under tinyglobby) call createRequire(import.meta.url), which a CJS
  //   bundle leaves undefined: give them this file's own URL.
  server: async () => {
    await build({
      ...shipped,
      mainFields: ['module', 'main'],
      entryPoints: { server: 'server/src/node/serverMain.ts' },
      outdir: 'dist',
      banner: { js: '#!/usr/bin/env node\nvar __tracklintImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
      define: { 'import.meta.url': '__tracklintImportMetaUrl' },
      // moduleWorker.ts resolves tsx only when it runs from TypeScript sources (tests), never from this bundle.
      logOverride: { 'require-resolve-not-external': 'silent' },
    });
    chmodSync('dist/server.js', 0o755);
  },

  // The extension: `vscode` is provided by the editor at run time.
  extension: () => build({ ...shipped, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),

  // The e2e runner (plain Node, takes @vscode/test-electron from node_modules) and the suite (runs in VS Code's extension host).
  e2e: () => build({ ...common, entryPoints: { run: 'test/e2e/run.ts', 'suite/index': 'test/e2e/suite/index.ts' }, outdir: 'build/e2e', packages: 'external' }),
};

const targets = process.argv[2] === 'e2e' ? ['server', 'extension', 'e2e'] : ['cli', 'server', 'extension'];
await Promise.all(targets.map((name) => bundles[name]()));
