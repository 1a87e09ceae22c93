import { statSync } from 'node:fs';
import * as path from 'node:path';
import { draftPlanFromCode } from '../../core/draftPlan';
import { loadPlan } from '../../core/plan/load';
import { emptyPlan } from '../../core/plan/model';
import { findTemplate, PLAN_TEMPLATES, readTemplate } from '../../core/templates/planTemplates';
import { addProgramRoots, createWorkspaceProgram, findTsConfig } from '../../core/workspace';
import { CliCommand, CliIO, collectCommandFiles, EXIT_OK, parseCommandArgs, reportTsConfigProblem, resolveInputPaths, UsageError } from '../commandSupport';
import { INSTALLED_SCHEMA_COMMENT, planOutputTarget, planSummary, relative, writeNativePlan, writePlanOutput } from '../planOutput';

const TEMPLATE_LIST = PLAN_TEMPLATES.map((t) => `${t.name} (${t.title})`).join(', ');

const USAGE = `Usage: tracklint init [paths...] [options]

Writes a first tracking-plan.yaml: Segment's spec events for your kind of product, or a draft
from the analytics calls the code already makes.

Options:
  --template NAME      One of Segment's specs: ${TEMPLATE_LIST}
  --from-code          Draft the plan from the calls in the paths (default .): every event, page and
                       screen name resolved statically, property types from the type checker
  --out FILE           Where to write (default: tracking-plan.yaml in the first path); - for stdout
  --force              Overwrite an existing plan
  -h, --help           Show this help`;

export const initCommand: CliCommand = {
  name: 'init',
  summary: "Write a first tracking plan: a Segment spec template, or a draft from the code's calls",
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs(
      argv,
      { template: { type: 'string' }, 'from-code': { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' } },
      USAGE,
      io,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (values.template !== undefined && values['from-code']) throw new UsageError('Choose --template NAME or --from-code, not both.');
    if (values.template === undefined && !values['from-code']) throw new UsageError(`Choose a starting point: --template NAME (${TEMPLATE_LIST}) or --from-code.`);
    if (values.template !== undefined && positionals.length) throw new UsageError('Paths are read with --from-code only.');
    const paths = resolveInputPaths(positionals, io);
    const folder = statSync(paths[0]).isDirectory() ? paths[0] : io.cwd;
    const target = planOutputTarget(io, values.out, folder, values.force ?? false);
    if (typeof target === 'number') return target;
    return values.template !== undefined ? fromTemplate(io, values.template, target) : fromCode(io, paths, folder, target);
  },
};

function fromTemplate(io: CliIO, name: string, target: string): number {
  const template = findTemplate(name);
  if (!template) throw new UsageError(`Unknown template '${name}'. Templates: ${TEMPLATE_LIST}.`);
  const { file, text } = readTemplate(template);
  // The template points at the schema beside it; in a project the schema is in the installed package.
  const written = text.replace(/^# yaml-language-server: \$schema=.*$/m, `# ${INSTALLED_SCHEMA_COMMENT}`);
  writePlanOutput(io, target, written);
  const plan = loadPlan(file, text).plan ?? emptyPlan('native');
  if (target !== '-') io.stdout(`Wrote ${relative(io, target)}: ${planSummary(plan)} from Segment's ${template.title} spec.\n`);
  return EXIT_OK;
}

async function fromCode(io: CliIO, paths: string[], folder: string, target: string): Promise<number> {
  const files = await collectCommandFiles(paths, []);
  const host = createWorkspaceProgram(paths[0], findTsConfig(paths[0]), reportTsConfigProblem(io));
  const { roots } = addProgramRoots(host, emptyPlan('native'), files);
  const program = host.program();
  const sourceFiles = [...roots].sort().map((file) => host.sourceFile(file)).filter((f) => f !== undefined);
  const { plan, unresolved, calls } = draftPlanFromCode(program, sourceFiles, path.basename(folder));
  writeNativePlan(io, target, plan, [
    `Drafted by \`tracklint init --from-code\` from ${calls} analytics call${calls === 1 ? '' : 's'}. Property types come from the code;`,
    'descriptions, allowed values and which properties are required are yours to decide.',
  ]);
  const where = target === '-' ? io.stderr : io.stdout;
  if (target !== '-') where(`Wrote ${relative(io, target)}: ${planSummary(plan)}, from ${calls} call${calls === 1 ? '' : 's'} in ${roots.size} file${roots.size === 1 ? '' : 's'}.\n`);
  if (unresolved.length) {
    where(`${unresolved.length} call${unresolved.length === 1 ? '' : 's'} with a name known only at run time ${unresolved.length === 1 ? 'was' : 'were'} left out:\n`);
    for (const u of unresolved) where(`  ${relative(io, u.file)}:${u.line + 1}:${u.character + 1}  ${u.typeText}\n`);
  }
  return EXIT_OK;
}
