// Bundles the CLI with esbuild. Dependencies stay external: npm installs them beside the bin.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

await build({
  entryPoints: { tracklint: 'server/src/cli/bin.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
chmodSync('dist/tracklint.js', 0o755);
