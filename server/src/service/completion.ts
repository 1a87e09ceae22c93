import { ts } from '@ts-morph/common';
import { CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { AnalyticsCall } from '../core/analysis/calls';
import { resolveCallNames } from '../core/analysis/names';
import { describeSchema } from '../core/plan/jsonSchema';
import type { ArgumentRef, PlanEntry, TrackingPlan } from '../core/plan/model';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { callAtPosition, cursorContext, type CursorContext } from './cursor';
import { entryMarkdown, propertyMarkdown } from './planMarkdown';
import { entryForCall, namedEntriesFor, ownerLabel, propertiesAt, withoutAffixes } from './planLookup';
import { escapeSnippet, placeholderFor, propertyKeyText, quoted } from './snippets';
import { rangeFromOffsets } from './positions';
import { destinationCompletion } from './destinations';
import { specCompletionSource } from './specCompletion';

export const COMPLETION_TRIGGER_CHARACTERS = ["'", '"', '`', '{'];

/** Completion inside analytics calls: plan names, property keys not yet sent, and enum values. */
export function doComplete(workspace: AnalysisWorkspace, fileName: string, position: Position): CompletionList | null {
  const spec = specCompletionSource(workspace);
  const at = callAtPosition(workspace, fileName, position, spec?.plan ?? workspace.plan);
  if (!at) return null;
  const { plan, sourceFile, offset, call, checker } = at;
  const destinations = destinationCompletion(at);
  if (destinations) return destinations;
  const context = cursorContext(call, offset, sourceFile);
  if (!context) return null;
  switch (context.kind) {
    case 'name':
    case 'emptyArguments':
      return { isIncomplete: false, items: nameItems(plan, context, sourceFile, spec?.detail) };
    case 'propertyKey':
    case 'propertyValue': {
      const entry = entryForCall(plan, call.kind, callName(call, checker));
      if (!entry) return null;
      return { isIncomplete: false, items: context.kind === 'propertyKey' ? keyItems(plan, entry, context, sourceFile) : valueItems(plan, entry, context, sourceFile) };
    }
    default:
      return null;
  }
}

/** The one name a call sends, when it is known: from its name argument, or the name a generated client's function sends itself. */
export function callName(call: Pick<AnalyticsCall, 'kind' | 'name' | 'fixedName' | 'nameMap' | 'prefix' | 'suffix'>, checker: ts.TypeChecker): string | undefined {
  const names = resolveCallNames({ kind: call.kind, name: call.name, fixedName: call.fixedName, nameMap: call.nameMap, prefix: call.prefix, suffix: call.suffix }, checker);
  return names?.kind === 'static' && names.names.length === 1 ? names.names[0].value : undefined;
}

function nameItems(plan: TrackingPlan, context: Extract<CursorContext, { kind: 'name' | 'emptyArguments' }>, sourceFile: ts.SourceFile, detailOf?: (entry: PlanEntry) => string): CompletionItem[] {
  const entries = namedEntriesFor(plan, context.call.kind);
  if (!entries) return [];
  const quote = context.kind === 'name' && context.literal ? sourceFile.text.charAt(context.literal.getStart(sourceFile)) : preferredQuote(sourceFile);
  const hasProperties = context.call.properties !== undefined;
  const propertiesFollow = propertiesFollowName(context);
  // Keys a wrapper adds itself are present at every call of it: the call site does not write them.
  const provided = new Set(context.call.provided?.keys);
  const items: CompletionItem[] = [];
  for (const entry of entries.values()) {
    // Through a wrapper that adds a prefix or suffix, the call site writes the name without them.
    const written = withoutAffixes(entry.name, context.call.prefix, context.call.suffix);
    if (written === undefined) continue;
    const item: CompletionItem = {
      label: written,
      kind: CompletionItemKind.Event,
      detail: detailOf?.(entry) ?? (entry.deprecated ? `deprecated${entry.replacedBy ? ` — use ${entry.replacedBy}` : ''}` : `tracking plan ${entry.kind === 'track' ? 'event' : entry.kind}`),
      documentation: { kind: MarkupKind.Markdown, value: entryMarkdown(entry) },
      sortText: `${entry.deprecated ? '1' : '0'}${written}`,
    };
    if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
    const required = entry.required.filter((key) => entry.properties?.[key] && !provided.has(key));
    const withProperties = !hasProperties && propertiesFollow && required.length > 0 && context.call.kind !== 'page';
    if (context.kind === 'name' && context.literal && !withProperties) {
      // Only the text inside the quotes changes; the quote the user typed stays.
      item.textEdit = { range: rangeFromOffsets(sourceFile, context.start, context.end), newText: escapeInQuote(written, quote) };
    } else {
      // Replace the whole literal (or insert one) so required properties can follow it as a snippet.
      const start = context.kind === 'name' ? context.literal!.getStart(sourceFile) : context.offset;
      const end = context.kind === 'name' ? (context.literal!.end) : context.offset;
      const properties = withProperties
        ? `, { ${required.map((key, i) => `${escapeSnippet(propertyKeyText(key, quote))}: ${placeholderFor(entry.properties![key], i + 1, quote)}`).join(', ')} }`
        : '';
      item.insertTextFormat = withProperties ? InsertTextFormat.Snippet : InsertTextFormat.PlainText;
      const nameText = quoted(written, quote);
      item.textEdit = { range: rangeFromOffsets(sourceFile, start, end), newText: (withProperties ? escapeSnippet(nameText) : nameText) + properties };
      item.filterText = nameText;
    }
    items.push(item);
  }
  return items;
}

/**
 * Whether required properties can follow a completed name as the next argument: the name is an argument
 * of the call itself and the properties are the one after it. Not so for a name in an object
 * (`trackEvent({ key })`, `track({ event })`), for `service.track(name, userId, props)`, or for a wrapper
 * that takes no properties.
 */
function propertiesFollowName(context: Extract<CursorContext, { kind: 'name' | 'emptyArguments' }>): boolean {
  const { call } = context;
  const wrapper = call.wrapper;
  const properties: ArgumentRef | undefined = wrapper ? (wrapper.forwardAll ? { arg: 1 } : wrapper.properties) : (call.declared?.properties ?? { arg: 1 });
  if (!properties || properties.field !== undefined) return false;
  const nameIndex = context.kind === 'emptyArguments' ? 0 : ts.isCallExpression(call.node) ? call.node.arguments.findIndex((a) => a === context.literal) : -1;
  return nameIndex >= 0 && properties.arg === nameIndex + 1;
}

function keyItems(plan: TrackingPlan, entry: PlanEntry, context: Extract<CursorContext, { kind: 'propertyKey' }>, sourceFile: ts.SourceFile): CompletionItem[] {
  const planned = propertiesAt(plan, entry, context.path);
  if (!planned) return [];
  // Keys a wrapper adds to the properties are present already.
  const present = new Set<string>(context.path.length === 0 ? context.call.provided?.keys : []);
  for (const element of context.object.properties) {
    if (element.name && element.getStart(sourceFile) !== context.start) {
      const name = ts.isIdentifier(element.name) || ts.isStringLiteral(element.name) ? element.name.text : undefined;
      if (name) present.add(name);
    }
  }
  const quote = preferredQuote(sourceFile);
  const range = rangeFromOffsets(sourceFile, context.start, context.end);
  const replacesKeyOnly = context.start !== context.end && sourceFile.text.slice(context.end).trimStart().startsWith(':');
  return Object.entries(planned.properties)
    .filter(([key]) => !present.has(key))
    .map(([key, schema]) => {
      const required = planned.required.includes(key);
      const keyText = propertyKeyText(key, quote);
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: `${describeSchema(schema)}${required ? ' (required)' : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: propertyMarkdown(key, schema, required, ownerLabel(entry)) },
        sortText: `${required ? '0' : '1'}${key}`,
        insertTextFormat: replacesKeyOnly ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
        textEdit: { range, newText: replacesKeyOnly ? keyText : `${escapeSnippet(keyText)}: ${placeholderFor(schema, 1, quote)}` },
        filterText: keyText,
      };
    });
}

function valueItems(plan: TrackingPlan, entry: PlanEntry, context: Extract<CursorContext, { kind: 'propertyValue' }>, sourceFile: ts.SourceFile): CompletionItem[] {
  const planned = propertiesAt(plan, entry, context.path.slice(0, -1));
  const schema = planned?.properties[context.key];
  const values = schema && (Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : []);
  if (!values) return [];
  const quote = sourceFile.text.charAt(context.literal.getStart(sourceFile));
  return values
    .filter((v): v is string => typeof v === 'string')
    .map((value, i) => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      detail: `allowed value of ${context.key}`,
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: rangeFromOffsets(sourceFile, context.start, context.end), newText: escapeInQuote(value, quote) },
    }));
}

function escapeInQuote(value: string, quote: string): string {
  return quoted(value, quote).slice(1, -1);
}

/** The quote most string literals in the file use. */
export function preferredQuote(sourceFile: ts.SourceFile): string {
  const text = sourceFile.text;
  let single = 0;
  let double = 0;
  for (let i = 0; i < text.length && single + double < 200; i++) {
    const c = text.charCodeAt(i);
    if (c === 39) single++;
    else if (c === 34) double++;
  }
  return double > single ? '"' : "'";
}
