import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { SKIP_MESSAGE, vscodeSource } from './availability';

/**
 * End-to-end runner: starts VS Code with this repository as the extension under development on a
 * copy of examples/shop, and runs suite/index.ts inside it. Bundled to build/e2e/run.js by
 * `npm run test:e2e`.
 *
 * VS Code comes from VSCODE_EXECUTABLE, or is downloaded when TRACKLINT_E2E_DOWNLOAD=1
 * (TRACKLINT_E2E_VSCODE_VERSION picks the version, default 'stable'). Without either the run is
 * skipped, not failed: CI machines without VS Code still pass `npm test`. On Linux without a display,
 * run it under `xvfb-run -a`.
 */

// This file runs as build/e2e/run.js.
const repositoryRoot = path.resolve(__dirname, '../..');

async function findVSCode(): Promise<string | undefined> {
  const source = vscodeSource();
  if (!source) return undefined;
  return 'executable' in source ? source.executable : downloadAndUnzipVSCode(source.download);
}

async function main(): Promise<number> {
  const vscodeExecutablePath = await findVSCode();
  if (!vscodeExecutablePath) {
    console.log(SKIP_MESSAGE);
    return 0;
  }

  // A copy, so quick fixes the suite applies (and VS Code's hot-exit backups of them) never touch the example.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'tracklint-e2e-'));
  const workspace = path.join(scratch, 'shop');
  cpSync(path.join(repositoryRoot, 'examples/shop'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repositoryRoot,
      extensionTestsPath: path.join(__dirname, 'suite/index.js'),
      extensionTestsEnv: { TRACKLINT_E2E_WORKSPACE: workspace },
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; built-in ones (TypeScript) stay
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
      ],
    });
    return 0;
  } catch (error) {
    console.error('e2e: failed:', error instanceof Error ? error.message : error);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('e2e: could not start VS Code:', error);
    process.exit(1);
  },
);
