import { createRule } from './createRule';
import { CASING_NAMES, matchesCasing, toCasing } from '../naming/casing';

export const eventNameCasing = createRule({
  name: 'event-name-casing',
  meta: {
    docs: { description: "Reports event names in code that do not follow the plan's naming convention (`conventions.events`)." },
    defaultSeverity: 'warning',
    messages: {
      casing: "Event name '{{name}}' is not {{convention}}; expected '{{expected}}'.",
    },
  },
  create(context) {
    const convention = context.plan.conventions.events;
    return {
      call(call) {
        if (convention === 'any' || call.kind !== 'track') return;
        for (const { name, entry } of call.namedEntries()) {
          // The plan is the authority on its own names: a planned name is never a casing violation at a call site.
          if (entry || name.value === '' || matchesCasing(name.value, convention)) continue;
          const expected = toCasing(name.value, convention);
          context.report({
            node: name.node,
            messageId: 'casing',
            data: { name: name.value, convention: CASING_NAMES[convention], expected },
            fix: { eventName: name.value, suggestions: [expected], replacement: name.isLiteral ? expected : undefined, origin: name.origin },
          });
        }
      },
    };
  },
});
