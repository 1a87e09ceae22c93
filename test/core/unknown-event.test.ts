import { runRuleTests } from '../helpers/ruleTester';

runRuleTests('unknown-event', {
  valid: [
    `analytics.track('Order Completed', { order_id: 'o1', total: 1, currency: 'USD' });`,
    `window.analytics.track('Signed Up');`,
    `const EVENTS = { SIGNED_UP: 'Signed Up' } as const;\nanalytics.track(EVENTS.SIGNED_UP);`,
    `enum Events { SignedUp = 'Signed Up' }\nanalytics.track(Events.SignedUp);`,
    { name: 'unrelated receivers are never analytics', code: `declare const player: any; declare const audioTrack: any;\nplayer.track('whatever');\naudioTrack.track('x');` },
    { name: 'page names are judged only against planned pages', code: `analytics.page('Home');\nanalytics.screen('Settings');` },
    { name: 'an empty name is a name being typed', code: `analytics.track('');` },
    { name: 'plan without pages does not judge page names', plan: 'events:\n  A: {}\n', code: `analytics.page('Anything');` },
  ],
  invalid: [
    {
      name: 'a name read from a nested as const map points at its declaration',
      code: `const EVENTS = { account: { SIGNED_UP: 'Sign Up' } } as const;\nanalytics.track(EVENTS.account.SIGNED_UP);`,
      errors: [
        {
          message: "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?",
          line: 2, column: 17, endLine: 2, endColumn: 41,
          data: {
            eventName: 'Sign Up',
            suggestions: ['Signed Up'],
            origin: { file: '/case.ts', range: { start: { line: 0, character: 39 }, end: { line: 0, character: 48 } } },
          },
        },
      ],
    },
    {
      name: 'purchase_completed suggests Purchase Completed (case- and separator-insensitive match first)',
      code: `analytics.track('purchase_completed');`,
      plan: 'events:\n  Purchase Completed: {}\n  Order Completed: {}\n',
      errors: [
        {
          message: "Event 'purchase_completed' is not in the tracking plan. Did you mean 'Purchase Completed'?",
          line: 1, column: 17, endLine: 1, endColumn: 37,
          data: { eventName: 'purchase_completed', suggestions: ['Purchase Completed'], replacement: 'Purchase Completed' },
        },
      ],
    },
    {
      name: 'the folded match comes first, before a name closer in raw spelling',
      code: `analytics.track('PURCHASE-COMPLETED');`,
      plan: 'events:\n  PURCHASE COMPLETES: {}\n  Purchase Completed: {}\n',
      errors: [
        {
          message: "Event 'PURCHASE-COMPLETED' is not in the tracking plan. Did you mean 'Purchase Completed'?",
          line: 1, column: 17, endLine: 1, endColumn: 37,
          data: { eventName: 'PURCHASE-COMPLETED', suggestions: ['Purchase Completed', 'PURCHASE COMPLETES'], replacement: 'Purchase Completed' },
        },
      ],
    },
    {
      name: 'a folded match that is deprecated points at its replacement too',
      code: `analytics.track('purchase_completed');`,
      errors: [
        {
          message: "Event 'purchase_completed' is not in the tracking plan. Did you mean 'Purchase Completed'? It is deprecated; use 'Order Completed'.",
          line: 1, column: 17, endLine: 1, endColumn: 37,
          data: { eventName: 'purchase_completed', suggestions: ['Order Completed', 'Purchase Completed'], replacement: 'Order Completed' },
        },
      ],
    },
    {
      code: `analytics.track('Order Complete', {});`,
      errors: [
        {
          message: "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?",
          line: 1, column: 17, endLine: 1, endColumn: 33,
          data: { eventName: 'Order Complete', suggestions: ['Order Completed'], replacement: 'Order Completed' },
        },
      ],
    },
    {
      code: `analytics.track('Something Else');`,
      errors: [{ message: "Event 'Something Else' is not in the tracking plan.", line: 1, column: 17, endLine: 1, endColumn: 33 }],
    },
    {
      name: 'a constant: reported at the argument, with the declaration as origin',
      code: `const NAME = 'Order Complete';\nanalytics.track(NAME);`,
      errors: [
        {
          message: "Event 'Order Complete' is not in the tracking plan. Did you mean 'Order Completed'?",
          line: 2, column: 17, endLine: 2, endColumn: 21,
          data: {
            eventName: 'Order Complete',
            suggestions: ['Order Completed'],
            origin: { file: '/case.ts', range: { start: { line: 0, character: 13 }, end: { line: 0, character: 29 } } },
          },
        },
      ],
    },
    {
      name: 'each branch of a conditional is judged',
      code: `declare const ok: boolean;\nanalytics.track(ok ? 'Signed Up' : 'Sign Up');`,
      errors: [
        {
          message: "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?",
          line: 2, column: 36, endLine: 2, endColumn: 45,
        },
      ],
    },
    {
      name: 'page names off the plan',
      code: `analytics.page('Checkout');`,
      errors: [{ message: "Page 'Checkout' is not in the tracking plan.", line: 1, column: 16, endLine: 1, endColumn: 26 }],
    },
  ],
});
