import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('deprecated-event', {
  valid: [`analytics.track('Order Completed', { order_id: 'o', total: 1, currency: 'USD' });`, `analytics.track('Not Planned');`],
  invalid: [
    {
      code: `analytics.track('Purchase Completed');`,
      errors: [
        {
          message: "Event 'Purchase Completed' is deprecated in the tracking plan; use 'Order Completed' instead.",
          line: 1, column: 17, endLine: 1, endColumn: 37,
          data: { eventName: 'Purchase Completed', suggestions: ['Order Completed'], replacement: 'Order Completed' },
        },
      ],
    },
    {
      code: `analytics.track('Legacy Thing');`,
      errors: [{ message: "Event 'Legacy Thing' is deprecated in the tracking plan.", line: 1, column: 17, endLine: 1, endColumn: 31 }],
    },
  ],
});
