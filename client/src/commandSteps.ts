import * as path from 'node:path';
import type { AddEventRefusalData, CoverageResult, PlanStatus } from '../../server/src/lsp/protocol';

/**
 * What the commands do in each case, decided from what the server said: pure, so it is tested without VS Code
 * (the command handlers in commands/ carry the steps out).
 */

/** "Open Tracking Plan" (and a click on the status bar item). */
export type OpenPlanStep =
  | { action: 'open'; file: string }
  | { action: 'offer-create'; file: string; message: string; button: string }
  | { action: 'no-folder'; message: string };

/**
 * Opens the plan the server uses. Without one: a file that is there all the same (the server has not seen it yet, or
 * is still starting) is opened; otherwise the offer to create a starter plan where the settings point, or at
 * `defaultFile` (tracking-plan.yaml in the workspace folder).
 */
export async function openPlanStep(status: PlanStatus | undefined, defaultFile: string | undefined, exists: (file: string) => Promise<boolean>): Promise<OpenPlanStep> {
  if (status?.planFile && status.state !== 'missing') return { action: 'open', file: status.planFile };
  const file = status?.planFile ?? defaultFile;
  if (!file) return { action: 'no-folder', message: 'tracklint: open a folder first; the tracking plan lives in the workspace.' };
  if (await exists(file)) return { action: 'open', file };
  return { action: 'offer-create', file, message: `tracklint: ${status?.message ?? 'No tracking plan was found in this workspace.'}`, button: `Create ${path.basename(file)}` };
}

export const OPEN_PLAN_BUTTON = 'Open Tracking Plan';

/** "Show Coverage Report": the report, or why there is none, said as a message (not as a failure of the command). */
export type CoverageStep =
  | { action: 'show'; markdown: string }
  | { action: 'explain'; severity: 'info' | 'warning'; message: string; button?: typeof OPEN_PLAN_BUTTON };

export function coverageStep(result: CoverageResult | null): CoverageStep {
  if (!result) return { action: 'explain', severity: 'info', message: 'tracklint: open a folder with a tracking plan to see its coverage report.' };
  if (result.markdown) return { action: 'show', markdown: result.markdown };
  // "Open Tracking Plan" offers to create the plan when there is none.
  if (result.state === 'missing') return { action: 'explain', severity: 'info', message: 'tracklint: there is no tracking plan to report the coverage of.', button: OPEN_PLAN_BUTTON };
  return { action: 'explain', severity: 'warning', message: 'tracklint: the tracking plan has problems (see the Problems view); the coverage report needs a valid plan.', button: OPEN_PLAN_BUTTON };
}

/**
 * "Show Coverage Report" over the whole workspace: one folder's step as it is; in a multi-root workspace, the reports
 * of the folders that have one, each under its folder's name, with a line for each folder that has none.
 */
export function workspaceCoverageStep(results: CoverageResult[] | null): CoverageStep {
  if (!results?.length) return coverageStep(null);
  if (results.length === 1 || !results.some((result) => result.markdown)) return coverageStep(results.find((result) => result.state !== 'missing') ?? results[0]);
  const sections = results.map((result) => {
    const body = result.markdown ?? (result.state === 'missing' ? '_No tracking plan in this folder._\n' : '_The tracking plan has problems (see the Problems view); the coverage report needs a valid plan._\n');
    return `# ${path.basename(result.root)}\n\n${body}`;
  });
  return { action: 'show', markdown: sections.join('\n') };
}

/**
 * "Add Event to Plan" refused because the plan has the name already, or a spelling of it (information, with the way to
 * the entry), or because the plan file has errors (a warning, with the way to the first): a message, not a failure.
 */
export interface AddEventRefusal {
  message: string;
  severity: 'info' | 'warning';
  /** Where the button leads: the plan's entry, or its first error. */
  location?: NonNullable<AddEventRefusalData['location']>;
  /** The button's label, with `location`. */
  button?: typeof GO_TO_ENTRY_BUTTON | typeof GO_TO_ERROR_BUTTON;
}

export const GO_TO_ENTRY_BUTTON = 'Go to Entry';
export const GO_TO_ERROR_BUTTON = 'Go to Error';

const REFUSAL_REASONS: readonly string[] = ['already-planned', 'name-collision', 'plan-invalid'] satisfies AddEventRefusalData['reason'][];

/** The refusal in the server's error answer to addEventToPlan, or undefined when the error is a real failure. */
export function addEventRefusal(error: unknown): AddEventRefusal | undefined {
  const { message, data } = (error ?? {}) as { message?: unknown; data?: Partial<AddEventRefusalData> };
  if (typeof message !== 'string' || !data || typeof data.reason !== 'string' || !REFUSAL_REASONS.includes(data.reason)) return undefined;
  const planInvalid = data.reason === 'plan-invalid';
  return {
    message: `tracklint: ${message}`,
    severity: planInvalid ? 'warning' : 'info',
    ...(data.location ? { location: data.location, button: planInvalid ? GO_TO_ERROR_BUTTON : GO_TO_ENTRY_BUTTON } : {}),
  };
}
