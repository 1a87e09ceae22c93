import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLAN_FILE_NAMES } from '../core/plan/findPlanFile';
import type { TrackingPlan } from '../core/plan/model';
import { nativePlanYaml } from '../core/plan/write/nativePlanWriter';
import type { Finding } from '../core/types';
import { type CliIO, EXIT_USAGE } from './commandSupport';

/**
 * Where a command that writes a plan (init, import, pull) puts it: `--out` (`-` for stdout), or
 * tracking-plan.yaml in `folder`. Returns the exit status instead when that would replace an existing plan
 * without --force: a plan is the team's work, never overwritten by accident.
 */
export function planOutputTarget(io: CliIO, out: string | undefined, folder: string, force: boolean): string | number {
  if (out === '-') return '-';
  const file = out !== undefined ? path.resolve(io.cwd, out) : path.join(folder, 'tracking-plan.yaml');
  const existing = out !== undefined ? (existsSync(file) ? file : undefined) : PLAN_FILE_NAMES.map((name) => path.join(folder, name)).find((f) => existsSync(f));
  if (existing !== undefined && !force) {
    io.stderr(`tracklint: ${relative(io, existing)} already exists; pass --force to overwrite it${out === undefined ? ', or --out FILE to write elsewhere' : ''}.\n`);
    return EXIT_USAGE;
  }
  return file;
}

/** Where a written plan's editor finds the schema: in the installed package, beside the project's plan. */
export const INSTALLED_SCHEMA_COMMENT = 'yaml-language-server: $schema=./node_modules/tracklint/plans/tracking-plan.schema.json';

/** Writes a plan model as native YAML, headed by the schema comment and `notes` (what wrote it, from what). */
export function writeNativePlan(io: CliIO, target: string, plan: TrackingPlan, notes: string[]): void {
  writePlanOutput(io, target, nativePlanYaml(plan, [INSTALLED_SCHEMA_COMMENT, ...notes]));
}

/** Writes the plan text to the target from {@link planOutputTarget}. */
export function writePlanOutput(io: CliIO, target: string, text: string): void {
  if (target === '-') {
    io.stdout(text);
    return;
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

/** Where a message names a file: relative to the working directory when inside it. */
export function relative(io: CliIO, file: string): string {
  const rel = path.relative(io.cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Plan findings as `file:line:column  severity  message` lines, for commands that read a plan but do not check code. */
export function planFindingLines(io: CliIO, findings: Finding[]): string {
  return findings.map((f) => `${relative(io, f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.message}\n`).join('');
}

/** "12 events, 2 pages, identify traits": what a plan holds, for the line a command ends with. */
export function planSummary(plan: { events: Map<string, unknown>; pages: Map<string, unknown>; screens: Map<string, unknown>; identify?: unknown; group?: unknown; common?: unknown }): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const parts = [count(plan.events.size, 'event')];
  if (plan.pages.size) parts.push(count(plan.pages.size, 'page'));
  if (plan.screens.size) parts.push(count(plan.screens.size, 'screen'));
  if (plan.identify) parts.push('identify traits');
  if (plan.group) parts.push('group traits');
  if (plan.common) parts.push('common properties');
  return parts.join(', ');
}
