import * as jsonc from 'jsonc-parser';
import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node as YamlNode } from 'yaml';
import type { Range } from '../types';
import type { PlanPath } from './model';

/** A syntax error in the plan file, with its offset range. */
export interface PlanSyntaxError {
  message: string;
  offset: number;
  length: number;
}

/**
 * A parsed plan file that can say where any value in it is written, so every plan finding
 * and every go-to-definition lands on the right line and column.
 */
export interface PlanDocument {
  fileName: string;
  text: string;
  language: 'json' | 'yaml';
  value: unknown;
  syntaxErrors: PlanSyntaxError[];
  /** Offset range of the key (`'key'`) or the value (`'value'`) at `path`; the nearest existing ancestor when the path does not exist. */
  offsetsOf(path: PlanPath, part?: 'key' | 'value'): { offset: number; length: number };
  rangeOf(path: PlanPath, part?: 'key' | 'value'): Range;
  rangeOfOffsets(offset: number, length: number): Range;
}

export function isYamlFileName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

export function parsePlanDocument(fileName: string, text: string): PlanDocument {
  // A BOM is not part of the content; keep offsets relative to the text we were given.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const looksJson = /^\s*[{[]/.test(body);
  const language = isYamlFileName(fileName) && !looksJson ? 'yaml' : looksJson || /\.json$/i.test(fileName) ? 'json' : 'yaml';
  const lineStarts = computeLineStarts(text);
  const rangeOfOffsets = (offset: number, length: number): Range => ({
    start: positionAt(lineStarts, offset),
    end: positionAt(lineStarts, offset + length),
  });
  const base = language === 'json' ? parseJson(body, bom) : parseYaml(body, bom);
  return {
    fileName,
    text,
    language,
    ...base,
    rangeOf(path, part = 'value') {
      const { offset, length } = base.offsetsOf(path, part);
      return rangeOfOffsets(offset, length);
    },
    rangeOfOffsets,
  };
}

type ParsedBase = Pick<PlanDocument, 'value' | 'syntaxErrors' | 'offsetsOf'>;

function parseJson(text: string, shift: number): ParsedBase {
  const errors: jsonc.ParseError[] = [];
  const root = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const value = root ? jsonc.getNodeValue(root) : undefined;
  const seen = new Set<string>();
  const syntaxErrors = errors
    .map((e) => ({ message: jsonErrorMessage(e.error), offset: e.offset + shift, length: Math.max(e.length, 1) }))
    .filter((e) => !seen.has(`${e.offset}:${e.message}`) && seen.add(`${e.offset}:${e.message}`));
  return {
    value,
    syntaxErrors,
    offsetsOf(path, part = 'value') {
      if (!root) return { offset: shift, length: 0 };
      let node: jsonc.Node = root;
      for (const segment of path) {
        const next = jsonc.findNodeAtLocation(node, [segment]);
        if (!next) break;
        node = next;
      }
      if (part === 'key' && node.parent?.type === 'property' && node.parent.children?.[0]) {
        const key = node.parent.children[0];
        return { offset: key.offset + shift, length: key.length };
      }
      return { offset: node.offset + shift, length: node.length };
    },
  };
}

function parseYaml(text: string, shift: number): ParsedBase {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const syntaxErrors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    offset: e.pos[0] + shift,
    length: Math.max(e.pos[1] - e.pos[0], 1),
  }));
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    syntaxErrors.push({ message: (error as Error).message, offset: shift, length: 1 });
  }
  return {
    value,
    syntaxErrors,
    offsetsOf(path, part = 'value') {
      let node: unknown = doc.contents;
      let keyNode: unknown;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && scalarKey(p.key) === String(segment));
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

function scalarKey(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10) starts.push(i + 1);
  }
  return starts;
}

function positionAt(lineStarts: number[], offset: number) {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
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
