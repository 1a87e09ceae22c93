import { ts } from '@ts-morph/common';
import type { TextEdit } from 'vscode-languageserver-types';
import type { AnalyticsCall } from '../core/analysis/calls';
import { skipOuter } from '../core/analysis/syntax';
import { rangeFromOffsets } from './positions';

/**
 * The edit that adds `key: value` pairs to a call's properties: inside its object literal (keeping the
 * object's layout: one line, or one pair per line with the same indent), or as a new properties
 * argument right after the name when the call has none. Undefined when neither fits (properties from a variable).
 */
export function insertPropertiesEdit(sourceFile: ts.SourceFile, call: AnalyticsCall, pairs: string[]): TextEdit | undefined {
  const properties = call.properties && skipOuter(call.properties);
  if (properties && ts.isObjectLiteralExpression(properties)) {
    const close = properties.end - 1;
    const last = properties.properties[properties.properties.length - 1];
    if (!last) return { range: rangeFromOffsets(sourceFile, properties.getStart(sourceFile), properties.end), newText: `{ ${pairs.join(', ')} }` };
    const hasTrailingComma = properties.properties.hasTrailingComma;
    const multiline = sourceFile.text.slice(properties.getStart(sourceFile), close).includes('\n');
    if (multiline) {
      const lineStart = sourceFile.text.lastIndexOf('\n', last.getStart(sourceFile)) + 1;
      const indent = /^\s*/.exec(sourceFile.text.slice(lineStart))![0];
      const text = `${hasTrailingComma ? '' : ','}\n${pairs.map((p) => indent + p).join(',\n')}${hasTrailingComma ? ',' : ''}`;
      const at = hasTrailingComma ? sourceFile.text.indexOf(',', last.end) + 1 : last.end;
      return { range: rangeFromOffsets(sourceFile, at, at), newText: text };
    }
    return { range: rangeFromOffsets(sourceFile, last.end, last.end), newText: `, ${pairs.join(', ')}` };
  }
  if (!call.properties && call.name && ts.isCallExpression(call.node) && call.node.arguments.indexOf(call.name) === call.node.arguments.length - 1) {
    return { range: rangeFromOffsets(sourceFile, call.name.end, call.name.end), newText: `, { ${pairs.join(', ')} }` };
  }
  return undefined;
}
