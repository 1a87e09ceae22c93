import { distance } from 'fastest-levenshtein';
import { decoratedDistance, SharedDecorations } from './decoratedNames';

const foldedNames = new Map<string, string>();

/** Lower-cased, with spaces, underscores, dashes and dots removed: `purchase_completed` ≡ `Purchase Completed`. */
export function foldName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = name.toLowerCase().replace(/[\s_\-.:/]+/g, '');
    // Plan names are folded again for every unknown name: remember them, within bounds.
    if (foldedNames.size > 50_000) foldedNames.clear();
    foldedNames.set(name, folded);
  }
  return folded;
}

/**
 * Planned names the user probably meant, best first: names equal after folding case and separators,
 * then names equal without the decoration the planned names share (`Create Tenant - [Tenants]` for
 * `create_tenant`), then names within an edit distance that grows with the name's length (word by word
 * for decorated names).
 */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const folded = foldName(name);
  const exactFolded: string[] = [];
  const exactUndecorated: string[] = [];
  const near: { candidate: string; score: number }[] = [];
  const budget = Math.max(1, Math.min(4, Math.floor(folded.length / 3)));
  const list = [...candidates];
  const shared = new SharedDecorations(list);
  const written = shared.any ? shared.form(name) : undefined;
  for (const candidate of list) {
    if (candidate === name) continue;
    const candidateFolded = foldName(candidate);
    if (candidateFolded === folded) {
      exactFolded.push(candidate);
      continue;
    }
    const form = written && shared.form(candidate);
    if (form && form.decorated) {
      // The whole-name distance would count the decoration: `Foo - [Tenants]` looks like `Bar - [Tenants]`.
      const score = decoratedDistance(written, form);
      if (score === 0) exactUndecorated.push(candidate);
      else if (score !== undefined) near.push({ candidate, score });
      continue;
    }
    // Cheap length filter before the O(n·m) distance.
    if (Math.abs(candidateFolded.length - folded.length) > budget) continue;
    const score = distance(folded, candidateFolded);
    if (score <= budget) near.push({ candidate, score });
  }
  near.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return [...exactFolded.sort(), ...exactUndecorated.sort(), ...near.map((n) => n.candidate)].slice(0, limit);
}
