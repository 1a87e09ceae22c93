import { splitWords } from './casing';

/**
 * Recognises personal data in property keys and string values. Every test is linear in the input and
 * the input is bounded (keys and values past a few hundred characters are not PII fields), so a
 * hostile source cannot slow the checker down.
 */

export type PiiKind = 'email' | 'phone' | 'card' | 'nationalId' | 'password' | 'ip';

/** How messages name each kind. */
export const PII_KIND_NAMES: Record<PiiKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  card: 'a payment card number',
  nationalId: 'a national id number',
  password: 'a password',
  ip: 'an IP address',
};

const MAX_KEY_LENGTH = 100;
const MAX_VALUE_LENGTH = 254;

/** Tested on the key's words, lower-cased and joined by `_` (`userEmail` → `user_email`); the key must end with the PII word. */
const KEY_PATTERNS: [RegExp, PiiKind][] = [
  [/(^|_)e_?mail(_address|_addr)?$/, 'email'],
  [/(^|_)(phone|telephone|tel|mobile_phone|mobile_number|cell_phone)(_number|_no)?$/, 'phone'],
  [/(^|_)(credit_card|card_number|cc_number)(_number)?$/, 'card'],
  [/(^|_)(ssn|social_security(_number|_no)?|national_id|passport|tax_id|drivers?_license)(_number|_no)?$/, 'nationalId'],
  [/(^|_)(password|passwd|pwd|passcode)$/, 'password'],
  [/(^|_)ip(_address|_addr)?$/, 'ip'],
];

/** The kind of personal data a property key names, if any: `email`, `phone_number`, `userEmail`, `ssn`, `ip_address`. */
export function piiKeyKind(key: string): PiiKind | undefined {
  if (key.length > MAX_KEY_LENGTH) return undefined;
  const words = splitWords(key)
    .map((w) => w.toLowerCase())
    .join('_');
  return KEY_PATTERNS.find(([pattern]) => pattern.test(words))?.[1];
}

const CARD = /^[0-9][0-9 -]{11,21}[0-9]$/;
const SSN = /^(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}$/;
// UK National Insurance number: two letters (not D, F, I, Q, U, V; O not second), six digits, A-D.
const NINO = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]$/;
const PHONE = /^\+?[0-9(][0-9 ().-]{5,22}[0-9]$/;
const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}/;
const TLD = /^[a-z]{2,24}$/i;

/** The kind of personal data a string value is, if any: an email address, a card number (Luhn-checked), a national id, a phone number. */
export function piiValueKind(raw: string): PiiKind | undefined {
  const value = raw.trim();
  if (value.length < 6 || value.length > MAX_VALUE_LENGTH) return undefined;
  if (isEmail(value)) return 'email';
  if (CARD.test(value)) {
    const digits = value.replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return 'card';
  }
  if (SSN.test(value) || NINO.test(value)) return 'nationalId';
  if (PHONE.test(value) && !ISO_DATE.test(value)) {
    const digits = value.replace(/[^0-9]/g, '').length;
    // A bare run of digits is an id more often than a phone number: ask for a `+` or a separator.
    if (digits >= 10 && digits <= 15 && (value.startsWith('+') || /[ ().-]/.test(value))) return 'phone';
  }
  return undefined;
}

/** `local@domain.tld`, without whitespace, by index arithmetic rather than a backtracking pattern. */
export function isEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@') || /\s/.test(value)) return false;
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return dot > 0 && TLD.test(domain.slice(dot + 1));
}

/** The Luhn checksum every payment card number satisfies; most random digit strings do not. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
