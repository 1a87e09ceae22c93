import { loadPlan } from '../../core/plan/load';
import { CliCommand, EXIT_OK, EXIT_USAGE, parseCommandArgs, UsageError } from '../commandSupport';
import { planFindingLines, planOutputTarget, planSummary, relative, writeNativePlan } from '../planOutput';
import { DEFAULT_SEGMENT_API_URL, PublicApiError, pullTrackingPlan } from '../segment/publicApiClient';

const USAGE = `Usage: tracklint pull --segment TRACKING_PLAN_ID [options]

Fetches a tracking plan and its rules with Segment's Public API and writes it as tracking-plan.yaml.
The token is read from the SEGMENT_TOKEN environment variable (a Public API token with the Tracking
Plan Read-only role); it is never printed.

Options:
  --segment ID         The tracking plan's id, tp_… (the Public API's; not the rs_… id of the app's URLs)
  --out FILE           Where to write (default: tracking-plan.yaml here); - for stdout
  --force              Overwrite an existing plan
  --api-url URL        The Public API's address (default: SEGMENT_API_URL, else ${DEFAULT_SEGMENT_API_URL};
                       https://eu1.api.segmentapis.com for EU workspaces)
  -h, --help           Show this help

Exit status: 0 written, 2 a usage error or a failed request.`;

export const pullCommand: CliCommand = {
  name: 'pull',
  summary: "Fetch a tracking plan with Segment's Public API into tracking-plan.yaml",
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseCommandArgs(argv, { segment: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'api-url': { type: 'string' } }, USAGE, io);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    const id = values.segment?.trim();
    if (!id) throw new UsageError('Which tracking plan? Pass --segment tp_….');
    if (/^rs_/.test(id)) {
      throw new UsageError(
        `'${id}' is a Protocols id from the Segment app's URLs (the legacy Config API's); the Public API needs the tracking plan's tp_… id. List them with GET /tracking-plans, or copy it from the tracking plan's settings.`,
      );
    }
    const env = io.env ?? {};
    const token = env.SEGMENT_TOKEN?.trim();
    if (!token) {
      io.stderr('tracklint: set SEGMENT_TOKEN to a Segment Public API token (Settings → Access Management → Tokens) to pull a plan.\n');
      return EXIT_USAGE;
    }
    const target = planOutputTarget(io, values.out, io.cwd, values.force ?? false);
    if (typeof target === 'number') return target;
    const baseUrl = values['api-url'] ?? env.SEGMENT_API_URL ?? DEFAULT_SEGMENT_API_URL;
    let pulled;
    try {
      pulled = await pullTrackingPlan(id, { baseUrl, token });
    } catch (error) {
      if (!(error instanceof PublicApiError)) throw error;
      io.stderr(`tracklint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // The rules are Public API rules: the same loader as a saved listRulesFromTrackingPlan answer reads them.
    const source = `segment:${id}`;
    const loaded = loadPlan(`${source}.json`, JSON.stringify({ rules: pulled.rules }, null, 2));
    io.stderr(planFindingLines(io, loaded.findings));
    if (!loaded.plan) {
      io.stderr(`tracklint: the rules of ${id} cannot be read as a tracking plan (see above).\n`);
      return EXIT_USAGE;
    }
    if (pulled.name !== undefined) loaded.plan.name = pulled.name;
    writeNativePlan(io, target, loaded.plan, [`Pulled by \`tracklint pull\` from Segment tracking plan ${id}.`]);
    if (target !== '-') io.stdout(`Wrote ${relative(io, target)}: ${planSummary(loaded.plan)} from Segment tracking plan ${id} (${pulled.rules.length} rules).\n`);
    return EXIT_OK;
  },
};
