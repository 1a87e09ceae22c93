import { isMainThread } from 'node:worker_threads';
import { runCli } from './main';

// The bin only wires the process to runCli, so tests can drive the CLI in-process too. The same
// bundle is loaded by check workers (see parallel/parallelCheck.ts): they must not run the CLI.
if (isMainThread) void main();

function main() {
  return runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`tracklint: internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
