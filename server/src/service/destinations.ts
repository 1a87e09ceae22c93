import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import { integrationsObject } from '../core/analysis/integrations';
import { staticPropertyName } from '../core/analysis/syntax';
import type { PlanEntry, TrackingPlan } from '../core/plan/model';
import { ALL_DESTINATIONS_KEY } from '../core/rules/unknownDestination';
import { callName, preferredQuote } from './completion';
import type { CallAtPosition } from './cursor';
import { entryForCall } from './planLookup';
import { rangeFromOffsets } from './positions';
import { escapeSnippet, propertyKeyText } from './snippets';

/** The hover line that says where an event goes; empty when the plan declares no destinations. */
export function destinationsMarkdown(plan: TrackingPlan, entry: PlanEntry): string {
  if (!plan.destinations) return '';
  const list = (names: string[]) => (names.length ? names.join(', ') : 'none');
  return entry.destinations ? `\n\n**Destinations:** ${list(entry.destinations)}` : `\n\n**Destinations:** all (${list(plan.destinations)})`;
}

/**
 * Completion of destination names as keys of `integrations: { | }`: the plan's destinations not yet
 * written there, then `All`. Undefined when the cursor is not on a key of that object.
 */
export function destinationCompletion({ plan, sourceFile, offset, call, checker }: CallAtPosition): CompletionList | undefined {
  const object = integrationsObject(call.options);
  if (!plan.destinations || !object || offset <= object.getStart(sourceFile) || offset >= object.end) return undefined;
  let start = offset;
  let end = offset;
  const present = new Set<string>();
  for (const element of object.properties) {
    const name = element.name;
    if (!name) continue;
    if (offset >= element.getStart(sourceFile) && offset <= element.end) {
      // On a value: nothing to offer (and nothing else should be, either).
      if (offset > name.end) return { isIncomplete: false, items: [] };
      start = name.getStart(sourceFile);
      end = name.end;
      continue;
    }
    const key = staticPropertyName(name);
    if (key !== undefined) present.add(key);
  }
  const entry = call.kind === 'track' ? entryForCall(plan, call.kind, callName(call, checker)) : undefined;
  const quote = preferredQuote(sourceFile);
  // A key already followed by `:` is only renamed; a new key gets a value to choose.
  const keyOnly = start !== end && sourceFile.text.slice(end).trimStart().startsWith(':');
  const item = (name: string, detail: string, sortText: string): CompletionItem => {
    const keyText = propertyKeyText(name, quote);
    return {
      label: name,
      kind: CompletionItemKind.Module,
      detail,
      sortText,
      filterText: keyText,
      insertTextFormat: keyOnly ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      textEdit: { range: rangeFromOffsets(sourceFile, start, end), newText: keyOnly ? keyText : `${escapeSnippet(keyText)}: \${1|false,true|}` },
    };
  };
  const items = plan.destinations
    .filter((name) => !present.has(name))
    .map((name, i) => item(name, entry?.destinations && !entry.destinations.includes(name) ? `destination (the plan does not send '${entry.name}' there)` : 'destination in the tracking plan', `0${String(i).padStart(3, '0')}`));
  if (!present.has(ALL_DESTINATIONS_KEY)) items.push(item(ALL_DESTINATIONS_KEY, 'every destination', '1'));
  return { isIncomplete: false, items };
}
