import type { PlanDocument } from '../document';
import type { JsonSchema } from '../jsonSchema';
import type { PlanFormat, PlanPath, PropertiesSpec, TrackingPlan } from '../model';

/** What a format converter may do besides returning the plan: report located problems. */
export interface FormatContext {
  doc: PlanDocument;
  /** A problem at `path` in the plan file. The plan is still used; the finding is an `invalid-plan` error. */
  report(path: PlanPath, message: string, part?: 'key' | 'value'): void;
}

/** One plan format users already have. Converters are tried in registry order; the first whose `detect` says yes loads. */
export interface PlanFormatLoader {
  format: PlanFormat;
  /** Decides from content alone (never from the file name). */
  detect(value: unknown): boolean;
  /** The plan, or undefined when the file is too broken to use (its problems reported through `context`). */
  load(value: Record<string, unknown>, context: FormatContext): TrackingPlan | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a JSON Schema of an object (the `properties` of an event, the `traits` of identify)
 * into a PropertiesSpec. Accepts the draft-03 style `required: true` on a property, which
 * community YAML plans use, as well as the draft-07 `required: [...]` list.
 */
export function propertiesSpecFromObjectSchema(schema: JsonSchema | undefined): PropertiesSpec {
  if (!schema || !isRecord(schema)) return { required: [] };
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
  let properties: Record<string, JsonSchema> | undefined;
  if (isRecord(schema.properties)) {
    properties = {};
    for (const [key, propertySchema] of Object.entries(schema.properties)) {
      const normalized = isRecord(propertySchema) ? normalizeSchema(propertySchema as JsonSchema) : {};
      if (isRecord(propertySchema) && propertySchema.required === true) required.add(key);
      properties[key] = normalized;
    }
  }
  return {
    properties,
    required: [...required],
    additionalProperties: schema.additionalProperties,
  };
}

/** Recursively rewrites draft-03 `required: true` flags on nested properties into draft-07 lists. */
export function normalizeSchema(schema: JsonSchema): JsonSchema {
  const result: JsonSchema = { ...schema };
  if (typeof result.required === 'boolean') delete result.required;
  if (isRecord(schema.properties)) {
    const spec = propertiesSpecFromObjectSchema(schema);
    result.properties = spec.properties;
    if (spec.required.length) result.required = spec.required;
  }
  if (isRecord(schema.items)) result.items = normalizeSchema(schema.items as JsonSchema);
  else if (Array.isArray(schema.items)) result.items = schema.items.map((s) => (isRecord(s) ? normalizeSchema(s as JsonSchema) : {}));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) result[key] = branches.map((s) => (isRecord(s) ? normalizeSchema(s as JsonSchema) : {}));
  }
  if (isRecord(schema.additionalProperties)) result.additionalProperties = normalizeSchema(schema.additionalProperties as JsonSchema);
  return result;
}
