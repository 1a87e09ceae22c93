import { createRule } from './createRule';
import { nearestNames } from '../naming/suggest';
import type { PlanEntry } from '../plan/model';

export const unknownEvent = createRule({
  name: 'unknown-event',
  meta: {
    docs: { description: 'Reports event, page and screen names that are not in the tracking plan, with the nearest planned names.' },
    defaultSeverity: 'error',
    messages: {
      unknown: "{{Kind}} '{{name}}' is not in the tracking plan.",
      unknownWithSuggestion: "{{Kind}} '{{name}}' is not in the tracking plan. Did you mean '{{suggestion}}'?",
      unknownWithDeprecatedSuggestion:
        "{{Kind}} '{{name}}' is not in the tracking plan. Did you mean '{{suggestion}}'? It is deprecated; use '{{replacement}}'.",
      unmapped: "{{Kind}} id '{{name}}' is not a key of {{map}}, so no {{kind}} name is sent for it.",
      unmappedWithSuggestion: "{{Kind}} id '{{name}}' is not a key of {{map}}, so no {{kind}} name is sent for it. Did you mean '{{suggestion}}'?",
    },
  },
  create(context) {
    return {
      call(call) {
        if (!call.namesArePlanned) return;
        const planned = call.kind === 'track' ? context.plan.events : call.kind === 'page' ? context.plan.pages : context.plan.screens;
        const Kind = call.nameLabel;
        const names = call.names();
        // Ids a wrapper looks up in its own map (`SEGMENT_NAMES[id]`): the map is what they must be in.
        for (const { id, node, isLiteral, map } of names?.kind === 'static' ? (names.unmapped ?? []) : []) {
          const nearest = nearestNames(id, map.entries.keys());
          context.report({
            node,
            messageId: nearest.length ? 'unmappedWithSuggestion' : 'unmapped',
            data: { Kind, kind: Kind.toLowerCase(), name: id, map: map.name, suggestion: nearest[0] ?? '' },
            fix: { suggestions: nearest, replacement: isLiteral && nearest.length ? nearest[0] : undefined },
          });
        }
        for (const { name, entry } of call.namedEntries()) {
          // '' is a name being typed (`track('|')`): completion helps there, a finding would only flicker.
          if (entry || name.value === '') continue;
          const nearest = nearestNames(name.value, planned.keys());
          const best: PlanEntry | undefined = nearest.length ? planned.get(nearest[0]) : undefined;
          // The folded match may be a deprecated name: point at it (it is what the developer meant) and at what replaces it.
          const replacement = best?.deprecated && best.replacedBy && planned.has(best.replacedBy) ? best.replacedBy : undefined;
          const suggestions = replacement ? [replacement, ...nearest.filter((n) => n !== replacement)] : nearest;
          context.report({
            node: name.node,
            messageId: replacement ? 'unknownWithDeprecatedSuggestion' : nearest.length ? 'unknownWithSuggestion' : 'unknown',
            data: { Kind, name: name.value, suggestion: nearest[0] ?? '', replacement: replacement ?? '' },
            fix: {
              eventName: name.value,
              suggestions,
              replacement: name.isLiteral && suggestions.length ? suggestions[0] : undefined,
              origin: name.origin,
            },
          });
        }
      },
    };
  },
});
