// Packages the VS Code extension as build/tracklint.vsix, from the bundles `npm run build` wrote.
//
// vsce refuses a package.json `files` list together with a .vscodeignore ("does not support combining
// both strategies"), and `files` is there for the npm package (the CLI). So vsce runs on a staging
// copy of the repository whose manifest has no `files`; .vscodeignore alone decides what the .vsix holds.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = path.join(root, 'build/vsix-stage');
const output = path.join(root, 'build/tracklint.vsix');
const notStaged = new Set(['node_modules', '.git', 'build']);

for (const bundle of ['dist/extension.js', 'dist/server.js']) {
  if (!existsSync(path.join(root, bundle))) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
}

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of readdirSync(root)) {
  if (!notStaged.has(entry)) cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
}

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
delete manifest.files;
writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const vsce = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
// --no-dependencies: the bundles carry their dependencies, the .vsix ships no node_modules.
// stdin is closed so a vsce prompt (there should be none) fails instead of waiting.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', output], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
rmSync(stage, { recursive: true, force: true });

console.log(`package: ${path.relative(root, output)} (${(statSync(output).size / 1024 / 1024).toFixed(2)} MiB)`);
