import { distance } from 'fastest-levenshtein';

/**
 * Plans often decorate every name the same way: `Create Tenant - [Tenants]`, `Web: Order Completed`,
 * `[App] Opened`. Code that writes `create_tenant` means the planned name, but the decoration is too long
 * for an edit distance to cross, and names that share only the decoration look alike to it.
 * This module finds the decorations a plan's names share and compares names without them, token by token.
 */

type DecorationKind = 'bracket-suffix' | 'bracket-prefix' | 'label-prefix';

/** Each decoration and the name without it (group 1); suffixes are stripped before prefixes. */
const DECORATIONS: [DecorationKind, RegExp][] = [
  ['bracket-suffix', /^(.*?\S)[\s\-–—|:·]*[[(][^[\]()]*[\])]\s*$/],
  ['bracket-prefix', /^\s*[[(][^[\]()]*[\])][\s\-–—|:·]*(\S.*)$/],
  ['label-prefix', /^[A-Za-z]\w*(?: \w+){0,2}:\s+(\S.*)$/],
];

/** Longer names are not plan names anyone decorates; they are compared whole. */
const MAX_DECORATED_LENGTH = 200;

/**
 * Plan names are judged again for every unknown name in every file: what each carries and its words are
 * remembered, within bounds, so a 5,000-event plan costs map lookups rather than regular expressions.
 */
const MAX_REMEMBERED = 50_000;
const kindsOfName = new Map<string, DecorationKind[]>();
/** By the shared decorations' key, then by name. */
const formsOfName = new Map<string, Map<string, NameForm>>();

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** The decorations a name carries on its own. */
function decorationsOf(name: string): DecorationKind[] {
  return remember(kindsOfName, name, () => (name.length > MAX_DECORATED_LENGTH ? [] : DECORATIONS.filter(([, pattern]) => pattern.test(name)).map(([kind]) => kind)));
}

/** The decorations a plan's names share: a decoration is the plan's when at least two of its names, and at least a third of them, carry it. */
export class SharedDecorations {
  readonly kinds: Set<DecorationKind>;
  private readonly forms: Map<string, NameForm>;

  constructor(names: readonly string[]) {
    const counts = new Map<DecorationKind, number>();
    for (const name of names) for (const kind of decorationsOf(name)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    this.kinds = new Set([...counts].filter(([, count]) => count >= 2 && count * 3 >= names.length).map(([kind]) => kind));
    const key = [...this.kinds].join(',');
    let forms = formsOfName.get(key);
    if (!forms) formsOfName.set(key, (forms = new Map()));
    this.forms = forms;
  }

  get any(): boolean {
    return this.kinds.size > 0;
  }

  /** Whether the name carries a shared decoration, and its words without the shared decorations and with them. */
  form(name: string): NameForm {
    return remember(this.forms, name, () => {
      const decorated = decorationsOf(name).some((kind) => this.kinds.has(kind));
      return { decorated, core: words(decorated ? this.strip(name) : name), full: words(name) };
    });
  }

  private strip(name: string): string {
    let rest = name;
    for (const [kind, pattern] of DECORATIONS) {
      if (!this.kinds.has(kind)) continue;
      const match = pattern.exec(rest);
      if (match) rest = match[1];
    }
    return rest;
  }
}

interface Words {
  list: string[];
  joined: string;
}

export interface NameForm {
  decorated: boolean;
  core: Words;
  full: Words;
}

/** `createTenant`, `create_tenant`, `Create Tenant - [Tenants]` → words in lower case (brackets and separators dropped). */
function words(text: string): Words {
  const list = text
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return { list, joined: list.join('') };
}

/** Edits a word may differ by: none for short words, where one edit makes another word (`open`, `opened`). */
function wordBudget(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 7 ? 1 : 2;
}

/** 0 when the words are the same run together, the sum of per-word edits when each word is within its budget, else undefined. */
function wordsDistance(written: Words, planned: Words): number | undefined {
  if (!written.list.length || !planned.list.length) return undefined;
  if (written.joined === planned.joined) return 0;
  if (written.list.length !== planned.list.length) return undefined;
  let total = 0;
  for (let i = 0; i < planned.list.length; i++) {
    const a = written.list[i];
    const b = planned.list[i];
    const budget = wordBudget(b);
    if (a === b) continue;
    if (Math.abs(a.length - b.length) > budget) return undefined;
    const edits = distance(a, b);
    if (edits > budget) return undefined;
    total += edits;
  }
  return total;
}

/**
 * How far the code's name is from a decorated planned name: compared without the decorations
 * (`create_tenant` ~ `Create Tenant`), or whole with the decoration's words (`app-opened` ~ `[App] Opened`).
 * Undefined when no comparison is close: names that share only the decoration are not alike.
 */
export function decoratedDistance(written: NameForm, planned: NameForm): number | undefined {
  const core = wordsDistance(written.core, planned.core);
  const full = wordsDistance(written.full, planned.full);
  return core === undefined ? full : full === undefined ? core : Math.min(core, full);
}
