import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEmail, passesLuhn, piiKeyKind, piiValueKind } from '../../server/src/core/naming/pii';
import { runRuleTests } from '../helpers/ruleTester';

const TAIL = 'personal data sent here reaches every destination connected to this source. Leave it out, or mark the property `pii: true` in the tracking plan if it must be sent.';
const byKey = (key: string, kind: string) => `Property '${key}' looks like ${kind}: ${TAIL}`;
const byValue = (key: string, kind: string) => `The value of '${key}' looks like ${kind}: ${TAIL}`;

/** A plan that allows `email` on one event (`pii: true`) and defines identify traits. */
const PII_PLAN = `
events:
  Signed Up:
    properties:
      email: { type: string, pii: true }
      method: { type: string }
identify:
  properties:
    email: { type: string }
    phone: { type: string }
`;

runRuleTests('pii-property', {
  valid: [
    { name: "the guide's good example: an id, not the person", code: `declare const user: { id: string };\nanalytics.track('Signed Up', { method: 'google' });` },
    { name: 'a property the plan marks pii: true', code: `analytics.track('Signed Up', { method: 'google', email: 'jane@example.com' });`, plan: PII_PLAN },
    { name: 'identify traits the plan defines', code: `declare const u: { email: string; phone: string };\nanalytics.identify('u1', { email: u.email, phone: u.phone });`, plan: PII_PLAN },
    {
      name: 'keys that only mention email, and values that are not PII (a Luhn-failing card, a date, an id)',
      code: `analytics.track('Product Viewed', { product_id: '4111111111111112', anything: '2019-11-01', flag: true, sku: 'SKU-1234567890', emailVerified: true, email_opt_in: true, zip: '12345', tip: 2 });`,
    },
    { name: 'a bare run of digits is not a phone number', code: `analytics.track('Product Viewed', { product_id: '5551234567' });` },
    { name: 'alias has no properties', code: `analytics.alias('jane@example.com');` },
  ],
  invalid: [
    {
      name: "the guide's bad example: an email in track properties",
      code: `analytics.track('Signed Up', { method: 'google', email: 'jane@example.com' });`,
      errors: [{ message: byKey('email', 'an email address'), line: 1, column: 50, endLine: 1, endColumn: 55, data: { property: 'email' } }],
    },
    {
      name: 'keys in camelCase and snake_case',
      code: `declare const user: { email: string; phone: string };\nanalytics.track('Order Completed', { order_id: '1', total: 1, currency: 'USD', userEmail: user.email, phone_number: user.phone });`,
      errors: [
        { message: byKey('userEmail', 'an email address'), line: 2, column: 80, endLine: 2, endColumn: 89 },
        { message: byKey('phone_number', 'a phone number'), line: 2, column: 103, endLine: 2, endColumn: 115 },
      ],
    },
    {
      name: 'ssn, password and ip_address keys',
      code: `analytics.track('Product Viewed', { product_id: 'p1', ssn: 'x', password: 'y', ip_address: '1.2.3.4' });`,
      errors: [
        { message: byKey('ssn', 'a national id number'), line: 1, column: 55, endLine: 1, endColumn: 58 },
        { message: byKey('password', 'a password'), line: 1, column: 65, endLine: 1, endColumn: 73 },
        { message: byKey('ip_address', 'an IP address'), line: 1, column: 80, endLine: 1, endColumn: 90 },
      ],
    },
    {
      name: 'a card number that passes the Luhn check',
      code: `analytics.track('Product Viewed', { product_id: 'p1', anything: '4111 1111 1111 1111' });`,
      errors: [{ message: byValue('anything', 'a payment card number'), line: 1, column: 65, endLine: 1, endColumn: 86 }],
    },
    {
      name: 'a US social security number',
      code: `analytics.track('Product Viewed', { product_id: 'p1', anything: '123-45-6789' });`,
      errors: [{ message: byValue('anything', 'a national id number'), line: 1, column: 65, endLine: 1, endColumn: 78 }],
    },
    {
      name: 'a phone number',
      code: `analytics.track('Product Viewed', { product_id: 'p1', anything: '+1 (555) 123-4567' });`,
      errors: [{ message: byValue('anything', 'a phone number'), line: 1, column: 65, endLine: 1, endColumn: 84 }],
    },
    {
      name: 'page properties',
      code: `analytics.page('Product Detail', { product_id: 'p1', email: 'a@b.co' });`,
      errors: [{ message: byKey('email', 'an email address'), line: 1, column: 54, endLine: 1, endColumn: 59 }],
    },
    {
      name: 'an identify trait the plan does not define',
      code: `declare const u: { email: string };\nanalytics.identify('u1', { name: 'J', email: u.email });`,
      errors: [{ message: byKey('email', 'an email address'), line: 2, column: 39, endLine: 2, endColumn: 44 }],
    },
    {
      name: 'a spread of a typed object, reported at the spread',
      code: `declare const user: { email: string; id: string };\nanalytics.track('Product Viewed', { product_id: 'p1', ...user });`,
      errors: [{ message: byKey('email', 'an email address'), line: 2, column: 58, endLine: 2, endColumn: 62 }],
    },
    {
      name: 'through an inferred wrapper',
      code: `function trackEvent(name: string, props?: Record<string, unknown>) { analytics.track(name, props); }\ntrackEvent('Product Viewed', { product_id: 'p1', email: 'jane@example.com' });`,
      errors: [{ message: byKey('email', 'an email address'), line: 2, column: 50, endLine: 2, endColumn: 55 }],
    },
  ],
});

test('PII patterns: keys, values, Luhn, and bounded input', () => {
  assert.equal(piiKeyKind('billingEmailAddress'), 'email');
  assert.equal(piiKeyKind('client_ip'), 'ip');
  assert.equal(piiKeyKind('zip'), undefined);
  assert.equal(piiKeyKind('is_mobile'), undefined);
  assert.equal(piiValueKind('SSN: none'), undefined);
  assert.equal(piiValueKind('AB 12 34 56 C'), 'nationalId');
  assert.equal(passesLuhn('4111111111111111'), true);
  assert.equal(passesLuhn('4111111111111112'), false);
  assert.equal(isEmail('a@b'), false);
  assert.equal(isEmail('a@@b.co'), false);
  // Long hostile inputs are rejected by length before any pattern runs, in linear time.
  const start = Date.now();
  assert.equal(piiValueKind(`${'1 '.repeat(50_000)}x`), undefined);
  assert.equal(piiKeyKind('email_'.repeat(50_000)), undefined);
  assert.equal(piiValueKind(`${'@'.repeat(200)}`), undefined);
  assert.ok(Date.now() - start < 200);
});
