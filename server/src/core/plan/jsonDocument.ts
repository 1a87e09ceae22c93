import * as jsonc from 'jsonc-parser';
import type { ParsedPlanText, PlanKeyIssue, PlanSyntaxError } from './document';
import type { PlanPath } from './model';
import { MAX_PLAN_DEPTH, TOO_DEEP_MESSAGE } from './nesting';

const PARSE_OPTIONS: jsonc.ParseOptions = { allowTrailingComma: true, disallowComments: false };

/**
 * Reads a JSON plan (comments and trailing commas allowed). Strict JSON without duplicate keys, the
 * common case and the one of multi-megabyte exports, takes JSON.parse and builds the syntax tree only
 * when a location is asked for; anything else goes through jsonc-parser's tree.
 * `shift` is added to every offset (the length of a BOM the text was given without).
 */
export function parseJsonPlan(text: string, shift: number): ParsedPlanText {
  const strict = parseStrict(text);
  if (strict) {
    const shape = inspectValue(strict.value);
    if (shape.depth > MAX_PLAN_DEPTH) return tooDeep(text, shift);
    if (!shape.reservedKey && shape.keys === countKeysInText(text)) {
      let root: jsonc.Node | undefined | null = null;
      const offsetsOf = (path: PlanPath, part?: 'key' | 'value') => {
        if (root === null) root = jsonc.parseTree(text, [], PARSE_OPTIONS);
        return offsetsIn(root, path, part, shift);
      };
      return { value: strict.value, syntaxErrors: [], keyIssues: [], offsetsOf };
    }
  }
  if (depthExceededAt(text) !== undefined) return tooDeep(text, shift);
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, PARSE_OPTIONS);
  const keyIssues: PlanKeyIssue[] = [];
  const value = root ? valueOf(root, [], keyIssues, shift) : undefined;
  const seen = new Set<string>();
  const syntaxErrors = errors
    .map((e) => ({ message: jsonErrorMessage(e.error), offset: e.offset + shift, length: Math.max(e.length, 1) }))
    .filter((e) => !seen.has(`${e.offset}:${e.message}`) && seen.add(`${e.offset}:${e.message}`));
  return { value, syntaxErrors, keyIssues, offsetsOf: (path, part) => offsetsIn(root, path, part, shift) };
}

function parseStrict(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function tooDeep(text: string, shift: number): ParsedPlanText {
  const error: PlanSyntaxError = { message: TOO_DEEP_MESSAGE, offset: (depthExceededAt(text) ?? 0) + shift, length: 1, complete: true };
  return { value: undefined, syntaxErrors: [error], keyIssues: [], offsetsOf: () => ({ offset: shift, length: 0 }) };
}

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values, spelled out.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/** The offset of the first bracket that opens a collection deeper than the limit, scanning without recursion. */
function depthExceededAt(text: string): number | undefined {
  const scanner = jsonc.createScanner(text, false);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > MAX_PLAN_DEPTH) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

/** Nesting depth, number of object keys, and whether `__proto__` is one of them, without recursion. */
function inspectValue(value: unknown): { depth: number; keys: number; reservedKey: boolean } {
  let depth = 0;
  let keys = 0;
  let reservedKey = false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [current, level] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (level > depth) depth = level;
    if (Array.isArray(current)) {
      for (const item of current) stack.push([item, level + 1]);
      continue;
    }
    for (const key of Object.keys(current)) {
      keys++;
      if (key === '__proto__') reservedKey = true;
      stack.push([(current as Record<string, unknown>)[key], level + 1]);
    }
  }
  return { depth, keys, reservedKey };
}

/**
 * The number of object keys written in strict JSON text: strings followed by a colon. When it exceeds
 * the keys of the parsed value, some object names a key twice.
 */
function countKeysInText(text: string): number {
  let count = 0;
  let index = 0;
  for (;;) {
    const open = text.indexOf('"', index);
    if (open < 0) return count;
    let close = open;
    for (;;) {
      close = text.indexOf('"', close + 1);
      if (close < 0) return count;
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === 92 /* \ */) backslashes++;
      if (backslashes % 2 === 0) break;
    }
    index = close + 1;
    let next = text.charCodeAt(index);
    while (next === 32 || next === 9 || next === 10 || next === 13) next = text.charCodeAt(++index);
    if (next === 58 /* : */) count++;
  }
}

/** The value of a syntax tree node, as JSON.parse would build it, minus `__proto__` keys; reports repeated and dropped keys. */
function valueOf(node: jsonc.Node, path: PlanPath, issues: PlanKeyIssue[], shift: number): unknown {
  if (node.type === 'array') return (node.children ?? []).map((child, index) => valueOf(child, [...path, index], issues, shift));
  if (node.type !== 'object') return node.value;
  const result: Record<string, unknown> = {};
  const first = new Map<string, jsonc.Node>();
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode) continue;
    const key = String(keyNode.value);
    const where = { key, parent: path, offset: keyNode.offset + shift, length: keyNode.length };
    if (key === '__proto__') {
      issues.push({ kind: 'reserved', ...where });
      continue;
    }
    const earlier = first.get(key);
    if (earlier) issues.push({ kind: 'duplicate', ...where, firstOffset: earlier.offset + shift });
    else first.set(key, keyNode);
    if (valueNode) result[key] = valueOf(valueNode, [...path, key], issues, shift);
  }
  return result;
}

function offsetsIn(root: jsonc.Node | undefined, path: PlanPath, part: 'key' | 'value' = 'value', shift: number) {
  if (!root) return { offset: shift, length: 0 };
  let node: jsonc.Node = root;
  for (const segment of path) {
    const next = childAt(node, segment);
    if (!next) break;
    node = next;
  }
  if (part === 'key' && node.parent?.type === 'property' && node.parent.children?.[0]) {
    const key = node.parent.children[0];
    return { offset: key.offset + shift, length: key.length };
  }
  return { offset: node.offset + shift, length: node.length };
}

/** The child at a key or index; for a key written twice, the last one, whose value is the one used. */
function childAt(node: jsonc.Node, segment: string | number): jsonc.Node | undefined {
  if (node.type === 'array') return typeof segment === 'number' ? node.children?.[segment] : undefined;
  if (node.type !== 'object') return undefined;
  const property = node.children?.findLast((p) => p.children?.[0]?.value === String(segment));
  return property?.children?.[1];
}

const JSON_ERROR_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace } expected',
  CloseBracketExpected: 'Closing bracket ] expected',
  EndOfFileExpected: 'End of file expected',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfComment: 'Unterminated comment',
  InvalidCharacter: 'Invalid character',
};

function jsonErrorMessage(code: jsonc.ParseErrorCode): string {
  const name = jsonc.printParseErrorCode(code);
  return JSON_ERROR_MESSAGES[name] ?? `JSON syntax error (${name})`;
}
