import * as jsonc from 'jsonc-parser';
import { Document, isMap, isPair, isScalar, parseDocument, stringify } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { PlanDocument } from '../core/plan/document';
import type { JsonSchema } from '../core/plan/jsonSchema';
import type { PlanEntryKind, TrackingPlan } from '../core/plan/model';

export interface NewPlanEvent {
  name: string;
  kind: Extract<PlanEntryKind, 'track' | 'page' | 'screen'>;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

const SECTION: Record<NewPlanEvent['kind'], string> = { track: 'events', page: 'pages', screen: 'screens' };

/**
 * Edits that add an event to the plan file and leave everything else — formatting, comments, key
 * order — as it is. Undefined when the plan's format cannot take a new event by a plain edit.
 */
export function addEventEdits(document: PlanDocument, plan: TrackingPlan, event: NewPlanEvent): TextEdit[] | undefined {
  const entry: Record<string, unknown> = {};
  if (event.description) entry.description = event.description;
  if (event.properties && Object.keys(event.properties).length) entry.properties = event.properties;
  if (event.required?.length) entry.required = event.required;
  switch (plan.format) {
    case 'native':
      return document.language === 'yaml' ? yamlEdits(document, SECTION[event.kind], event.name, entry) : jsonEdits(document, [SECTION[event.kind], event.name], entry);
    case 'minimal-json':
      if (event.kind !== 'track') return undefined;
      return jsonEdits(document, ['events', -1], { name: event.name, ...(event.description ? { description: event.description } : {}), rules: { properties: { type: 'object', properties: event.properties ?? {}, required: event.required ?? [] } } }, true);
    case 'segment-public-api': {
      const value = document.value as { data?: unknown };
      const rulesPath = value && typeof value === 'object' && 'data' in value ? ['data', 'rules'] : ['rules'];
      return jsonEdits(document, [...rulesPath, -1], {
        key: event.name,
        type: event.kind.toUpperCase(),
        version: 1,
        jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { properties: { type: 'object', properties: event.properties ?? {}, required: event.required ?? [] } } },
      }, true);
    }
    default:
      return undefined;
  }
}

function jsonEdits(document: PlanDocument, path: jsonc.JSONPath, value: unknown, isArrayInsertion = false): TextEdit[] {
  const indent = detectIndent(document.text);
  const edits = jsonc.modify(document.text, path, value, {
    isArrayInsertion,
    formattingOptions: { insertSpaces: indent !== '\t', tabSize: indent === '\t' ? 1 : indent.length, eol: document.text.includes('\r\n') ? '\r\n' : '\n' },
  });
  return edits.map((e) => ({ range: document.rangeOfOffsets(e.offset, e.length), newText: e.content }));
}

/** Appends a block-style entry under `section:`, indented like its siblings; creates the section when absent. */
function yamlEdits(document: PlanDocument, section: string, name: string, entry: Record<string, unknown>): TextEdit[] {
  const text = document.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(text);
  const root = doc.contents;
  const sectionPair = isMap(root) ? root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === section) : undefined;
  const body = yamlEntryBody(entry);
  const keyText = stringify(name).trimEnd();
  if (!sectionPair || !isPair(sectionPair)) {
    const block = `${section}:${eol}  ${keyText}:${body ? eol + indentLines(body, '    ', eol) : ' {}'}${eol}`;
    const prefix = text.length && !text.endsWith('\n') ? eol : '';
    return [{ range: document.rangeOfOffsets(text.length, 0), newText: prefix + block }];
  }
  const map = sectionPair.value;
  if (isMap(map) && !map.flow && map.items.length) {
    const first = map.items[0];
    const firstKeyStart = isScalar(first.key) && first.key.range ? first.key.range[0] : 0;
    const indent = ' '.repeat(firstKeyStart - text.lastIndexOf('\n', firstKeyStart - 1) - 1);
    const end = map.range ? map.range[1] : text.length;
    // Insert after the last line that belongs to the map (its value end), keeping what follows untouched.
    const lineEnd = text.indexOf('\n', Math.max(end - 1, 0));
    const insertAt = lineEnd === -1 ? text.length : lineEnd + 1;
    const prefix = lineEnd === -1 ? eol : '';
    const block = `${indent}${keyText}:${body ? eol + indentLines(body, indent + '  ', eol) : ' {}'}${eol}`;
    return [{ range: document.rangeOfOffsets(insertAt, 0), newText: prefix + block }];
  }
  // An empty or flow-style section (`events: {}`): rewrite just that value as a block.
  const valueRange = map && (map as { range?: [number, number, number] }).range;
  const keyRange = isScalar(sectionPair.key) ? sectionPair.key.range : undefined;
  if (!keyRange) return [];
  const start = keyRange[0];
  const end = valueRange ? valueRange[1] : keyRange[1];
  const existing = isMap(map) ? (map.toJSON() as Record<string, unknown>) : {};
  const merged = { ...existing, [name]: Object.keys(entry).length ? entry : {} };
  const block = stringify({ [section]: merged }, { indent: 2, lineWidth: 0, flowCollectionPadding: true }).trimEnd();
  return [{ range: document.rangeOfOffsets(start, end - start), newText: block.split('\n').join(eol) }];
}

/**
 * The entry in the style plans are usually written in: one line per property with its schema as a
 * flow map (`order_id: { type: string }`), and `required: [a, b]`.
 */
function yamlEntryBody(entry: Record<string, unknown>): string {
  const lines: string[] = [];
  const flow = (value: unknown) => {
    const doc = new Document(value);
    if (isMap(doc.contents) || (doc.contents && 'flow' in doc.contents)) (doc.contents as { flow?: boolean }).flow = true;
    return doc.toString({ flowCollectionPadding: true, lineWidth: 0 }).trimEnd();
  };
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'properties' && value && typeof value === 'object') {
      lines.push('properties:');
      for (const [property, schema] of Object.entries(value)) lines.push(`  ${stringify(property).trimEnd()}: ${flow(schema)}`);
    } else if (key === 'required' && Array.isArray(value)) {
      lines.push(`required: [${value.map((v) => stringify(v).trimEnd()).join(', ')}]`);
    } else lines.push(stringify({ [key]: value }, { lineWidth: 0 }).trimEnd());
  }
  return lines.join('\n');
}

function indentLines(text: string, indent: string, eol: string): string {
  return text
    .split('\n')
    .map((line) => indent + line)
    .join(eol);
}

function detectIndent(text: string): string {
  const match = /^([ \t]+)\S/m.exec(text);
  if (!match) return '  ';
  return match[1].startsWith('\t') ? '\t' : match[1];
}
