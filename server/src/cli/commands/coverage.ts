import * as path from 'node:path';
import { coverageOfFiles } from '../../core/coverage/filesCoverage';
import { formatCoverageMarkdown } from '../../core/coverage/formatMarkdown';
import { formatCoverageTable } from '../../core/coverage/formatTable';
import { neverSent, type CoverageReport, type CoverageSite } from '../../core/coverage/report';
import { DEFAULT_MAX_FILE_SIZE } from '../../core/fileSize';
import { createWorkspaceProgram, findTsConfig } from '../../core/workspace';
import { CliCommand, CliIO, collectCommandFiles, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, parseCommandArgs, readPlanForCommand, refuseUnusablePlan, reportTsConfigProblem, resolveInputPaths, UsageError } from '../commandSupport';
import { splitSkippedOnDisk } from '../fileSize';

const USAGE = `Usage: tracklint coverage [paths...] [options]

Reports how the code covers the tracking plan: each planned event (page, screen) with its call
sites per source, planned names never sent, names sent that the plan does not list, and calls whose
names cannot be resolved statically. Calls are found as tracklint check finds them (wrappers too).

Options:
  --plan FILE            The tracking plan (default: the nearest one, as for check)
  --format NAME          table (default), json, or markdown (for a pull-request comment)
  --verbose              List every call site (file:line:column) of every planned name
  --ignore GLOB          Skip files matching GLOB (repeatable)
  --fail-on-unused       Exit with 1 when a planned name (not deprecated) is never sent
  --fail-on-unplanned    Exit with 1 when the code sends a name the plan does not list
  -h, --help             Show this help

Exit status: 0 the report (and no failing condition), 1 a --fail-on-* condition holds,
2 usage error or unusable plan.`;

export const coverageCommand: CliCommand = {
  name: 'coverage',
  summary: 'Report which plan events the code sends, from where, and what it sends off-plan',
  usage: USAGE,
  run: runCoverage,
};

async function runCoverage(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      plan: { type: 'string' },
      format: { type: 'string', default: 'table' },
      verbose: { type: 'boolean', default: false },
      ignore: { type: 'string', multiple: true },
      'fail-on-unused': { type: 'boolean', default: false },
      'fail-on-unplanned': { type: 'boolean', default: false },
    },
    USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'markdown') throw new UsageError(`Unknown format '${format}'. Use table, json or markdown.`);
  const paths = resolveInputPaths(positionals, io);
  const found = readPlanForCommand(io, values.plan, paths[0], true);
  if (typeof found !== 'object') return found ?? EXIT_USAGE;
  const plan = found.loaded.plan;
  if (!plan) return refuseUnusablePlan(io, found.planFile);
  const files = await collectCommandFiles(paths, [...plan.ignore, ...(values.ignore ?? [])]);
  const host = createWorkspaceProgram(paths[0], findTsConfig(paths[0]), reportTsConfigProblem(io));
  // Generated bundles are skipped as check skips them; check reports them, coverage has nothing to add.
  const { analysed } = splitSkippedOnDisk(files, DEFAULT_MAX_FILE_SIZE, (file) => host.readText(file));
  const report = coverageOfFiles({ plan, host, files: analysed });
  const options = { relativeTo: io.cwd, verbose: values.verbose };
  io.stdout(format === 'json' ? `${JSON.stringify(coverageJson(report, io.cwd), null, 2)}\n` : format === 'markdown' ? formatCoverageMarkdown(report, options) : formatCoverageTable(report, options));

  const failures: string[] = [];
  const unused = neverSent(report);
  if (values['fail-on-unused'] && unused.length) failures.push(`${unused.length} planned name${unused.length === 1 ? ' is' : 's are'} never sent (--fail-on-unused)`);
  if (values['fail-on-unplanned'] && report.unplanned.length) {
    failures.push(`${report.unplanned.length} name${report.unplanned.length === 1 ? ' is' : 's are'} sent but not in the plan (--fail-on-unplanned)`);
  }
  if (!failures.length) return EXIT_OK;
  io.stderr(`tracklint: ${failures.join('; ')}.\n`);
  return EXIT_PROBLEMS;
}

/** The report for tools: paths relative to the working directory, 1-based lines and columns (as check's JSON). */
function coverageJson(report: CoverageReport, cwd: string) {
  const site = (s: CoverageSite) => ({
    file: path.relative(cwd, s.file).split(path.sep).join('/') || s.file,
    line: s.range.start.line + 1,
    column: s.range.start.character + 1,
    ...(s.source !== undefined ? { source: s.source } : {}),
  });
  return {
    sources: report.sources,
    planned: report.planned.map((p) => ({
      kind: p.kind,
      name: p.name,
      deprecated: p.deprecated,
      plannedSources: p.plannedSources ?? null,
      calls: p.sites.length,
      bySource: p.bySource,
      unassigned: p.unassigned,
      offSource: p.offSource,
      sites: p.sites.map(site),
    })),
    neverSent: neverSent(report).map((p) => ({ kind: p.kind, name: p.name })),
    unplanned: report.unplanned.map((u) => ({ kind: u.kind, name: u.name, calls: u.sites.length, sites: u.sites.map(site) })),
    dynamic: report.dynamic.map((d) => ({ ...site(d), kind: d.kind, type: d.typeText })),
  };
}
