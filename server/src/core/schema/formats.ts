/**
 * The string formats a plan may require, as checks on values known statically. Unknown formats accept anything.
 * Every check runs in linear time: the values come from source code, and a long literal must not hang the editor.
 */
const FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  'date-time': (v) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  time: (v) => /^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})?$/.test(v),
  email: isEmail,
  uri: (v) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(v),
  url: (v) => /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$/.test(v),
  uuid: (v) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v),
  ipv4: (v) => /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/.test(v),
};

/** True, false, or undefined when the format is not one we check. */
export function matchesFormat(format: string, value: string): boolean | undefined {
  // Own keys only: a plan's `format: constructor` must not reach Object.prototype.
  return Object.hasOwn(FORMAT_CHECKS, format) ? FORMAT_CHECKS[format](value) : undefined;
}

/**
 * `local@domain.tld`: one `@`, no whitespace, and a dot inside the domain. Written without a regular
 * expression: `^[^\s@]+@[^\s@]+\.[^\s@]+$` backtracks quadratically on `a@....` followed by a space.
 */
function isEmail(value: string): boolean {
  const at = value.indexOf('@');
  if (at <= 0 || value.indexOf('@', at + 1) >= 0 || /\s/.test(value)) return false;
  return value.slice(at + 2, -1).includes('.');
}
