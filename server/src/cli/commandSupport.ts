import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findPlanFile, PLAN_FILE_NAMES } from '../core/plan/findPlanFile';
import { loadPlan, type PlanLoadResult } from '../core/plan/load';
import { collectSourceFiles } from '../core/workspace';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** Environment variables a command may read (tokens); defaults to process.env in the bin. */
  env?: Record<string, string | undefined>;
}

/** One `tracklint <name>` command. `run` returns the exit status; it reports its own errors. */
export interface CliCommand {
  name: string;
  /** One line for `tracklint --help`. */
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Thrown by a command for a bad invocation; runCli prints the message and the command's usage, exit 2. */
export class UsageError extends Error {}

export function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly (unknown options are usage errors) and handles `--help`.
 * Returns the parsed values, or the exit status when the command should stop here.
 */
export function parseCommandArgs<T extends Options>(argv: string[], options: T, usage: string, io: CliIO) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(`${usage}\n`);
    return EXIT_OK;
  }
  return parsed as unknown as { values: { [K in keyof T]?: T[K]['multiple'] extends true ? (T[K]['type'] extends 'boolean' ? boolean[] : string[]) : T[K]['type'] extends 'boolean' ? boolean : string }; positionals: string[] };
}

/** The paths a command works on, absolute; the working directory when none is given. A missing path is a usage error. */
export function resolveInputPaths(positionals: string[], io: CliIO): string[] {
  const missing = positionals.find((p) => !existsSync(path.resolve(io.cwd, p)));
  if (missing !== undefined) throw new UsageError(`No such file or directory: ${missing}`);
  return (positionals.length ? positionals : ['.']).map((p) => path.resolve(io.cwd, p));
}

/** A whole-number option of at least `min`; a usage error saying what it takes otherwise. */
export function parseWholeNumber(value: string | undefined, option: string, min: number, what: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) throw new UsageError(`--${option} takes ${what}, not '${value}'.`);
  return number;
}

export interface PlanForCommand {
  planFile: string;
  planText: string;
  loaded: PlanLoadResult;
}

/**
 * Finds (or takes `--plan`) and reads the plan. Returns undefined when there is none and `required` is false,
 * the exit status after reporting when it is required and missing or unreadable. Whether the loaded plan is
 * usable is the command's call: `check` prints the plan's findings, others just refuse.
 */
export function readPlanForCommand(io: CliIO, planOption: string | undefined, firstPath: string, required: boolean): PlanForCommand | undefined | number {
  const planFile = planOption ? path.resolve(io.cwd, planOption) : findPlanFile(firstPath);
  if (!planFile) {
    if (!required) return undefined;
    io.stderr(`tracklint: no tracking plan found. Looked for ${PLAN_FILE_NAMES.join(', ')} (and plans/tracking-plan.*) in ${path.relative(io.cwd, firstPath) || '.'} and every folder above it. Pass --plan FILE.\n`);
    return EXIT_USAGE;
  }
  let planText: string;
  try {
    planText = readFileSync(planFile, 'utf8');
  } catch (error) {
    io.stderr(`tracklint: cannot read the plan ${planFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return EXIT_USAGE;
  }
  return { planFile, planText, loaded: loadPlan(planFile, planText) };
}

/** For commands other than check (which prints the plan's problems): says the plan cannot be used. Returns the exit status. */
export function refuseUnusablePlan(io: CliIO, planFile: string): number {
  io.stderr(`tracklint: the tracking plan ${path.relative(io.cwd, planFile)} cannot be used (run tracklint check to see why).\n`);
  return EXIT_USAGE;
}

/** The source files a command works on, skipping `ignore` globs besides the defaults; a bad path or glob is a usage error. */
export async function collectCommandFiles(paths: string[], ignore: string[]): Promise<string[]> {
  try {
    return await collectSourceFiles(paths, { ignore });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reports a tsconfig.json the compiler cannot use (the check goes on with default options) on stderr. */
export function reportTsConfigProblem(io: CliIO): (message: string) => void {
  return (message) => io.stderr(`tracklint: ${message}\n`);
}
