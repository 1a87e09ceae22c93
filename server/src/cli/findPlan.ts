import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const PLAN_FILE_NAMES = ['tracking-plan.yaml', 'tracking-plan.yml', 'tracking-plan.json'];

/** The nearest `tracking-plan.{yaml,yml,json}` (or `plans/tracking-plan.*`) at or above `start`. */
export function findPlanFile(start: string): string | undefined {
  let dir = path.resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    for (const folder of ['', 'plans']) {
      for (const name of PLAN_FILE_NAMES) {
        const candidate = path.join(dir, folder, name);
        if (existsSync(candidate)) return candidate;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
