import { createRule } from './createRule';
import { nearestNames } from '../naming/suggest';

export const unknownEvent = createRule({
  name: 'unknown-event',
  meta: {
    docs: { description: 'Reports event, page and screen names that are not in the tracking plan, with the nearest planned names.' },
    defaultSeverity: 'error',
    messages: {
      unknown: "{{Kind}} '{{name}}' is not in the tracking plan.",
      unknownWithSuggestion: "{{Kind}} '{{name}}' is not in the tracking plan. Did you mean '{{suggestion}}'?",
    },
  },
  create(context) {
    return {
      call(call) {
        if (!call.namesArePlanned) return;
        const planned = call.kind === 'track' ? context.plan.events : call.kind === 'page' ? context.plan.pages : context.plan.screens;
        const Kind = call.kind === 'track' ? 'Event' : call.kind === 'page' ? 'Page' : 'Screen';
        for (const { name, entry } of call.namedEntries()) {
          if (entry) continue;
          // Prefer live events: suggesting a deprecated name would only trade one finding for another.
          const live = [...planned.values()].filter((e) => !e.deprecated).map((e) => e.name);
          const suggestions = nearestNames(name.value, live);
          context.report({
            node: name.node,
            messageId: suggestions.length ? 'unknownWithSuggestion' : 'unknown',
            data: { Kind, name: name.value, suggestion: suggestions[0] ?? '' },
            fix: {
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
