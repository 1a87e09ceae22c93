import { schemaTypes, type JsonSchema } from '../core/plan/jsonSchema';

/** Escapes text for a snippet's literal part (`$`, `}` and `\` are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Snippet choices may not contain `,` `|` `\` or `$` unescaped. */
function escapeChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, '\\$&');
}

/**
 * A placeholder that fits the schema: a choice of enum values, quotes for strings, 0 for numbers,
 * true/false for booleans, [] and {} for arrays and objects. `quote` is the file's string quote.
 */
export function placeholderFor(schema: JsonSchema, tabStop: number, quote: string): string {
  const values = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : undefined;
  if (values?.length) {
    const rendered = values.map((v) => (typeof v === 'string' ? `${quote}${v}${quote}` : JSON.stringify(v)));
    return `\${${tabStop}|${rendered.map(escapeChoice).join(',')}|}`;
  }
  const type = schemaTypes(schema)?.find((t) => t !== 'null');
  switch (type) {
    case 'string':
      return `${quote}\${${tabStop}}${quote}`;
    case 'number':
    case 'integer':
      return `\${${tabStop}:0}`;
    case 'boolean':
      return `\${${tabStop}|true,false|}`;
    case 'array':
      return `[\${${tabStop}}]`;
    case 'object':
      return `{\${${tabStop}}}`;
    default:
      return `\${${tabStop}:null}`;
  }
}

/** The text a key needs in an object literal: bare when it is an identifier, quoted otherwise. */
export function propertyKeyText(key: string, quote: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : `${quote}${key.replace(new RegExp(`[\\\\${quote}]`, 'g'), '\\$&')}${quote}`;
}

/** A string literal holding `value`, in the file's quote style. */
export function quoted(value: string, quote: string): string {
  return `${quote}${value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`)}${quote}`;
}

/** The same placeholders as plain text, for edits that cannot be snippets (quick fixes). */
export function plainPlaceholderFor(schema: JsonSchema, quote: string): string {
  const values = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : undefined;
  if (values?.length) return typeof values[0] === 'string' ? quoted(values[0], quote) : JSON.stringify(values[0]);
  switch (schemaTypes(schema)?.find((t) => t !== 'null')) {
    case 'string':
      return `${quote}${quote}`;
    case 'number':
    case 'integer':
      return '0';
    case 'boolean':
      return 'false';
    case 'array':
      return '[]';
    case 'object':
      return '{}';
    default:
      return 'null';
  }
}
