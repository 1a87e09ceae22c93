import type { PlanStatus } from '../../server/src/lsp/protocol';

/**
 * How the status bar shows the plan and the server: pure, so it is tested without VS Code.
 * `$(name)` is VS Code's codicon syntax.
 */

/** What the client knows besides the server's last PlanStatus. */
export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusView {
  text: string;
  tooltip: string;
  /** true: drawn with the warning background, so a broken plan is noticed. */
  warning: boolean;
  /** The command a click runs. */
  command: 'tracklint.openPlan' | 'tracklint.showOutput';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function describeStatus(server: ServerState, plan: PlanStatus | undefined): StatusView {
  if (server === 'stopped') {
    return { text: '$(error) tracklint: server stopped', tooltip: 'The tracklint language server is not running. Click to show its output; "tracklint: Restart Server" starts it again.', warning: true, command: 'tracklint.showOutput' };
  }
  if (!plan) {
    return { text: '$(sync~spin) tracklint', tooltip: 'The tracklint language server is starting…', warning: false, command: 'tracklint.showOutput' };
  }
  switch (plan.state) {
    case 'ok': {
      const name = plan.planName?.trim() || 'Tracking plan';
      return {
        text: `$(checklist) ${name}: ${plural(plan.eventCount, 'event')} · ${plural(plan.problemCount, 'problem')}`,
        tooltip: `tracklint — ${plan.planFile ?? 'tracking plan'}\nClick to open the tracking plan.`,
        warning: false,
        command: 'tracklint.openPlan',
      };
    }
    case 'invalid':
      return {
        text: '$(warning) tracklint: plan invalid',
        tooltip: `${plan.message ?? 'The tracking plan cannot be read.'}\nClick to open the tracking plan.`,
        warning: true,
        command: 'tracklint.openPlan',
      };
    case 'missing':
      return {
        text: '$(warning) tracklint: plan missing',
        tooltip: `${plan.message ?? 'No tracking plan was found.'}\nClick to create or open one.`,
        warning: true,
        command: 'tracklint.openPlan',
      };
  }
}

/** A workspace folder as the status bar knows it: its URI (as VS Code writes it) and its name. */
export interface WorkspaceFolderInfo {
  uri: string;
  name: string;
}

export interface StatusBarView extends StatusView {
  /** The status a click acts on ("Open Tracking Plan"): the shown folder's, or in a summary the first of the worst. */
  planStatus?: PlanStatus;
}

const SEVERITY: Record<PlanStatus['state'], number> = { ok: 0, missing: 1, invalid: 2 };

const withoutTrailingSlash = (uri: string) => uri.replace(/\/+$/, '');

/** Whether the document is in the folder (both URIs as VS Code writes them). */
function isInFolder(documentUri: string, folderUri: string): boolean {
  const folder = withoutTrailingSlash(folderUri);
  return documentUri === folder || documentUri.startsWith(`${folder}/`);
}

/** The folder's name among the workspace folders, else the last segment of its URI (files outside every folder). */
function folderName(folderUri: string, folders: readonly WorkspaceFolderInfo[]): string {
  const known = folders.find((folder) => withoutTrailingSlash(folder.uri) === withoutTrailingSlash(folderUri));
  if (known) return known.name;
  const last = withoutTrailingSlash(folderUri).split('/').pop() ?? folderUri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * The status bar over every folder's status (one PlanStatus per folder, in any order):
 * - the status of the active editor's folder (the innermost folder holding the file), when it has one;
 * - otherwise, the status of the only folder that has one;
 * - otherwise (a multi-root workspace and no editor in a folder), a summary of the workspace folders: the worst state
 *   (an invalid plan before a missing one before ok), naming the folder (or the number of folders) it is in, or, all
 *   plans being valid, the number of plans and the problems of every folder summed; a line per folder in the tooltip.
 * With a single workspace folder the view is exactly {@link describeStatus}'s; with several, a folder's warning says
 * which folder it is about.
 */
export function describeStatusBar(server: ServerState, statuses: readonly PlanStatus[], activeUri: string | undefined, folders: readonly WorkspaceFolderInfo[]): StatusBarView {
  const multiRoot = folders.length > 1;
  const ofActive = activeUri
    ? statuses.filter((status) => isInFolder(activeUri, status.folderUri)).sort((a, b) => b.folderUri.length - a.folderUri.length)[0]
    : undefined;
  if (ofActive) return folderView(server, ofActive, multiRoot, folders);
  // The workspace folders' statuses, in the folders' order; without any, those of files outside every folder.
  const inFolders = folders.flatMap((folder) => statuses.filter((status) => withoutTrailingSlash(status.folderUri) === withoutTrailingSlash(folder.uri)));
  const shown = inFolders.length ? inFolders : [...statuses];
  if (shown.length <= 1) return folderView(server, shown[0], multiRoot, folders);
  const worst = shown.reduce((a, b) => (SEVERITY[b.state] > SEVERITY[a.state] ? b : a));
  if (server === 'stopped') return { ...describeStatus(server, worst), planStatus: worst };
  const name = (status: PlanStatus) => folderName(status.folderUri, folders);
  const lines = shown.map((status) => {
    if (status.state === 'ok') return `${name(status)} — ${status.planName?.trim() || 'Tracking plan'}: ${plural(status.eventCount, 'event')} · ${plural(status.problemCount, 'problem')}`;
    return `${name(status)} — plan ${status.state}${status.message ? `: ${status.message}` : ''}`;
  });
  const tooltip = `${lines.join('\n')}\nClick to open the tracking plan of ${name(worst)}.`;
  if (worst.state === 'ok') {
    const problems = shown.reduce((sum, status) => sum + status.problemCount, 0);
    return { text: `$(checklist) tracklint: ${shown.length} plans · ${plural(problems, 'problem')}`, tooltip, warning: false, command: 'tracklint.openPlan', planStatus: worst };
  }
  const affected = shown.filter((status) => status.state === worst.state);
  const where = affected.length === 1 ? name(worst) : `${affected.length} folders`;
  return { text: `$(warning) tracklint: plan ${worst.state} in ${where}`, tooltip, warning: true, command: 'tracklint.openPlan', planStatus: worst };
}

/** One folder's status; in a multi-root workspace its warning names the folder, and so does its tooltip. */
function folderView(server: ServerState, status: PlanStatus | undefined, multiRoot: boolean, folders: readonly WorkspaceFolderInfo[]): StatusBarView {
  const view = describeStatus(server, status);
  if (!status || !multiRoot || server === 'stopped') return { ...view, planStatus: status };
  const name = folderName(status.folderUri, folders);
  return {
    ...view,
    text: status.state === 'ok' ? view.text : `$(warning) tracklint: plan ${status.state} in ${name}`,
    tooltip: `Folder: ${name}\n${view.tooltip}`,
    planStatus: status,
  };
}
