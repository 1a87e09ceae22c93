import type { CheckedCall } from './analysis/checkedCall';

/**
 * How many analytics calls a check met, by what became of them: `judged` against the plan (a name resolved
 * to strings, or a call with no name: identify, group, alias), `dynamic` (a name no string can be given:
 * dynamic-event-name), `notJudged` (looks like analytics but its receiver cannot be resolved: unchecked-call).
 * Counted whatever the rules' severities and suppressions: the tally describes the calls, not the findings.
 */
export interface CallTally {
  judged: number;
  dynamic: number;
  notJudged: number;
}

export function emptyTally(): CallTally {
  return { judged: 0, dynamic: 0, notJudged: 0 };
}

export function addTally(total: CallTally, more: CallTally): CallTally {
  total.judged += more.judged;
  total.dynamic += more.dynamic;
  total.notJudged += more.notJudged;
  return total;
}

/**
 * Counts one recognised call. The forwarding call inside a wrapper is not counted: its call sites are,
 * each as what it passes.
 */
export function countCall(tally: CallTally, call: CheckedCall): void {
  if (call.call.forwardedBy) return;
  if (call.namesArePlanned && call.names()?.kind === 'dynamic') tally.dynamic++;
  else tally.judged++;
}

/**
 * The check's last line on stderr: `tracklint: N analytics calls: J judged, D dynamic, U not judged`. Scripts
 * parse it, so its form never changes (not even `1 analytics calls`).
 */
export function tallyLine(tally: CallTally): string {
  const total = tally.judged + tally.dynamic + tally.notJudged;
  return `tracklint: ${total} analytics calls: ${tally.judged} judged, ${tally.dynamic} dynamic, ${tally.notJudged} not judged`;
}
