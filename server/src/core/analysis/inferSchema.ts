import type { ValueType } from './valueType';
import type { JsonSchema, JsonSchemaType } from '../plan/jsonSchema';

/**
 * A JSON Schema describing what the code sends, for "Add event to the tracking plan": types come from
 * the checker; literal values are not turned into enums (a single example is not a rule).
 */
export function inferSchema(value: ValueType, depth = 0): JsonSchema {
  switch (value.kind) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { type: value.literal !== undefined && Number.isInteger(value.literal) ? 'integer' : 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'null':
      return { type: 'null' };
    case 'date':
      return { type: 'string', format: 'date-time' };
    case 'array':
      return { type: 'array', items: depth > 4 ? {} : inferSchema(value.element, depth + 1) };
    case 'object': {
      if (depth > 4) return { type: 'object' };
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const [key, entry] of value.shape.entries) {
        properties[key] = inferSchema(entry.value, depth + 1);
        if (!entry.optional && !(entry.value.kind === 'union' && entry.value.members.some((m) => m.kind === 'undefined'))) required.push(key);
      }
      return required.length ? { type: 'object', properties, required } : { type: 'object', properties };
    }
    case 'union': {
      const members = value.members.filter((m) => m.kind !== 'undefined').map((m) => inferSchema(m, depth));
      const types = new Set<JsonSchemaType>();
      for (const member of members) {
        if (typeof member.type !== 'string' || Object.keys(member).length > 1) return members.length === 1 ? members[0] : {};
        types.add(member.type);
      }
      // An integer literal beside a number is a number.
      if (types.has('integer') && types.has('number')) types.delete('integer');
      const list = [...types];
      return list.length === 1 ? { type: list[0] } : list.length ? { type: list } : {};
    }
    default:
      return {};
  }
}
