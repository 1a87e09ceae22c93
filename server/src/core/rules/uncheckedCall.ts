import { createRule } from './createRule';

const FIX = "Install the project's dependencies (npm install), or declare the callee in the plan's `callees:`.";

export const uncheckedCall = createRule({
  name: 'unchecked-call',
  meta: {
    docs: { description: 'Reports calls that look like analytics but could not be checked, because the type of their receiver cannot be resolved.' },
    defaultSeverity: 'info',
    messages: {
      module: `{{callee}}(…) was not checked against the tracking plan: '{{receiver}}' comes from '{{module}}', which cannot be resolved. ${FIX}`,
      type: `{{callee}}(…) was not checked against the tracking plan: the type of '{{receiver}}', '{{type}}', cannot be resolved. ${FIX}`,
      any: "{{callee}}(…) was not checked against the tracking plan: the type of '{{receiver}}' is 'any', so tracklint cannot tell what it sends. Give it a type, or declare the callee in the plan's `callees:`.",
    },
  },
  create(context) {
    return {
      uncheckedCall(call) {
        context.report({
          node: call.node.expression,
          messageId: call.reason,
          data: { callee: call.callee, receiver: call.receiver, module: call.module ?? '', type: call.typeText ?? '' },
        });
      },
    };
  },
});
