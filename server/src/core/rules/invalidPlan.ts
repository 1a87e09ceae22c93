import { createRule } from './createRule';

/** Reported by the plan loader, not by a visitor: registered so it has docs, a severity and a place in the table. */
export const invalidPlan = createRule({
  name: 'invalid-plan',
  meta: {
    docs: { description: 'Reports problems in the tracking plan file itself: syntax errors, wrong shapes, unknown keys, broken references.' },
    defaultSeverity: 'error',
    messages: { invalid: '{{message}}' },
  },
  create() {
    return {};
  },
});
