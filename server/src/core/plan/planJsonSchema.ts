import { z } from 'zod';
import { NativePlanSchema, PropertySchema } from './nativeSchema';

export const PLAN_SCHEMA_ID = 'https://raw.githubusercontent.com/tracklint/tracklint/main/plans/tracking-plan.schema.json';
/** Name of the recursive property schema under `definitions` (zod would call it `__schema0`). */
const PROPERTY_SCHEMA_DEFINITION = 'propertySchema';

/**
 * The JSON Schema (draft-07) of the native tracking-plan format, generated from its zod schemas so the
 * published file (plans/tracking-plan.schema.json) and the loader never disagree. It describes what a
 * person writes (zod's input side: `kind` of a callee may be left out, it defaults to `track`).
 */
export function nativePlanJsonSchema(): Record<string, unknown> {
  // Name the recursive property schema for the duration of the conversion only: `id` metadata is how
  // zod names a definition, and the global registry also holds the `.describe()` texts we want to keep.
  const registry = z.globalRegistry;
  const ownMetadata = registry.get(PropertySchema);
  registry.add(PropertySchema, { ...ownMetadata, id: PROPERTY_SCHEMA_DEFINITION });
  let generated: Record<string, unknown>;
  try {
    generated = z.toJSONSchema(NativePlanSchema, { target: 'draft-07', io: 'input', cycles: 'ref', reused: 'inline' });
  } finally {
    registry.remove(PropertySchema);
    if (ownMetadata) registry.add(PropertySchema, ownMetadata);
  }
  const { $schema, ...rest } = generated;
  return { $schema, $id: PLAN_SCHEMA_ID, title: 'tracklint tracking plan', ...rest };
}

/** The file content of plans/tracking-plan.schema.json: 2-space indentation and a trailing newline. */
export function nativePlanJsonSchemaText(): string {
  return JSON.stringify(nativePlanJsonSchema(), null, 2) + '\n';
}
