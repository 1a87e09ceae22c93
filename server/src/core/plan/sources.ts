import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * The parts of a codebase a plan names (`sources: { web: ["apps/web/**"], server: ["services/**"] }`),
 * each a list of globs matched against paths relative to the plan file's folder.
 */
export interface PlanSource {
  name: string;
  globs: string[];
}

export interface PlanSources {
  /** The folder the globs are relative to: the plan file's own. */
  baseDir: string;
  /** In the plan's order: a file belongs to the first source whose globs match it. */
  list: PlanSource[];
}

const matchers = new WeakMap<PlanSources, { name: string; matches: (relative: string) => boolean }[]>();

/**
 * The source a file belongs to: the first whose globs match its path relative to the plan's folder
 * (with `/` separators), or undefined when none does (or the plan declares no sources).
 */
export function sourceOfFile(sources: PlanSources | undefined, fileName: string): string | undefined {
  if (!sources?.list.length) return undefined;
  let compiled = matchers.get(sources);
  if (!compiled) {
    compiled = sources.list.map((s) => ({ name: s.name, matches: compileGlobs(s.globs) }));
    matchers.set(sources, compiled);
  }
  const relative = path.relative(sources.baseDir, fileName).split(path.sep).join('/');
  return compiled.find((s) => s.matches(relative))?.name;
}

/** A matcher for the globs; one picomatch cannot compile matches nothing rather than failing the whole check. */
function compileGlobs(globs: string[]): (relative: string) => boolean {
  const matchers = globs.flatMap((glob) => {
    try {
      return [picomatch(glob, { dot: true })];
    } catch {
      return [];
    }
  });
  return (relative) => matchers.some((matches) => matches(relative));
}
