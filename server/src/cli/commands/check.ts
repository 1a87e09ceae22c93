import * as path from 'node:path';
import packageJson from '../../../../package.json';
import { effectiveSeverity, planFileFindings } from '../../core/check';
import { DEFAULT_MAX_FILE_SIZE, skippedFileFinding } from '../../core/fileSize';
import { ruleDocsUrl } from '../../core/rules';
import type { Finding } from '../../core/types';
import { addTally, emptyTally, tallyLine, type CallTally } from '../../core/callTally';
import { checkFiles, createWorkspaceProgram, findTsConfig } from '../../core/workspace';
import { CliCommand, collectCommandFiles, ensureNewline, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parseCommandArgs, parseWholeNumber, readPlanForCommand, reportTsConfigProblem, resolveInputPaths, UsageError } from '../commandSupport';
import { splitSkippedOnDisk } from '../fileSize';
import { createStylishFormatter, FORMATTERS, isFormatName } from '../formatters';
import type { FileResult } from '../formatters/types';
import { checkInParallel, defaultJobs } from '../parallel/parallelCheck';

const USAGE = `Usage: tracklint check [paths...] [options]

Checks analytics calls (analytics.track, identify, page, screen, group, alias, the plan's callees
and the team's own wrappers, inferred) in TypeScript and JavaScript files against a tracking plan.

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

Exit status: 0 no errors, 1 errors (or too many warnings), 2 usage error or unusable plan.`;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Check analytics calls against the tracking plan (the CI job)',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs(
      argv,
      {
        plan: { type: 'string' },
        format: { type: 'string', default: 'stylish' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        ignore: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        jobs: { type: 'string' },
        'max-file-size': { type: 'string' },
      },
      USAGE,
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const format = values.format ?? 'stylish';
    if (!isFormatName(format)) throw new UsageError(`Unknown format '${format}'. Use stylish, json, sarif or github.`);
    const maxWarnings = parseWholeNumber(values['max-warnings'], 'max-warnings', -1, 'a whole number') ?? -1;
    const jobs = parseWholeNumber(values.jobs, 'jobs', 1, 'a whole number from 1');
    const maxFileSize = parseWholeNumber(values['max-file-size'], 'max-file-size', 1, 'a number of bytes') ?? DEFAULT_MAX_FILE_SIZE;
    const paths = resolveInputPaths(positionals, io);

    const plan = readPlanForCommand(io, values.plan, paths[0], true);
    if (typeof plan !== 'object') return plan ?? EXIT_USAGE;
    const { planFile, planText, loaded } = plan;
    const formatter = format === 'stylish' ? createStylishFormatter({ color: !values['no-color'] && (values.color ?? io.isTTY) }) : FORMATTERS[format];
    const formatOptions = { cwd: io.cwd, version: packageJson.version, ruleDocsUrl };
    const planResult: FileResult = { filePath: planFile, findings: planFileFindings(loaded) };
    if (!loaded.plan) {
      io.stderr(`tracklint: the tracking plan ${path.relative(io.cwd, planFile)} cannot be used:\n`);
      io.stdout(ensureNewline(formatter([planResult], formatOptions)));
      return EXIT_USAGE;
    }

    const files = await collectCommandFiles(paths, [...loaded.plan.ignore, ...(values.ignore ?? [])]);
    const tsConfig = findTsConfig(paths[0]);
    const host = createWorkspaceProgram(paths[0], tsConfig, reportTsConfigProblem(io));
    const { analysed, skipped } = splitSkippedOnDisk(files, maxFileSize, (file) => host.readText(file));
    const workers = Math.min(jobs ?? defaultJobs(), analysed.length);
    let findingsByFile: Map<string, Finding[]> | undefined;
    let tally: CallTally | undefined;
    if (workers > 1) {
      try {
        ({ findings: findingsByFile, tally } = await checkInParallel({ root: paths[0], tsConfig, planFile, planText, files: analysed, jobs: workers }));
      } catch (error) {
        io.stderr(`tracklint: checking in ${workers} threads failed (${(error as Error).message.split('\n')[0]}); checking in one.\n`);
      }
    }
    if (!findingsByFile || !tally) {
      const tallies = new Map<string, CallTally>();
      findingsByFile = checkFiles({ plan: loaded.plan, host, files: analysed, tallies });
      tally = [...tallies.values()].reduce(addTally, emptyTally());
    }
    const skippedSeverity = effectiveSeverity('file-too-large', loaded.plan);
    for (const [file, reason] of skipped) findingsByFile.set(file, skippedSeverity === 'off' ? [] : [skippedFileFinding(file, reason, skippedSeverity)]);
    const results: FileResult[] = [];
    if (planResult.findings.length) results.push(planResult);
    for (const file of files) results.push({ filePath: file, findings: findingsByFile.get(file) ?? [] });
    if (values.quiet) for (const result of results) result.findings = result.findings.filter((f) => f.severity === 'error');

    const all: Finding[] = results.flatMap((r) => r.findings);
    const errors = all.filter((f) => f.severity === 'error').length;
    const warnings = all.filter((f) => f.severity === 'warning').length;
    const output = formatter(results, formatOptions);
    if (output) io.stdout(ensureNewline(output));
    const tooManyWarnings = errors === 0 && maxWarnings >= 0 && warnings > maxWarnings;
    if (tooManyWarnings) io.stderr(`tracklint found too many warnings (maximum: ${maxWarnings}).\n`);
    // Last, whatever the format: how many calls were judged, so a silent skip never looks like a pass.
    io.stderr(`${tallyLine(tally)}\n`);
    return errors > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
  },
};
