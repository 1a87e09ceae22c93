import type { EventCasing } from '../plan/model';

/** Human names of conventions, as messages show them. */
export const CASING_NAMES: Record<EventCasing, string> = {
  title: 'Title Case',
  snake: 'snake_case',
  camel: 'camelCase',
  pascal: 'PascalCase',
  kebab: 'kebab-case',
  any: 'any case',
};

const WORD_CHARS = '\\p{L}\\p{N}';
const PATTERNS: Record<Exclude<EventCasing, 'any'>, RegExp> = {
  // Every word starts upper-case; digits may stand alone ("Step 2 Viewed").
  title: new RegExp(`^[\\p{Lu}\\p{N}][${WORD_CHARS}]*( [\\p{Lu}\\p{N}][${WORD_CHARS}]*)*$`, 'u'),
  snake: new RegExp(`^[\\p{Ll}\\p{N}]+(_[\\p{Ll}\\p{N}]+)*$`, 'u'),
  kebab: new RegExp(`^[\\p{Ll}\\p{N}]+(-[\\p{Ll}\\p{N}]+)*$`, 'u'),
  camel: new RegExp(`^\\p{Ll}[\\p{Ll}\\p{N}]*(\\p{Lu}[\\p{Ll}\\p{N}]*)*$`, 'u'),
  pascal: new RegExp(`^\\p{Lu}[\\p{Ll}\\p{N}]*(\\p{Lu}[\\p{Ll}\\p{N}]*)*$`, 'u'),
};

export function matchesCasing(name: string, casing: EventCasing): boolean {
  return casing === 'any' || PATTERNS[casing].test(name);
}

/** Splits `orderCompleted`, `Order Completed`, `order_completed`, `order-completed`, `HTTPRequest` into words. */
export function splitWords(name: string): string[] {
  return name
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The name rewritten in the convention, keeping its words. */
export function toCasing(name: string, casing: EventCasing): string {
  const words = splitWords(name);
  if (casing === 'any' || words.length === 0) return name;
  const lower = words.map((w) => w.toLowerCase());
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  switch (casing) {
    case 'title':
      return lower.map(capital).join(' ');
    case 'snake':
      return lower.join('_');
    case 'kebab':
      return lower.join('-');
    case 'camel':
      return lower[0] + lower.slice(1).map(capital).join('');
    case 'pascal':
      return lower.map(capital).join('');
  }
}
