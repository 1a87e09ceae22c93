/**
 * Where the end-to-end suite gets VS Code from, shared by the runner (run.ts) and the npm test entry
 * (vscode.test.ts), so both skip on the same machines and say the same thing.
 */

/** VS Code from VSCODE_EXECUTABLE, a download when TRACKLINT_E2E_DOWNLOAD=1, or none. */
export function vscodeSource(env: NodeJS.ProcessEnv = process.env): { executable: string } | { download: string } | undefined {
  if (env.VSCODE_EXECUTABLE) return { executable: env.VSCODE_EXECUTABLE };
  if (env.TRACKLINT_E2E_DOWNLOAD === '1') return { download: env.TRACKLINT_E2E_VSCODE_VERSION ?? 'stable' };
  return undefined;
}

export const SKIP_MESSAGE = 'e2e: skipped — no VS Code available (set VSCODE_EXECUTABLE=/path/to/code or TRACKLINT_E2E_DOWNLOAD=1)';
