import packageJson from '../../../package.json';
import { checkCommand } from './commands/check';
import { coverageCommand } from './commands/coverage';
import { wrappersCommand } from './commands/wrappers';
import { initCommand } from './commands/init';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { pullCommand } from './commands/pull';
import { CliCommand, CliIO, EXIT_OK, EXIT_USAGE, UsageError } from './commandSupport';

export { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, type CliIO } from './commandSupport';

/** Every `tracklint <command>`, in the order `--help` lists them. */
const COMMANDS: CliCommand[] = [checkCommand, coverageCommand, wrappersCommand, initCommand, importCommand, exportCommand, pullCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: tracklint <command> [paths...] [options]

Commands:
${lines.join('\n')}

\`tracklint <command> --help\` describes a command's options. \`tracklint --version\` prints the version.`;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage()}\n`);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`tracklint: Unknown command '${name}'.\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`tracklint: ${error.message}\n\n${command.usage}\n`);
    return EXIT_USAGE;
  }
}
