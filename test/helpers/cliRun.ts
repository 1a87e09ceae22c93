import type { CliIO } from '../../server/src/cli/commandSupport';
import { runCli } from '../../server/src/cli/main';

/** `tracklint <args>` run in-process in `cwd`, without a terminal: its exit status and all it printed. */
export async function runCliCaptured(args: string[], cwd: string, env?: CliIO['env']) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env });
  return { code, stdout, stderr };
}
