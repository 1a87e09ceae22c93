import type { ts } from '@ts-morph/common';
import { describeSchema, schemaTypes, type JsonSchema, type JsonSchemaType } from '../plan/jsonSchema';
import type { PropertiesSpec } from '../plan/model';
import { mayBeUndefined, unionMembers, withoutUndefined, type ObjectShape, type ValueType } from '../analysis/valueType';
import { matchesFormat } from './formats';
import { patternMatches } from './regex';
import { nearestNames } from '../naming/suggest';

export type SchemaRuleId = 'property-type' | 'property-value' | 'missing-required-property' | 'unknown-property';

/** A difference between what the code sends and what the plan allows, before it becomes a finding. */
export interface SchemaIssue {
  ruleId: SchemaRuleId;
  messageId: string;
  /** Dotted path of the property: `total`, `products[].product_id`. */
  path: string;
  /** The node the finding is placed on; undefined means "the properties argument (or the call)". */
  node?: ts.Node;
  data: Record<string, string>;
  suggestions?: string[];
  expectedType?: string;
}

interface Where {
  path: string;
  node?: ts.Node;
}

/** Judges an object shape against the plan entry's properties; issues come out in source order of keys. */
export function checkProperties(shape: ObjectShape | undefined, spec: PropertiesSpec, common?: PropertiesSpec, anchor?: ts.Node): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  // Common properties (Segment COMMON rules) are planned for every event and required where they say so;
  // an event that plans no properties of its own still accepts any other key.
  const ownPropertiesPlanned = spec.properties !== undefined;
  const properties = ownPropertiesPlanned || common?.properties ? { ...(common?.properties ?? {}), ...(spec.properties ?? {}) } : undefined;
  checkShape(
    shape ?? { entries: new Map(), open: false },
    {
      properties,
      required: [...new Set([...(common?.required ?? []), ...spec.required])],
      additionalProperties: ownPropertiesPlanned ? spec.additionalProperties : true,
    },
    { path: '', node: anchor },
    issues,
  );
  return issues;
}

function checkShape(shape: ObjectShape, schema: JsonSchema, where: Where, issues: SchemaIssue[]): void {
  const required = Array.isArray(schema.required) ? schema.required : [];
  const properties = schema.properties;
  for (const key of required) {
    if (!shape.entries.has(key) && !shape.open && !shape.provided?.has(key)) {
      issues.push({ ruleId: 'missing-required-property', messageId: 'missing', path: join(where.path, key), node: where.node, data: {} });
    }
  }
  for (const [key, entry] of shape.entries) {
    const path = join(where.path, key);
    const node = entry.keyNode ?? entry.valueNode ?? where.node;
    const valueNode = entry.valueNode ?? entry.keyNode ?? where.node;
    // Own keys only: a key such as `constructor` or `toString` sent by the code is not planned by Object.prototype.
    let propertySchema = properties && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (propertySchema === undefined) {
      if (properties === undefined || schema.additionalProperties === true) continue;
      if (typeof schema.additionalProperties === 'object') propertySchema = schema.additionalProperties;
      else {
        const suggestions = nearestNames(key, Object.keys(properties).filter((k) => !shape.entries.has(k)));
        issues.push({
          ruleId: 'unknown-property',
          messageId: suggestions.length ? 'unknownWithSuggestion' : 'unknown',
          path,
          node,
          data: suggestions.length ? { suggestion: suggestions[0] } : {},
          suggestions,
        });
        continue;
      }
    }
    const isRequired = required.includes(key);
    // `key: undefined` on an optional property sends nothing: JSON drops it.
    if (!isRequired && entry.value.kind === 'undefined') continue;
    if (isRequired && (entry.optional || mayBeUndefined(entry.value))) {
      issues.push({
        ruleId: 'property-type',
        messageId: 'mayBeUndefined',
        path,
        node: valueNode,
        data: { found: entry.value.text + (entry.optional && !mayBeUndefined(entry.value) ? ' | undefined' : '') },
        expectedType: describeSchema(propertySchema),
      });
    }
    // An absent optional property is simply not sent: judge only what is sent when present.
    checkValue(withoutUndefined(entry.value), propertySchema, { path, node: valueNode }, issues);
  }
}

/** Judges one value against one property schema (type, then statically known values, then nested). */
export function checkValue(value: ValueType, schema: JsonSchema, where: Where, issues: SchemaIssue[]): void {
  if (value.kind === 'any') return;
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches) && branches.length) {
    const accepted = unionMembers(value).every((member) =>
      branches.some((branch) => {
        const trial: SchemaIssue[] = [];
        checkValue(member, branch, where, trial);
        return trial.length === 0;
      }),
    );
    if (!accepted) {
      issues.push(typeIssue(where, schema, value));
      return;
    }
  }
  const types = schemaTypes(schema);
  const rejected = unionMembers(value).filter((member) => !typeAccepts(member, types, schema));
  if (rejected.length) {
    issues.push(typeIssue(where, schema, value));
    return;
  }
  for (const member of unionMembers(value)) {
    checkLiteral(member, schema, where, issues);
    if (member.kind === 'array' && schema.items && !Array.isArray(schema.items)) {
      checkValue(member.element, schema.items, { path: `${where.path}[]`, node: where.node }, issues);
    }
    if (member.kind === 'object' && (schema.properties || schema.required || schema.additionalProperties === false)) {
      checkShape(member.shape, schema, where, issues);
    }
  }
}

function typeIssue(where: Where, schema: JsonSchema, value: ValueType): SchemaIssue {
  const expected = describeSchema(schema);
  return { ruleId: 'property-type', messageId: 'wrongType', path: where.path, node: where.node, data: { expected, found: value.text }, expectedType: expected };
}

function typeAccepts(value: ValueType, types: JsonSchemaType[] | undefined, schema: JsonSchema): boolean {
  if (value.kind === 'any') return true;
  if (!types) return true;
  switch (value.kind) {
    case 'string':
      return types.includes('string');
    case 'number':
      if (types.includes('number')) return true;
      return types.includes('integer') && (value.literal === undefined || Number.isInteger(value.literal));
    case 'boolean':
      return types.includes('boolean');
    case 'null':
      return types.includes('null');
    case 'date':
      // The SDKs serialize a Date to an ISO-8601 string.
      return types.includes('string') && schema.format === 'date-time';
    case 'array':
      return types.includes('array');
    case 'object':
      return types.includes('object');
    default:
      return false;
  }
}

function checkLiteral(value: ValueType, schema: JsonSchema, where: Where, issues: SchemaIssue[]): void {
  const literal = value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean' ? value.literal : value.kind === 'null' ? null : undefined;
  if (literal === undefined) return;
  const found = JSON.stringify(literal);
  const push = (messageId: string, data: Record<string, string>) =>
    issues.push({ ruleId: 'property-value', messageId, path: where.path, node: where.node, data: { found, ...data } });
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === literal)) {
    const suggestions = typeof literal === 'string' ? nearestNames(literal, schema.enum.filter((v): v is string => typeof v === 'string')) : [];
    issues.push({
      ruleId: 'property-value',
      messageId: 'notInEnum',
      path: where.path,
      node: where.node,
      data: { found, allowed: schema.enum.map((v) => JSON.stringify(v)).join(', ') },
      suggestions,
    });
  }
  if (schema.const !== undefined && schema.const !== literal) push('notConst', { expected: JSON.stringify(schema.const) });
  if (typeof literal === 'string') {
    if (typeof schema.pattern === 'string' && patternMatches(schema.pattern, literal) === false) push('pattern', { pattern: schema.pattern });
    if (typeof schema.format === 'string' && matchesFormat(schema.format, literal) === false) push('format', { format: schema.format });
    const length = [...literal].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) push('minLength', { limit: String(schema.minLength), length: String(length) });
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) push('maxLength', { limit: String(schema.maxLength), length: String(length) });
  }
  if (typeof literal === 'number') {
    const bound = numericBoundViolation(literal, schema);
    if (bound) push('range', { bound });
  }
}

/** Draft-07 numeric exclusive bounds, and the draft-04 boolean form some exported plans still carry. */
function numericBoundViolation(value: number, schema: JsonSchema): string | undefined {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  if (typeof minimum === 'number') {
    if (exclusiveMinimum === true ? value <= minimum : value < minimum) return exclusiveMinimum === true ? `> ${minimum}` : `>= ${minimum}`;
  }
  if (typeof maximum === 'number') {
    if (exclusiveMaximum === true ? value >= maximum : value > maximum) return exclusiveMaximum === true ? `< ${maximum}` : `<= ${maximum}`;
  }
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) return `> ${exclusiveMinimum}`;
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) return `< ${exclusiveMaximum}`;
  return undefined;
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
