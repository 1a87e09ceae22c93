import { loadPlan } from '../plan/load';
import { emptyPlan, type TrackingPlan } from '../plan/model';
import { PLAN_TEMPLATES, readTemplate } from './planTemplates';

/** Every Segment spec event, as one plan, and which spec each event comes from. */
export interface SegmentSpecCatalogue {
  plan: TrackingPlan;
  specOf: Map<string, string>;
}

let catalogue: SegmentSpecCatalogue | undefined;

/**
 * The events of all the bundled Segment spec templates, for completion in a workspace that has no plan yet:
 * the suggested starting point. Read once; an event two specs share keeps the first spec's definition.
 */
export function segmentSpecCatalogue(): SegmentSpecCatalogue {
  if (catalogue) return catalogue;
  const plan = emptyPlan('native');
  plan.name = 'Segment spec';
  const specOf = new Map<string, string>();
  for (const template of PLAN_TEMPLATES) {
    const { file, text } = readTemplate(template);
    const loaded = loadPlan(file, text).plan;
    for (const [name, entry] of loaded?.events ?? []) {
      if (plan.events.has(name)) continue;
      plan.events.set(name, entry);
      specOf.set(name, template.title);
    }
  }
  catalogue = { plan, specOf };
  return catalogue;
}
