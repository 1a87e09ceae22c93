import type { PlanEntry, PlanPath, TrackingPlan } from './model';

export interface NameCollision {
  /** The later entry, where the finding goes. */
  path: PlanPath;
  message: string;
}

const NOUNS = { events: 'Event', pages: 'Page', screens: 'Screen' } as const;

/** `Order Completed`, `order completed`, `order_completed` and `orderCompleted` are one name to a person reading a dashboard. */
export function foldName(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '');
}

/**
 * Entries of one section whose names differ only in case or separators. Both names are accepted, so a
 * typo in the plan or in a call splits one event's data in two. A deprecated entry beside its new spelling
 * is the usual way to rename an event, and is not reported. `describe` turns a path into "line 7".
 */
export function nameCollisions(plan: TrackingPlan, describe: (path: PlanPath) => string): NameCollision[] {
  const collisions: NameCollision[] = [];
  for (const section of ['events', 'pages', 'screens'] as const) {
    // The first spelling of each folded name that is not deprecated: what a later live spelling collides with.
    const live = new Map<string, PlanEntry>();
    for (const entry of plan[section].values()) {
      const folded = foldName(entry.name);
      if (!folded || entry.deprecated) continue;
      const earlier = live.get(folded);
      if (!earlier) {
        live.set(folded, entry);
        continue;
      }
      collisions.push({
        path: entry.path,
        message: `${NOUNS[section]} '${entry.name}' differs from '${earlier.name}' (${describe(earlier.path)}) only in case or separators: calls may send either, and its data splits in two. Remove one, or mark the old one \`deprecated\` with \`replacedBy\`.`,
      });
    }
  }
  return collisions;
}
