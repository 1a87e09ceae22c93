import { Lexer, parseDocument, isAlias, isMap, isSeq, isScalar, isPair, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { ParsedPlanText, PlanKeyIssue, PlanSyntaxError } from './document';
import type { PlanPath } from './model';
import { MAX_PLAN_DEPTH, TOO_DEEP_MESSAGE } from './nesting';

/** The yaml library catches its own stack overflow on very deep nesting and reports it with this message. */
const STACK_OVERFLOW = 'Maximum call stack size exceeded';

/**
 * Reads a YAML plan. Duplicate keys are allowed by the parser and reported as key issues (the last one
 * wins); `__proto__` keys are reported and dropped; aliases may be reused (at most 100 expansions, against
 * "billion laughs"), but an alias inside the node it names, which would make the value cyclic, is an error.
 * `shift` is added to every offset (the length of a BOM the text was given without).
 */
export function parseYamlPlan(text: string, shift: number): ParsedPlanText {
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const syntaxErrors: PlanSyntaxError[] = doc.errors
    .filter((e) => e.message !== STACK_OVERFLOW)
    .map((e) => ({ message: e.message.split('\n')[0], offset: e.pos[0] + shift, length: Math.max(e.pos[1] - e.pos[0], 1) }));
  const overflow = doc.errors.find((e) => e.message === STACK_OVERFLOW);
  if (overflow) {
    // Where (and how often) the parser ran out of stack depends on the caller's stack; the first bracket too deep does not.
    syntaxErrors.unshift({ message: TOO_DEEP_MESSAGE, offset: (flowDepthExceededAt(text) ?? overflow.pos[0]) + shift, length: 1, complete: true });
  }
  const keyIssues: PlanKeyIssue[] = [];
  if (!syntaxErrors.length) {
    const structural = inspectStructure(doc, keyIssues, shift);
    if (structural) syntaxErrors.push(structural);
  }
  let value: unknown;
  if (!syntaxErrors.length) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      syntaxErrors.push({ message: (error as Error).message, offset: shift, length: 1 });
    }
  }
  return {
    value,
    syntaxErrors,
    keyIssues,
    offsetsOf(path, part = 'value') {
      let node: unknown = doc.contents;
      let keyNode: unknown;
      for (const segment of path) {
        if (isMap(node)) {
          // The last pair of a repeated key: its value is the one the plan uses.
          const pair = node.items.findLast((p) => isPair(p) && scalarKey(p.key) === String(segment));
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value ?? pair.key;
        } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
          keyNode = undefined;
          node = node.items[segment];
        } else break;
      }
      const target = (part === 'key' && keyNode ? keyNode : node) as YamlNode | undefined;
      const range = target?.range;
      if (!range) return { offset: shift, length: 0 };
      return { offset: range[0] + shift, length: Math.max(range[1] - range[0], 0) };
    },
  };
}

/** The lexer's markers that stand for no source text (document start, flow end, scalar start). */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/** The offset of the first flow bracket that opens a collection deeper than the limit, from the lexer's tokens (no recursion). */
function flowDepthExceededAt(text: string): number | undefined {
  let offset = 0;
  let depth = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_PLAN_DEPTH) return offset;
    } else if (token === ']' || token === '}') depth--;
    if (!MARKERS.has(token)) offset += token.length;
  }
  return undefined;
}

function scalarKey(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * Walks the document once (aliases are followed to measure depth, but each node is inspected once):
 * reports repeated and `__proto__` keys, removes the latter, and returns the error that makes the value
 * unreadable: an alias cycle, or nesting beyond the limit.
 */
function inspectStructure(doc: Document, issues: PlanKeyIssue[], shift: number): PlanSyntaxError | undefined {
  const heights = new Map<unknown, number>();
  const open = new Set<unknown>();
  const reserved: { map: YAMLMap; pair: Pair }[] = [];
  let cycle: YamlNode | undefined;

  const height = (node: unknown, path: PlanPath): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (open.has(target)) {
        cycle ??= node;
        return 0;
      }
      return target ? height(target, path) : 0;
    }
    if (!isMap(node) && !isSeq(node)) return 0;
    const known = heights.get(node);
    if (known !== undefined) return known;
    open.add(node);
    let inner = 0;
    if (isSeq(node)) node.items.forEach((item, index) => (inner = Math.max(inner, height(item, [...path, index]))));
    else {
      const first = new Map<string, YamlNode>();
      for (const pair of node.items) {
        const key = scalarKey(pair.key);
        const keyNode = pair.key as YamlNode;
        if (key !== undefined && keyNode.range) {
          const where = { key, parent: path, offset: keyNode.range[0] + shift, length: keyNode.range[1] - keyNode.range[0] };
          const earlier = first.get(key);
          if (key === '__proto__') {
            issues.push({ kind: 'reserved', ...where });
            reserved.push({ map: node, pair });
            continue;
          }
          if (earlier?.range) issues.push({ kind: 'duplicate', ...where, firstOffset: earlier.range[0] + shift });
          else first.set(key, keyNode);
        }
        inner = Math.max(inner, height(pair.value, [...path, key ?? '']));
      }
    }
    open.delete(node);
    heights.set(node, inner + 1);
    return inner + 1;
  };

  const total = height(doc.contents, []);
  for (const { map, pair } of reserved) map.items.splice(map.items.indexOf(pair), 1);
  if (cycle?.range) {
    const source = isAlias(cycle) ? cycle.source : '';
    return {
      message: `The alias *${source} is inside the node it refers to, so the plan would contain itself; tracklint cannot read it.`,
      offset: cycle.range[0] + shift,
      length: cycle.range[1] - cycle.range[0],
      complete: true,
    };
  }
  if (total <= MAX_PLAN_DEPTH) return undefined;
  // Follow the deepest branch down to the first collection beyond the limit.
  let node: unknown = doc.contents;
  let shown: unknown = node;
  for (let level = 1; level <= MAX_PLAN_DEPTH; level++) {
    const children: unknown[] = isSeq(node) ? node.items : isMap(node) ? node.items.map((p) => p.value) : [];
    const deepest = children.reduce<unknown>((best, child) => (depthOf(child) > depthOf(best) ? child : best), undefined);
    shown = deepest;
    node = isAlias(deepest) ? deepest.resolve(doc) : deepest;
  }
  const range = (shown as YamlNode | undefined)?.range ?? [0, 1];
  return { message: TOO_DEEP_MESSAGE, offset: range[0] + shift, length: 1, complete: true };

  function depthOf(node: unknown): number {
    const target = isAlias(node) ? node.resolve(doc) : node;
    return heights.get(target) ?? -1;
  }
}
