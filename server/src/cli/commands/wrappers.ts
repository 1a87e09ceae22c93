import * as path from 'node:path';
import { listWrappers, type ListedWrapper } from '../../core/analysis/wrapperList';
import { describeRef } from '../../core/analysis/wrapperModel';
import { listCalleeCandidates } from '../../core/analysis/calleeCandidates';
import { candidatesJson, candidatesTable } from './calleeCandidatesOutput';
import { emptyPlan, type TrackingPlan } from '../../core/plan/model';
import { CliCommand, CliIO, collectCommandFiles, parseCommandArgs, readPlanForCommand, refuseUnusablePlan, reportTsConfigProblem, resolveInputPaths, UsageError } from '../commandSupport';
import { addProgramRoots, createWorkspaceProgram, findTsConfig } from '../../core/workspace';

const WRAPPERS_USAGE = `Usage: tracklint wrappers [paths...] [options]

Lists the team's own wrappers that tracklint follows: functions and methods that pass a parameter
into the name of an analytics call (directly, with a fixed prefix or suffix, or through other
wrappers). Every call of one is checked as the analytics call it makes.

With --candidates, lists instead the calls tracklint does not check but that probably send analytics
across a boundary no inference crosses (an IPC bridge, a redux action, an event bus): callees whose
argument (or field of an object argument) carries at least two of the plan's event names, or named like a
tracking function (trackClick, logEvent, sendClickEvent) and called with a string name first (or an object
with an event, eventName or name field). Each comes with its location, its number of calls and a
callees: entry to paste into the plan.

Options:
  --candidates         List likely wrappers that are not followed yet, with a callees: entry for each
  --plan FILE          The tracking plan (default: the nearest one, as for check); its callees:
                       and wrappers: settings apply. Without one, every wrapper is listed.
  --format NAME        table (default) or json
  --ignore GLOB        Skip files matching GLOB (repeatable)
  -h, --help           Show this help

Status: inferred (followed), declared (its calls match the plan's callees:, which win),
disabled (named in the plan's wrappers.ignore).`;

export const wrappersCommand: CliCommand = {
  name: 'wrappers',
  summary: "List the team's own wrappers tracklint follows",
  usage: WRAPPERS_USAGE,
  run: runWrappers,
};

/** `tracklint wrappers`: exit 0 with the list, 2 on a usage error or an unusable plan. */
async function runWrappers(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(
    argv,
    {
      plan: { type: 'string' },
      format: { type: 'string', default: 'table' },
      ignore: { type: 'string', multiple: true },
      candidates: { type: 'boolean', default: false },
    },
    WRAPPERS_USAGE,
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`Unknown format '${values.format}'. Use table or json.`);
  const paths = resolveInputPaths(positionals, io);

  let plan: TrackingPlan = emptyPlan('native');
  const found = readPlanForCommand(io, values.plan, paths[0], false);
  if (typeof found === 'number') return found;
  if (found) {
    if (!found.loaded.plan) return refuseUnusablePlan(io, found.planFile);
    plan = found.loaded.plan;
  }

  const files = await collectCommandFiles(paths, [...plan.ignore, ...(values.ignore ?? [])]);
  const host = createWorkspaceProgram(paths[0], findTsConfig(paths[0]), reportTsConfigProblem(io));
  // Listing is about what wrappers exist, whatever the plan's `infer:` says.
  const { roots } = addProgramRoots(host, { ...plan, wrappers: { infer: true, ignore: [] } }, files);
  if (values.candidates) {
    // Candidates are calls no analytics call leads to: every file is looked at, not only those naming one.
    for (const file of files) host.addRoot(file);
    const allFiles = files.map((file) => host.sourceFile(file)).filter((f) => f !== undefined);
    const candidates = listCalleeCandidates(host.program(), plan, allFiles);
    io.stdout(values.format === 'json' ? candidatesJson(candidates) : candidatesTable(candidates, io.cwd));
    return 0;
  }
  const program = host.program();
  const sourceFiles = [...roots].map((file) => host.sourceFile(file)).filter((f) => f !== undefined);
  const wrappers = listWrappers(program, plan, sourceFiles);
  io.stdout(values.format === 'json' ? `${JSON.stringify(wrappers.map(toJson), null, 2)}\n` : formatTable(wrappers, io.cwd, plan));
  return 0;
}

function toJson({ wrapper: w, status, callSites }: ListedWrapper) {
  return {
    name: w.name,
    file: w.file,
    line: w.line + 1,
    column: w.character + 1,
    kind: w.kind,
    status,
    event: w.forwardAll ? 'all' : (w.event ?? null),
    /** The const map the wrapper looks the id up in (`SEGMENT_NAMES[id]`), by name. */
    nameMap: w.nameMap?.name ?? null,
    properties: w.forwardAll ? 'all' : (w.properties ?? null),
    prefix: w.prefix,
    suffix: w.suffix,
    addedProperties: w.provided.keys,
    addsUnknownProperties: w.provided.open,
    via: w.via,
    chain: w.chain,
    target: w.target,
    callSites,
  };
}

function formatTable(wrappers: ListedWrapper[], cwd: string, plan: TrackingPlan): string {
  if (!wrappers.length) return 'No wrappers found.\n';
  const header = ['Wrapper', 'Location', 'Kind', 'Name from', 'Properties from', 'Prefix', 'Suffix', 'Calls', 'Maps to', 'Status'];
  const rows = wrappers.map(({ wrapper: w, status, callSites }) => {
    const added = w.provided.keys.length || w.provided.open ? ` (+ ${[...w.provided.keys, ...(w.provided.open ? ['…'] : [])].join(', ')})` : '';
    return [
      w.name,
      `${path.relative(cwd, w.file) || w.file}:${w.line + 1}`,
      w.kind,
      describeRef(w.event, w.forwardAll) + (w.nameMap ? ` in ${w.nameMap.name}` : ''),
      describeRef(w.properties, w.forwardAll) + added,
      w.prefix ? JSON.stringify(w.prefix) : '—',
      w.suffix ? JSON.stringify(w.suffix) : '—',
      String(callSites),
      [...w.chain, w.target].join(' → '),
      status === 'declared' ? 'declared (plan callees win)' : status === 'disabled' ? 'disabled (plan wrappers.ignore)' : 'inferred',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  const lines = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const count = (status: string) => wrappers.filter((w) => w.status === status).length;
  const off = plan.wrappers?.infer === false ? ' Inference is off in the plan (wrappers.infer: false): only declared callees are checked.' : '';
  return `${lines.join('\n')}\n\n${wrappers.length} wrapper${wrappers.length === 1 ? '' : 's'}: ${count('inferred')} inferred, ${count('declared')} declared, ${count('disabled')} disabled.${off}\n`;
}
