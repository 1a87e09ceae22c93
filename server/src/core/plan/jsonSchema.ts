/**
 * The subset of JSON Schema draft-07 that tracking plans use for property schemas.
 * Unknown keywords are kept (the index signature) and ignored, never an error.
 */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  type?: JsonSchemaType | JsonSchemaType[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema | JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[] | boolean;
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  /** tracklint extension: the property is allowed to carry personal data. */
  pii?: boolean;
  [keyword: string]: unknown;
}

export function schemaTypes(schema: JsonSchema): JsonSchemaType[] | undefined {
  if (schema.type === undefined) return undefined;
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/** A short human description of what a schema accepts, e.g. `string | null` or `'USD' | 'EUR'`. */
export function describeSchema(schema: JsonSchema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return branches.map(describeSchema).join(' | ');
  const types = schemaTypes(schema);
  if (!types) return 'any';
  return types
    .map((t) => {
      if (t === 'array' && schema.items && !Array.isArray(schema.items)) {
        const inner = describeSchema(schema.items);
        return inner.includes('|') ? `(${inner})[]` : `${inner}[]`;
      }
      if (t === 'string' && schema.format) return `string (${schema.format})`;
      return t;
    })
    .join(' | ');
}
