import { createRule } from './createRule';
import { CASING_NAMES, matchesCasing, toCasing } from '../naming/casing';

export const propertyNameCasing = createRule({
  name: 'property-name-casing',
  meta: {
    docs: { description: "Reports property and trait keys written in code that do not follow the plan's convention (`conventions.properties`)." },
    defaultSeverity: 'warning',
    messages: {
      casing: "Property '{{name}}' is not {{convention}}; expected '{{expected}}'.",
    },
  },
  create(context) {
    const convention = context.plan.conventions.properties;
    return {
      call(call) {
        if (convention === 'any') return;
        const value = call.properties();
        if (value?.kind !== 'object') return;
        const planned = new Set<string>();
        for (const { entry } of call.specs()) for (const key of Object.keys(entry.properties ?? {})) planned.add(key);
        for (const key of Object.keys(context.plan.common?.properties ?? {})) planned.add(key);
        for (const entry of value.shape.entries.values()) {
          // Keys that only arrive through a spread are judged where they are written, not here.
          if (!entry.keyNode || planned.has(entry.key) || matchesCasing(entry.key, convention)) continue;
          const expected = toCasing(entry.key, convention);
          context.report({
            node: entry.keyNode,
            messageId: 'casing',
            data: { name: entry.key, convention: CASING_NAMES[convention], expected },
            fix: { property: entry.key, suggestions: [expected] },
          });
        }
      },
    };
  },
});
