import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../../package.json';
import { loadPlan } from '../core/plan/load';
import { ruleDocsUrl } from '../core/rules';
import { checkFiles, collectSourceFiles, createWorkspaceProgram, findTsConfig } from '../core/workspace';
import type { Finding } from '../core/types';
import { findPlanFile, PLAN_FILE_NAMES } from '../core/plan/findPlanFile';
import { createStylishFormatter, FORMATTERS, isFormatName } from './formatters';
import type { FileResult } from './formatters/types';
import { checkInParallel, defaultJobs } from './parallel/parallelCheck';
import { effectiveSeverity } from '../core/check';
import { DEFAULT_MAX_FILE_SIZE, skippedFileFinding } from '../core/fileSize';
import { splitSkipped } from './fileSize';
import { runWrappers } from './wrappersCommand';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

const USAGE = `Usage: tracklint check [paths...] [options]
       tracklint wrappers [paths...] [--plan FILE] [--format table|json]

Checks analytics calls (analytics.track, identify, page, screen, group, alias, the plan's callees
and the team's own wrappers, inferred) in TypeScript and JavaScript files against a tracking plan.
\`tracklint wrappers --help\` describes the wrappers command.

Options:
  --plan FILE          The tracking plan (default: the nearest tracking-plan.{yaml,yml,json}
                       or plans/tracking-plan.* at or above the first path)
  --format NAME        stylish (default), json (ESLint's JSON shape), sarif, github
  --max-warnings N     Exit with 1 when there are more than N warnings (info never counts)
  --quiet              Report errors only
  --ignore GLOB        Skip files matching GLOB (repeatable); node_modules and build output are always skipped
  --no-color           Plain output even on a terminal
  --jobs N             Check in N worker threads (default 1: this thread)
  --max-file-size N    Skip files over N bytes with an info message (default: 1048576; generated bundles)
  -h, --help           Show this help
  -v, --version        Show the version

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage error or unusable plan.`;

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    io.stdout(`${packageJson.version}\n`);
    return EXIT_OK;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === 'wrappers') return runWrappers(rest, io);
  if (command !== 'check') return usageError(io, `Unknown command '${command}'.`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: {
        plan: { type: 'string' },
        format: { type: 'string', default: 'stylish' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        ignore: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        jobs: { type: 'string' },
        'max-file-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (!isFormatName(values.format)) return usageError(io, `Unknown format '${values.format}'. Use stylish, json, sarif or github.`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) return usageError(io, `--max-warnings takes a whole number, not '${values['max-warnings']}'.`);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) return usageError(io, `--jobs takes a whole number from 1, not '${values.jobs}'.`);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileSize) || maxFileSize < 1) return usageError(io, `--max-file-size takes a number of bytes, not '${values['max-file-size']}'.`);
  }
  const paths = (positionals.length ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
  const missing = positionals.find((p) => !existsSync(path.resolve(io.cwd, p)));
  if (missing !== undefined) return usageError(io, `No such file or directory: ${missing}`);

  const planFile = values.plan ? path.resolve(io.cwd, values.plan) : findPlanFile(paths[0]);
  if (!planFile) {
    io.stderr(`tracklint: no tracking plan found. Looked for ${PLAN_FILE_NAMES.join(', ')} (and plans/tracking-plan.*) in ${path.relative(io.cwd, paths[0]) || '.'} and every folder above it. Pass --plan FILE.\n`);
    return EXIT_USAGE;
  }
  let planText: string;
  try {
    planText = readFileSync(planFile, 'utf8');
  } catch (error) {
    io.stderr(`tracklint: cannot read the plan ${planFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const loaded = loadPlan(planFile, planText);
  const formatter = values.format === 'stylish' ? createStylishFormatter({ color: !values['no-color'] && (values.color ?? io.isTTY) }) : FORMATTERS[values.format];
  const formatOptions = { cwd: io.cwd, version: packageJson.version, ruleDocsUrl };
  const planResult: FileResult = { filePath: planFile, findings: loaded.findings };
  if (!loaded.plan) {
    io.stderr(`tracklint: the tracking plan ${path.relative(io.cwd, planFile)} cannot be used:\n`);
    io.stdout(ensureNewline(formatter([planResult], formatOptions)));
    return EXIT_USAGE;
  }

  let files: string[];
  try {
    files = await collectSourceFiles(paths, { ignore: [...loaded.plan.ignore, ...(values.ignore ?? [])] });
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  const tsConfig = findTsConfig(paths[0]);
  const host = createWorkspaceProgram(paths[0], tsConfig);
  const { analysed, skipped } = splitSkipped(files, maxFileSize, (file) => host.readText(file));
  const workers = Math.min(jobs ?? defaultJobs(), analysed.length);
  let findingsByFile: Map<string, Finding[]> | undefined;
  if (workers > 1) {
    try {
      findingsByFile = await checkInParallel({ root: paths[0], tsConfig, planFile, planText, files: analysed, jobs: workers });
    } catch (error) {
      io.stderr(`tracklint: checking in ${workers} threads failed (${(error as Error).message.split('\n')[0]}); checking in one.\n`);
    }
  }
  findingsByFile ??= checkFiles({ plan: loaded.plan, host, files: analysed });
  const skippedSeverity = effectiveSeverity('file-too-large', loaded.plan);
  for (const [file, reason] of skipped) findingsByFile.set(file, skippedSeverity === 'off' ? [] : [skippedFileFinding(file, reason, skippedSeverity)]);
  const results: FileResult[] = [];
  if (loaded.findings.length) results.push(planResult);
  for (const file of files) results.push({ filePath: file, findings: findingsByFile.get(file) ?? [] });
  if (values.quiet) for (const result of results) result.findings = result.findings.filter((f) => f.severity === 'error');

  const all: Finding[] = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  const output = formatter(results, formatOptions);
  if (output) io.stdout(ensureNewline(output));
  if (errors > 0) return EXIT_PROBLEMS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`tracklint found too many warnings (maximum: ${maxWarnings}).\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`tracklint: ${message}\n\n${USAGE}\n`);
  return EXIT_USAGE;
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
