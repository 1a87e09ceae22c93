import { isRecord } from '../formats/format';
import type { JsonSchema } from '../jsonSchema';

/** The keywords in the order a person reads a property schema; any others follow in their own order. */
const KEYWORD_ORDER = [
  'type',
  'description',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pii',
  'items',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  'oneOf',
];

/** A copy of the schema with its keywords in a stable order, nested schemas included: writers give the same text for the same plan. */
export function orderedSchema(schema: JsonSchema): JsonSchema {
  if (!isRecord(schema)) return schema;
  const result: JsonSchema = {};
  const keys = [...KEYWORD_ORDER.filter((k) => k in schema), ...Object.keys(schema).filter((k) => !KEYWORD_ORDER.includes(k))];
  for (const key of keys) {
    const value = schema[key];
    if (value === undefined) continue;
    if (key === 'properties' && isRecord(value)) {
      result.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, orderedSchema(s as JsonSchema)]));
    } else if ((key === 'items' || key === 'additionalProperties') && isRecord(value)) {
      result[key] = orderedSchema(value as JsonSchema);
    } else if ((key === 'items' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      result[key] = value.map((s) => orderedSchema(s as JsonSchema));
    } else result[key] = value;
  }
  return result;
}
