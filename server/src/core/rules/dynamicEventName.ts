import { createRule } from './createRule';

export const dynamicEventName = createRule({
  name: 'dynamic-event-name',
  meta: {
    docs: { description: 'Reports event names that cannot be resolved to fixed strings, so the plan cannot check them.' },
    defaultSeverity: 'info',
    messages: {
      dynamic: "The {{what}} name cannot be resolved statically (its type is '{{type}}'), so it cannot be checked against the tracking plan. Use a string literal, a constant, an enum member or a union of literals.",
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
          messageId: 'dynamic',
          data: { what: call.kind === 'track' ? 'event' : call.kind, type: names.typeText },
        });
      },
    };
  },
});
