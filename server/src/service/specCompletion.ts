import type { PlanEntry, TrackingPlan } from '../core/plan/model';
import { segmentSpecCatalogue } from '../core/templates/segmentSpecCatalogue';
import type { AnalysisWorkspace } from './analysisWorkspace';

/**
 * Before a workspace has a tracking plan, completion offers Segment's spec events (Ecommerce v2, B2B SaaS,
 * Video, Mobile) as the suggested starting point, each marked "Segment spec" with the spec it comes from.
 * Once a plan file exists (even a broken one) its events are the only ones offered.
 */
export function specCompletionSource(workspace: AnalysisWorkspace): { plan: TrackingPlan; detail: (entry: PlanEntry) => string } | undefined {
  if (workspace.planFile !== undefined || workspace.plan) return undefined;
  const { plan, specOf } = segmentSpecCatalogue();
  return { plan, detail: (entry) => `Segment spec · ${specOf.get(entry.name) ?? 'event'}` };
}
