import { ts } from '@ts-morph/common';
import { integrationsObject } from '../analysis/integrations';
import { skipOuter, staticPropertyName } from '../analysis/syntax';
import { nearestNames } from '../naming/suggest';
import { createRule } from './createRule';

/** Segment's switch for every destination at once; always allowed. */
export const ALL_DESTINATIONS_KEY = 'All';

export const unknownDestination = createRule({
  name: 'unknown-destination',
  meta: {
    docs: { description: "Reports keys of a call's `integrations` option that are not among the plan's destinations, and destinations turned on for an event the plan does not send there." },
    defaultSeverity: 'warning',
    messages: {
      unknown: "'{{key}}' is not a destination of the tracking plan ({{declared}}): Segment ignores unknown integration names, so this setting silently does nothing.",
      unknownWithSuggestion: "'{{key}}' is not a destination of the tracking plan. Did you mean '{{suggestion}}'? Segment ignores unknown integration names, so this setting silently does nothing.",
      notForEvent: "The plan does not send event '{{event}}' to '{{key}}' (its destinations: {{allowed}}).",
    },
  },
  create(context) {
    const declared = context.plan.destinations;
    return {
      call(call) {
        if (!declared) return;
        const integrations = integrationsObject(call.call.options);
        if (!integrations) return;
        for (const element of integrations.properties) {
          if (!(ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element))) continue;
          const key = staticPropertyName(element.name);
          if (key === undefined || key === ALL_DESTINATIONS_KEY) continue;
          if (!declared.includes(key)) {
            const suggestions = nearestNames(key, declared);
            context.report({
              node: element.name,
              messageId: suggestions.length ? 'unknownWithSuggestion' : 'unknown',
              data: { key, suggestion: suggestions[0] ?? '', declared: declared.join(', ') },
              fix: { property: key, suggestions },
            });
            continue;
          }
          // Turning a destination on (`true` or its settings object) for an event the plan keeps from it.
          if (ts.isPropertyAssignment(element) && turnsOn(element.initializer)) {
            for (const { name, entry } of call.namedEntries()) {
              if (!entry?.destinations || entry.destinations.includes(key)) continue;
              context.report({ node: element.name, messageId: 'notForEvent', data: { key, event: name.value, allowed: entry.destinations.join(', ') || 'none' } });
            }
          }
        }
      },
    };
  },
});

function turnsOn(value: ts.Expression): boolean {
  const node = skipOuter(value);
  return node.kind === ts.SyntaxKind.TrueKeyword || ts.isObjectLiteralExpression(node);
}
