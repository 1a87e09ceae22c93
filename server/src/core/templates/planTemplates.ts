import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** A starting plan written out from one of Segment's published specs, shipped in plans/templates/. */
export interface PlanTemplate {
  /** What `tracklint init --template` takes. */
  name: string;
  /** How completion and help name it. */
  title: string;
}

export const PLAN_TEMPLATES: PlanTemplate[] = [
  { name: 'ecommerce-v2', title: 'Ecommerce v2' },
  { name: 'b2b-saas', title: 'B2B SaaS' },
  { name: 'video', title: 'Video' },
  { name: 'mobile', title: 'Mobile' },
];

/**
 * The folder of the template files. They ship beside the code (the npm package and the .vsix both carry
 * plans/), so the place is known relative to this module: `dist/` in a bundle, `server/src/core/templates/`
 * when run from source.
 */
export function templatesDirectory(): string {
  const candidates = [path.resolve(__dirname, '../plans/templates'), path.resolve(__dirname, '../../../../plans/templates')];
  const found = candidates.find((dir) => existsSync(dir));
  if (!found) throw new Error(`tracklint's plan templates are missing (looked in ${candidates.join(' and ')}); reinstall tracklint.`);
  return found;
}

export function findTemplate(name: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((t) => t.name === name);
}

/** The path and text of a template's YAML. */
export function readTemplate(template: PlanTemplate): { file: string; text: string } {
  const file = path.join(templatesDirectory(), `${template.name}.yaml`);
  return { file, text: readFileSync(file, 'utf8') };
}
