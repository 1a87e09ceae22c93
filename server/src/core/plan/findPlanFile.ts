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

/**
 * For an editor workspace: the plan at or above `root`, else the shallowest plan file inside it
 * (a monorepo may keep it in a package), ignoring dependencies and build output.
 */
export function findPlanFileInWorkspace(root: string, globSync: (patterns: string[], options: { cwd: string; ignore: string[]; absolute: boolean; deep: number }) => string[]): string | undefined {
  const upward = findPlanFile(root);
  if (upward) return upward;
  const found = globSync(['**/tracking-plan.{yaml,yml,json}'], { cwd: root, ignore: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/.git/**'], absolute: true, deep: 4 });
  return found.sort((a, b) => a.split(/[\\/]/).length - b.split(/[\\/]/).length || a.localeCompare(b))[0];
}
