import * as path from 'node:path';
import { ts } from '@ts-morph/common';
import type { AnalyticsCall } from '../core/analysis/calls';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { resolveNames } from '../core/analysis/names';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { callName } from './completion';
import { callAtPosition } from './cursor';
import { entryMarkdown, propertyMarkdown } from './planMarkdown';
import { entryForCall, namedEntriesFor, ownerLabel, propertiesAt } from './planLookup';
import { rangeFromOffsets } from './positions';
import { destinationsMarkdown } from './destinations';
import { skipOuter, staticPropertyName } from '../core/analysis/syntax';

/** Hover on an event name shows its plan entry; on a property key, its schema. */
export function doHover(workspace: AnalysisWorkspace, fileName: string, position: Position): Hover | null {
  const at = callAtPosition(workspace, fileName, position);
  if (!at) return null;
  const { plan, sourceFile, offset, call, checker } = at;
  if (call.name && offset >= call.name.getStart(sourceFile) && offset <= call.name.end) {
    const names = resolveNames(call.name, checker, call.prefix, call.suffix);
    const entries = namedEntriesFor(plan, call.kind);
    if (names.kind !== 'static' || !entries) return null;
    const sections = names.names.map((n) => {
      const entry = entries.get(n.value);
      return entry ? entryMarkdown(entry) + destinationsMarkdown(plan, entry) : `**${n.value}** is not in the tracking plan.`;
    });
    const through = throughLine(call, workspace.root);
    return {
      contents: { kind: MarkupKind.Markdown, value: [...new Set(sections)].join('\n\n---\n\n') + (through ? `\n\n---\n\n${through}` : '') },
      range: rangeFromOffsets(sourceFile, call.name.getStart(sourceFile), call.name.end),
    };
  }
  const properties = call.properties && skipOuter(call.properties);
  if (!properties || !ts.isObjectLiteralExpression(properties)) return null;
  const entry = entryForCall(plan, call.kind, callName(call, checker));
  if (!entry) return null;
  const found = keyAt(properties, offset, sourceFile, []);
  if (!found) return null;
  const planned = propertiesAt(plan, entry, found.path.slice(0, -1));
  const key = found.path[found.path.length - 1];
  const schema = planned?.properties[key];
  if (!planned || !schema) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: propertyMarkdown(found.path.join('.'), schema, planned.required.includes(key), ownerLabel(entry)) },
    range: rangeFromOffsets(sourceFile, found.node.getStart(sourceFile), found.node.end),
  };
}

/** Which wrapper a call goes through and which call that makes, for calls that are not direct SDK calls. */
export function throughLine(call: AnalyticsCall, root: string): string | undefined {
  const affixes = [call.prefix && `prefix \`${call.prefix}\``, call.suffix && `suffix \`${call.suffix}\``].filter(Boolean).join(' and ');
  const adds = affixes ? `, which adds the ${affixes}` : '';
  const wrapper = call.wrapper;
  if (wrapper) {
    const where = `${path.relative(root, wrapper.file).split(path.sep).join('/')}:${wrapper.line + 1}`;
    const maps = [...wrapper.chain, wrapper.target].map((c) => `\`${c}\``).join(' → ');
    return `Sent through the wrapper \`${wrapper.name}\` (${where}), inferred: it calls ${maps}${adds}.`;
  }
  if (call.declared) return `Sent through \`${call.declared.callee}\`, declared in the plan's \`callees:\`${adds}.`;
  return undefined;
}

function keyAt(object: ts.ObjectLiteralExpression, offset: number, sourceFile: ts.SourceFile, path: string[]): { node: ts.Node; path: string[] } | undefined {
  for (const element of object.properties) {
    if (!(ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element))) continue;
    const key = staticPropertyName(element.name);
    if (key === undefined) continue;
    if (offset >= element.name.getStart(sourceFile) && offset <= element.name.end) return { node: element.name, path: [...path, key] };
    if (ts.isPropertyAssignment(element)) {
      const value = skipOuter(element.initializer);
      if (ts.isObjectLiteralExpression(value) && offset > value.getStart(sourceFile) && offset < value.end) return keyAt(value, offset, sourceFile, [...path, key]);
    }
  }
  return undefined;
}
