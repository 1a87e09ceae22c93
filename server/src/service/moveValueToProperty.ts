import { ts } from '@ts-morph/common';
import type { Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { skipOuter } from '../core/analysis/syntax';
import { nameParts } from '../core/analysis/nameParts';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { preferredQuote } from './completion';
import { callAt } from './cursor';
import { offsetAt } from './positions';
import { insertPropertiesEdit } from './propertyInsertion';
import { propertyKeyText, quoted } from './snippets';

/**
 * The event-name-contains-value fix: `` track(`Read Blog Post - ${title}`, { a: 1 }) `` becomes
 * `track('Read Blog Post', { a: 1, title })`. LSP code actions cannot ask for a name, so the key is the
 * one the finding proposes (the name the value is read by, in the plan's convention), ready to rename.
 */
export function moveValueToPropertyEdit(workspace: AnalysisWorkspace, sourceFile: ts.SourceFile, uri: string, range: Range, stable: string, key: string): WorkspaceEdit | undefined {
  const start = offsetAt(sourceFile, range.start);
  const call = callAt(workspace.calls(sourceFile), start, sourceFile);
  const name = call?.name;
  if (!call || !name || name.getStart(sourceFile) !== start || name.end !== offsetAt(sourceFile, range.end)) return undefined;
  const parts = nameParts(name);
  if (parts?.varying.length !== 1) return undefined;
  const value = skipOuter(parts.varying[0]);
  // A key the call already sends would be overwritten: leave that to the developer.
  const properties = call.properties && skipOuter(call.properties);
  if (properties && ts.isObjectLiteralExpression(properties) && properties.properties.some((p) => p.name && p.name.getText(sourceFile).replace(/^['"]|['"]$/g, '') === key)) return undefined;
  const quote = preferredQuote(sourceFile);
  const valueText = value.getText(sourceFile);
  const pair = ts.isIdentifier(value) && value.text === key ? key : `${propertyKeyText(key, quote)}: ${valueText}`;
  const insert = insertPropertiesEdit(sourceFile, call, [pair]);
  if (!insert) return undefined;
  return { changes: { [uri]: [{ range, newText: quoted(stable, quote) }, insert] } };
}
