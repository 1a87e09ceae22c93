import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadPlan } from '../../core/plan/load';
import { CliCommand, EXIT_OK, EXIT_USAGE, parseCommandArgs, UsageError } from '../commandSupport';
import { planFindingLines, planOutputTarget, planSummary, relative, writeNativePlan } from '../planOutput';

const USAGE = `Usage: tracklint import FILE [options]

Converts a tracking plan in any format tracklint reads (Segment Public API rules, a Segment Config
API plan, a Typewriter plan.json, minimal JSON, community YAML rules, or a native plan) into the
native tracking-plan.yaml.

Options:
  --out FILE           Where to write (default: tracking-plan.yaml here); - for stdout
  --force              Overwrite an existing plan
  -h, --help           Show this help

Exit status: 0 written (problems the plan still loads with are printed), 2 a usage error or a plan
that cannot be read.`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Convert a plan in another format (Segment, Typewriter, ...) to tracking-plan.yaml',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs(argv, { out: { type: 'string' }, force: { type: 'boolean' } }, USAGE, io);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'Import one file at a time.' : 'Which plan file? Pass its path.');
    const source = path.resolve(io.cwd, positionals[0]);
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${positionals[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const loaded = loadPlan(source, text);
    io.stderr(planFindingLines(io, loaded.findings));
    if (!loaded.plan) {
      io.stderr(`tracklint: ${relative(io, source)} cannot be imported: it is not a usable tracking plan (see above).\n`);
      return EXIT_USAGE;
    }
    const target = planOutputTarget(io, values.out, io.cwd, values.force ?? false);
    if (typeof target === 'number') return target;
    writeNativePlan(io, target, loaded.plan, [`Imported by \`tracklint import\` from ${path.basename(source)} (${loaded.plan.format}).`]);
    if (target !== '-') io.stdout(`Wrote ${relative(io, target)}: ${planSummary(loaded.plan)} from ${relative(io, source)} (${loaded.plan.format}).\n`);
    return EXIT_OK;
  },
};
