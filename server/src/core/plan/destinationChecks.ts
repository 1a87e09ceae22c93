import { nearestNames } from '../naming/suggest';
import type { PlanPath, TrackingPlan } from './model';

/**
 * An event's `destinations:` is an allow-list of the plan's own `destinations:`: a name outside it is a
 * typo in the plan, reported where it is written (the plan still loads).
 */
export function checkEventDestinations(plan: TrackingPlan, report: (path: PlanPath, message: string) => void): void {
  const declared = plan.destinations ?? [];
  for (const entries of [plan.events, plan.pages, plan.screens]) {
    for (const entry of entries.values()) {
      if (!entry.destinations) continue;
      if (!plan.destinations) {
        report([...entry.path, 'destinations'], `'${entry.name}' lists destinations, but the plan declares none: add them to the top-level destinations:.`);
        continue;
      }
      entry.destinations.forEach((name, i) => {
        if (declared.includes(name)) return;
        const nearest = nearestNames(name, declared, 1);
        const hint = nearest.length ? ` Did you mean '${nearest[0]}'?` : '';
        report([...entry.path, 'destinations', i], `Destination '${name}' of '${entry.name}' is not among the plan's destinations: (${declared.join(', ')}).${hint}`);
      });
    }
  }
}
