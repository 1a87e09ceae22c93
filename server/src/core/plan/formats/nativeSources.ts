import * as path from 'node:path';
import type { TrackingPlan } from '../model';
import type { PlanSources } from '../sources';
import type { FormatContext } from './format';

/**
 * The native plan's `sources:` with their globs relative to the plan file's folder, and a located
 * problem for each event, page or screen naming a source that `sources:` does not declare (the plan
 * stays usable: such a name just matches no file).
 */
export function readNativeSources(declared: Record<string, string[]> | undefined, plan: TrackingPlan, context: FormatContext): PlanSources | undefined {
  const names = Object.keys(declared ?? {});
  for (const entry of [...plan.events.values(), ...plan.pages.values(), ...plan.screens.values()]) {
    entry.sources?.forEach((source, i) => {
      if (names.includes(source)) return;
      const known = names.length ? `Declared sources: ${names.join(', ')}.` : 'The plan declares no sources: add a top-level sources: section.';
      context.report([...entry.path, 'sources', i], `Source '${source}' is not declared in the plan's sources:. ${known}`);
    });
  }
  if (!declared) return undefined;
  return { baseDir: path.dirname(context.doc.fileName), list: Object.entries(declared).map(([name, globs]) => ({ name, globs })) };
}
