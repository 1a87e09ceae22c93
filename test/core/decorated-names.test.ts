import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nearestNames } from '../../server/src/core/naming/suggest';
import { runRuleTests } from '../helpers/ruleTester';

/**
 * Did-you-mean across the decoration a plan's names share (` - [Section]`, `Web: `, `[App] `): the code's name is
 * compared with the rest of each planned name, token by token after case and separators.
 */

const SECTIONED = ['Create Tenant - [Tenants]', 'Delete Tenant - [Tenants]', 'Invite User - [Users]', 'Remove User - [Users]'];
const WEB = ['Web: Order Completed', 'Web: Signed Up', 'Web: Product Viewed'];
const APP = ['[App] Opened', '[App] Backgrounded', '[App] Updated'];

describe('nearestNames across a shared decoration', () => {
  const rows: [string, string, string[], string[]][] = [
    // [case, name, planned names, expected suggestions]
    ['snake case, suffix decoration', 'create_tenant', SECTIONED, ['Create Tenant - [Tenants]']],
    ['camel case, suffix decoration', 'inviteUser', SECTIONED, ['Invite User - [Users]']],
    ['a typo in one token', 'create_tenat', SECTIONED, ['Create Tenant - [Tenants]']],
    ['the code names another section', 'Create Tenant - [Users]', SECTIONED, ['Create Tenant - [Tenants]']],
    ['a label prefix', 'order_completed', WEB, ['Web: Order Completed']],
    ['a label prefix, words run together', 'signedup', WEB, ['Web: Signed Up']],
    ['a bracket prefix', 'OPENED', APP, ['[App] Opened']],
    ['the decoration written as words', 'app-updated', [...APP, 'App Updated Twice'], ['[App] Updated']],
    ['both decorations', 'create_tenant', ['[Admin] Create Tenant - [Tenants]', '[Admin] Remove User - [Users]'], ['[Admin] Create Tenant - [Tenants]']],
    ['a plan with some undecorated names still matches them as before', 'order_complete', ['Order Completed', ...SECTIONED], ['Order Completed']],
    // Negatives: nothing a person would have meant.
    ['names that share only the decoration', 'Archive Tenant - [Tenants]', SECTIONED, []],
    ['only the section', 'tenants', SECTIONED, []],
    ['a different verb on the same noun', 'update_tenant', SECTIONED, []],
    ['one token of two', 'tenant', SECTIONED, []],
    ['an extra token', 'create_new_tenant', SECTIONED, []],
    ['a short token two edits away', 'open', APP, []],
    ['a decoration only one planned name carries is not stripped', 'create_tenant', ['Create Tenant - [Tenants]', 'Order Completed', 'Signed Up'], []],
    ['only the label', 'web', WEB, []],
  ];
  for (const [name, code, planned, expected] of rows) {
    test(`${name}: ${code}`, () => assert.deepEqual(nearestNames(code, planned), expected));
  }
});

const PLAN = 'events:\n  Create Tenant - [Tenants]: {}\n  Delete Tenant - [Tenants]: {}\n  Invite User - [Users]: {}\n';

runRuleTests('unknown-event', {
  valid: [{ name: 'a planned decorated name', plan: PLAN, code: `analytics.track('Create Tenant - [Tenants]');` }],
  invalid: [
    {
      name: 'create_tenant suggests Create Tenant - [Tenants], and the quick fix writes it',
      plan: PLAN,
      code: `analytics.track('create_tenant');`,
      errors: [
        {
          message: "Event 'create_tenant' is not in the tracking plan. Did you mean 'Create Tenant - [Tenants]'?",
          line: 1, column: 17, endLine: 1, endColumn: 32,
          data: { eventName: 'create_tenant', suggestions: ['Create Tenant - [Tenants]'], replacement: 'Create Tenant - [Tenants]' },
        },
      ],
    },
    {
      name: 'a name sharing only the decoration gets no suggestion',
      plan: PLAN,
      code: `analytics.track('Rename Tenant - [Tenants]');`,
      errors: [{ message: "Event 'Rename Tenant - [Tenants]' is not in the tracking plan.", line: 1, column: 17, endLine: 1, endColumn: 44, data: { eventName: 'Rename Tenant - [Tenants]' } }],
    },
  ],
});
