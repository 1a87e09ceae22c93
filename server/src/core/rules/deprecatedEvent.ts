import { createRule } from './createRule';

export const deprecatedEvent = createRule({
  name: 'deprecated-event',
  meta: {
    docs: { description: 'Reports events the plan marks as deprecated, naming the replacement when the plan gives one.' },
    defaultSeverity: 'warning',
    messages: {
      deprecated: "{{Kind}} '{{name}}' is deprecated in the tracking plan.",
      replaced: "{{Kind}} '{{name}}' is deprecated in the tracking plan; use '{{replacement}}' instead.",
    },
  },
  create(context) {
    return {
      call(call) {
        for (const { name, entry } of call.namedEntries()) {
          if (!entry?.deprecated) continue;
          const replacement = entry.replacedBy;
          context.report({
            node: name.node,
            messageId: replacement ? 'replaced' : 'deprecated',
            data: { Kind: call.nameLabel, name: name.value, replacement: replacement ?? '' },
            fix: replacement
              ? { eventName: name.value, suggestions: [replacement], replacement: name.isLiteral ? replacement : undefined, origin: name.origin }
              : undefined,
          });
        }
      },
    };
  },
});
