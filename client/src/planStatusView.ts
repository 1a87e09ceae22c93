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
