import * as path from 'node:path';
import { segmentRules } from '../../core/plan/write/segmentRulesWriter';
import { CliCommand, EXIT_OK, EXIT_USAGE, parseCommandArgs, readPlanForCommand, UsageError } from '../commandSupport';
import { planFindingLines, planOutputTarget, relative, writePlanOutput } from '../planOutput';

const USAGE = `Usage: tracklint export --to segment [options]

Writes the tracking plan as Segment Public API rules JSON ({ "rules": [...] }: the body of
replaceRulesInTrackingPlan, and what listRulesFromTrackingPlan returns). What Segment rules have no
place for (conventions, severities, callees, replacedBy, ...) is listed on stderr.

Options:
  --to FORMAT          segment (the only target so far)
  --plan FILE          The tracking plan (default: the nearest one, as for check)
  --out FILE           Where to write (default: stdout)
  --force              Overwrite an existing file
  -h, --help           Show this help`;

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write the tracking plan as Segment Public API rules JSON',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs(argv, { to: { type: 'string' }, plan: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } }, USAGE, io);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (values.to !== 'segment') throw new UsageError(values.to === undefined ? 'Say which format: --to segment.' : `Unknown format '${values.to}'. Use --to segment.`);
    if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}'; the plan is given with --plan FILE.`);
    const found = readPlanForCommand(io, values.plan, io.cwd, true);
    if (typeof found === 'number') return found;
    if (!found) return EXIT_USAGE;
    if (!found.loaded.plan) {
      io.stderr(planFindingLines(io, found.loaded.findings));
      io.stderr(`tracklint: the tracking plan ${relative(io, found.planFile)} cannot be used (see above).\n`);
      return EXIT_USAGE;
    }
    const target = values.out === undefined ? '-' : planOutputTarget(io, values.out, io.cwd, values.force ?? false);
    if (typeof target === 'number') return target;
    // Segment keeps when a rule was deprecated; tracklint only knows that it is.
    const { rules, notExported } = segmentRules(found.loaded.plan, { deprecatedAt: new Date().toISOString() });
    writePlanOutput(io, target, `${JSON.stringify({ rules }, null, 2)}\n`);
    if (notExported.length) io.stderr(`Not exported (Segment rules have no place for them): ${notExported.join(', ')}.\n`);
    if (target !== '-') io.stdout(`Wrote ${relative(io, target)}: ${rules.length} rule${rules.length === 1 ? '' : 's'} from ${path.basename(found.planFile)}.\n`);
    return EXIT_OK;
  },
};
