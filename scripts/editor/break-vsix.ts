// Makes broken copies of build/tracklint.vsix, to check that the editor test fails on each:
//
//   npx tsx scripts/editor/break-vsix.ts            writes build/broken-vsix/{main,activation,server}.vsix
//   TRACKLINT_EDITOR_VSIX=build/broken-vsix/main.vsix npx tsx --test test/editor/vscode.test.ts   must fail
//
// - main.vsix:       package.json `main` names a file that is not there
// - activation.vsix: `activationEvents` holds only an event that never fires
// - server.vsix:     the bundled dist/server.js is missing
//
// Needs the `zip` and `unzip` commands (Debian's zip and unzip).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const source = path.join(root, 'build/tracklint.vsix');
const output = path.join(root, 'build/broken-vsix');

type Manifest = Record<string, unknown>;

const breakages: Record<string, (folder: string, manifest: Manifest) => void> = {
  main: (_folder, manifest) => {
    manifest.main = './dist/missing-extension.js';
  },
  activation: (_folder, manifest) => {
    manifest.activationEvents = ['onCommand:tracklint.neverRun'];
  },
  server: (folder) => {
    rmSync(path.join(folder, 'extension/dist/server.js'));
  },
};

mkdirSync(output, { recursive: true });
for (const [name, breakIt] of Object.entries(breakages)) {
  const folder = mkdtempSync(path.join(os.tmpdir(), `tracklint-broken-${name}-`));
  try {
    execFileSync('unzip', ['-q', source, '-d', folder]);
    const manifestFile = path.join(folder, 'extension/package.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    breakIt(folder, manifest);
    writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    const target = path.join(output, `${name}.vsix`);
    rmSync(target, { force: true });
    execFileSync('zip', ['-q', '-r', target, '.'], { cwd: folder });
    console.log(`broken: ${path.relative(root, target)}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
