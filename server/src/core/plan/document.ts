import type { Range } from '../types';
import type { PlanPath } from './model';
import { parseJsonPlan } from './jsonDocument';
import { parseYamlPlan } from './yamlDocument';

/** A syntax error in the plan file, with its offset range. */
export interface PlanSyntaxError {
  message: string;
  offset: number;
  length: number;
  /** The message is a whole sentence of its own, not a parser's message to prefix with "YAML syntax error:". */
  complete?: boolean;
}

/**
 * A key the parsed value does not keep as written: the same key twice in one object (the last one wins,
 * as in JSON.parse and YAML loaders), or `__proto__`, which is dropped so it cannot change an object's prototype.
 */
export interface PlanKeyIssue {
  kind: 'duplicate' | 'reserved';
  key: string;
  /** Path of the object holding the key. */
  parent: PlanPath;
  /** Offset range of this occurrence of the key. */
  offset: number;
  length: number;
  /** Offset of the key's first occurrence, for duplicates. */
  firstOffset?: number;
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
  keyIssues: PlanKeyIssue[];
  /** Offset range of the key (`'key'`) or the value (`'value'`) at `path`; the nearest existing ancestor when the path does not exist. */
  offsetsOf(path: PlanPath, part?: 'key' | 'value'): { offset: number; length: number };
  rangeOf(path: PlanPath, part?: 'key' | 'value'): Range;
  rangeOfOffsets(offset: number, length: number): Range;
}

/** What the JSON and YAML readers produce; offsets are relative to the text given to parsePlanDocument. */
export type ParsedPlanText = Pick<PlanDocument, 'value' | 'syntaxErrors' | 'keyIssues' | 'offsetsOf'>;

export function isYamlFileName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

export function parsePlanDocument(fileName: string, text: string): PlanDocument {
  // A BOM is not part of the content; keep offsets relative to the text we were given.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? text.slice(1) : text;
  const looksJson = /^\s*[{[]/.test(body);
  const language = isYamlFileName(fileName) && !looksJson ? 'yaml' : looksJson || /\.json$/i.test(fileName) ? 'json' : 'yaml';
  // Line starts are computed on the first request for a range: a plan without findings never needs them.
  let lineStarts: number[] | undefined;
  const rangeOfOffsets = (offset: number, length: number): Range => {
    lineStarts ??= computeLineStarts(text);
    return { start: positionAt(lineStarts, offset), end: positionAt(lineStarts, offset + length) };
  };
  const base = language === 'json' ? parseJsonPlan(body, bom) : parseYamlPlan(body, bom);
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
