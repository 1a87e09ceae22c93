import { createRule } from './createRule';

export const dynamicEventName = createRule({
  name: 'dynamic-event-name',
  meta: {
    docs: { description: 'Reports event names that cannot be resolved to fixed strings, so the plan cannot check them.' },
    defaultSeverity: 'info',
    messages: {
      dynamic: "The {{what}} name cannot be resolved statically (its type is '{{type}}'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.",
      dynamicField:
        "The {{what}} name cannot be resolved statically (the '{{field}}' property of this argument has type '{{type}}'), so it cannot be checked against the tracking plan. Give that property a string literal type or a union of literals (for example with `as const`).",
      unresolved: "The {{what}} name cannot be resolved statically: the type of this argument, '{{type}}', cannot be resolved (is its package installed? Run npm install), so it cannot be checked against the tracking plan.",
    },
  },
  create(context) {
    return {
      call(call) {
        // The forwarding call inside a wrapper: the names are judged at the wrapper's call sites.
        if (!call.namesArePlanned || call.call.forwardedBy) return;
        const names = call.names();
        if (names?.kind !== 'dynamic') return;
        context.report({
          node: names.node,
          // A message passed whole has no name expression: the finding is on the argument, and says which of its properties.
          messageId: names.field !== undefined ? 'dynamicField' : names.unresolved ? 'unresolved' : 'dynamic',
          data: { what: call.kind === 'track' ? 'event' : call.kind, type: names.typeText, field: names.field ?? '' },
        });
      },
    };
  },
});
