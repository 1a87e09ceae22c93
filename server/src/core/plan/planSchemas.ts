import type { JsonSchema } from './jsonSchema';
import type { PlanPath, PropertiesSpec, TrackingPlan } from './model';
import { isRecord, normalizeSchema } from './formats/format';
import { describeValue, repairNullTypes } from './formats/segmentRules';
import { followPointer, valueAt } from './jsonPointer';
import { MAX_PLAN_DEPTH } from './nesting';
import { patternProblem } from '../schema/regex';

/** A property schema that grows beyond this many schemas through `$ref`s (a "billion laughs" of references) is not used. */
export const MAX_SCHEMA_SIZE = 10_000;

export interface SchemaPassContext {
  documentValue: unknown;
  /** Reports a problem at a path of the plan file; `fatal` problems make a strict plan unusable. */
  report(path: PlanPath, message: string, fatal: boolean): void;
  /**
   * Native plans are strict: a broken reference or an invalid pattern makes the plan unusable, like any other
   * wrong value. Imported formats go on with what they can use, and their messages say what is skipped.
   */
  strict: boolean;
}

/**
 * After a format has loaded the plan: replaces local `$ref`s in property schemas by the schemas they point to,
 * and reports what cannot be evaluated — references that point nowhere, leave the plan or loop, patterns
 * that are invalid or need a backtracking engine, and required properties no object can have.
 * Only the keywords the checks evaluate are followed (properties, items, additionalProperties, anyOf, oneOf).
 */
export function resolvePlanSchemas(plan: TrackingPlan, context: SchemaPassContext): void {
  const resolver = new SchemaResolver(context);
  const specs: [PropertiesSpec, string, PropertiesSpec | undefined][] = [];
  for (const [name, entry] of plan.events) specs.push([entry, `event '${name}'`, plan.common]);
  for (const [name, entry] of plan.pages) specs.push([entry, `page '${name}'`, undefined]);
  for (const [name, entry] of plan.screens) specs.push([entry, `screen '${name}'`, undefined]);
  if (plan.identify) specs.push([plan.identify, 'identify calls', undefined]);
  if (plan.group) specs.push([plan.group, 'group calls', undefined]);
  if (plan.common) specs.push([plan.common, 'the common properties', undefined]);
  for (const [spec, subject, common] of specs) resolver.resolveSpec(spec, subject, common);
  // Native definitions are checked even when nothing refers to them yet.
  if (context.strict) {
    for (const section of ['definitions', '$defs']) {
      const definitions = valueAt(context.documentValue, [section]);
      if (!isRecord(definitions)) continue;
      for (const [name, schema] of Object.entries(definitions)) {
        if (isRecord(schema)) resolver.resolveTarget({ path: [section, name], value: schema }, `#/${section}/${name}`, undefined, 0, []);
      }
    }
  }
}

interface Frame {
  key: string;
  ref: string;
  depth: number;
}

class SchemaResolver {
  /** Resolved schemas by the path they were read from: a definition used many times is resolved (and reported) once. */
  private readonly resolved = new Map<string, JsonSchema>();
  /** The references being resolved, outermost first: meeting one of them again is a cycle. */
  private readonly stack: Frame[] = [];
  /** Index in `stack` of each open target. */
  private readonly openFrames = new Map<string, number>();
  private readonly reported = new Set<string>();
  private readonly sizes = new WeakMap<object, number>();
  private tooDeep = false;

  constructor(private readonly context: SchemaPassContext) {}

  resolveSpec(spec: PropertiesSpec, subject: string, common: PropertiesSpec | undefined): void {
    const propertiesPath = spec.propertiesPath;
    if (!propertiesPath) return;
    const root = spec.schemaRoot ?? [];
    const objectPath = propertiesPath.slice(0, -1);
    if (spec.properties) {
      const properties: Record<string, JsonSchema> = {};
      for (const [key, schema] of Object.entries(spec.properties)) {
        const path = [...propertiesPath, key];
        properties[key] = this.bounded(this.resolve(schema, path, root, 1), path, `The schema of property '${key}' of ${subject}`);
      }
      spec.properties = properties;
    }
    if (isRecord(spec.additionalProperties)) {
      const path = [...objectPath, 'additionalProperties'];
      spec.additionalProperties = this.bounded(this.resolve(spec.additionalProperties, path, root, 1), path, `The additionalProperties schema of ${subject}`);
    }
    if (spec.properties) {
      const known = { ...common?.properties, ...spec.properties };
      spec.properties = this.declareRequired(spec.properties, spec.required, (name) => Object.hasOwn(known, name), spec.additionalProperties, objectPath, subject);
    }
  }

  /**
   * As JSON Schema reads it, `required` names properties of the object whether or not `properties` lists them:
   * each one it names and nothing defines is a property accepting any value. Only an `additionalProperties: false`
   * written out contradicts that (no value can satisfy both), and is reported.
   */
  private declareRequired(
    properties: Record<string, JsonSchema>,
    required: unknown,
    isDefined: (name: string) => boolean,
    additionalProperties: unknown,
    objectPath: PlanPath,
    owner: string,
  ): Record<string, JsonSchema> {
    if (!Array.isArray(required)) return properties;
    const undeclared = required.filter((name): name is string => typeof name === 'string' && !isDefined(name));
    if (!undeclared.length) return properties;
    if (additionalProperties === false) for (const name of undeclared) this.unplannedRequired(objectPath, name, owner);
    return { ...properties, ...Object.fromEntries(undeclared.map((name) => [name, {}])) };
  }

  /** Resolves a schema found at `target.path` (once per target), checking what it holds at its own location. */
  resolveTarget(target: { path: PlanPath; value: unknown }, ref: string, refPath: PlanPath | undefined, depth: number, root: PlanPath): JsonSchema | undefined {
    const key = JSON.stringify(target.path);
    const done = this.resolved.get(key);
    if (done) return done;
    const open = this.openFrames.get(key);
    if (open !== undefined) {
      // Back at a schema being resolved. Through properties or items this is a recursive schema (a tree):
      // its inner levels accept any value. Without any schema in between, the references only loop.
      if (this.stack[open].depth === depth && refPath) {
        const chain = [...this.stack.slice(open).map((frame) => frame.ref), ref].join(' → ');
        this.problem(refPath, `\`$ref\` '${ref}' loops back to itself (${chain}) without reaching a schema`, 'any value is accepted there');
      }
      return undefined;
    }
    if (!isRecord(target.value)) return undefined;
    this.openFrames.set(key, this.stack.length);
    this.stack.push({ key, ref, depth });
    try {
      // `#` inside the target means what it meant at the reference: the same plan, or the same Segment rule's schema.
      const schema = this.resolve(normalizeSchema(repairNullTypes(target.value as JsonSchema)), target.path, root, depth);
      this.resolved.set(key, schema);
      return schema;
    } finally {
      this.stack.pop();
      this.openFrames.delete(key);
    }
  }

  private resolve(schema: JsonSchema, path: PlanPath, root: PlanPath, depth: number): JsonSchema {
    if (depth + this.stack.length > MAX_PLAN_DEPTH) {
      // Once per plan: a long chain of definitions would otherwise be reported at each of its links.
      if (!this.tooDeep) this.problem(path, `This schema is nested more than ${MAX_PLAN_DEPTH} levels deep through \`$ref\`s; tracklint does not follow it further`, 'any value is accepted there');
      this.tooDeep = true;
      return {};
    }
    if (!Object.hasOwn(schema, '$ref')) return this.resolveKeywords(schema, path, root, depth);
    const { $ref: ref, ...siblings } = schema;
    const rest = this.resolveKeywords(siblings, path, root, depth);
    const refPath = [...path, '$ref'];
    const target = followPointer(this.context.documentValue, root, ref);
    if ('problem' in target) {
      this.problem(refPath, `\`$ref\` ${typeof ref === 'string' ? `'${ref}' ` : ''}${target.problem}`, 'any value is accepted there');
      return rest;
    }
    if (!isRecord(target.value)) {
      this.problem(refPath, `\`$ref\` '${ref}' points to ${describeValue(target.value)}, not to a schema object`, 'any value is accepted there');
      return rest;
    }
    const resolved = this.resolveTarget(target, String(ref), refPath, depth, root);
    // Keywords beside `$ref` (a description, most often) refine the schema it names.
    return resolved ? (Object.keys(rest).length ? { ...resolved, ...rest } : resolved) : rest;
  }

  private resolveKeywords(schema: JsonSchema, path: PlanPath, root: PlanPath, depth: number): JsonSchema {
    const result: JsonSchema = { ...schema };
    if (typeof schema.pattern === 'string') this.checkPattern(schema.pattern, [...path, 'pattern']);
    const child = (value: unknown, childPath: PlanPath) => (isRecord(value) ? this.resolve(value as JsonSchema, childPath, root, depth + 1) : {});
    if (isRecord(schema.properties)) {
      const properties: Record<string, JsonSchema> = {};
      for (const [key, value] of Object.entries(schema.properties)) properties[key] = child(value, [...path, 'properties', key]);
      result.properties = this.declareRequired(properties, schema.required, (name) => Object.hasOwn(properties, name), schema.additionalProperties, path, 'this schema');
    }
    if (isRecord(schema.items)) result.items = child(schema.items, [...path, 'items']);
    else if (Array.isArray(schema.items)) result.items = schema.items.map((item, index) => child(item, [...path, 'items', index]));
    if (isRecord(schema.additionalProperties)) result.additionalProperties = child(schema.additionalProperties, [...path, 'additionalProperties']);
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = schema[keyword];
      if (Array.isArray(branches)) result[keyword] = branches.map((branch, index) => child(branch, [...path, keyword, index]));
    }
    return result;
  }

  private checkPattern(pattern: string, path: PlanPath): void {
    const problem = patternProblem(pattern);
    if (!problem) return;
    if (problem.kind === 'invalid') {
      this.problem(path, `Pattern '${pattern}' is not a valid regular expression: ${problem.detail}`, 'values are not checked against it');
    } else {
      this.problem(
        path,
        `Pattern '${pattern}' needs a backtracking regex engine (${problem.detail}); tracklint evaluates patterns in linear time and does not check values against this one`,
        undefined,
        false,
      );
    }
  }

  /** `required` names a property its object does not define while `additionalProperties: false` allows no other. */
  private unplannedRequired(objectPath: PlanPath, name: string, owner: string): void {
    const required = valueAt(this.context.documentValue, [...objectPath, 'required']);
    const index = Array.isArray(required) ? required.indexOf(name) : -1;
    this.problem(
      index >= 0 ? [...objectPath, 'required', index] : [...objectPath, 'required'],
      `'${name}' is required by ${owner} but not defined in its \`properties\`, and \`additionalProperties: false\` allows no other property: no value can satisfy both. Define '${name}' under \`properties\` or remove it from \`required\``,
      undefined,
      false,
    );
  }

  /** The schema, or an empty one (any value) when references make it grow beyond MAX_SCHEMA_SIZE. */
  private bounded(schema: JsonSchema, path: PlanPath, label: string): JsonSchema {
    if (this.size(schema) <= MAX_SCHEMA_SIZE) return schema;
    this.problem(path, `${label} grows to more than ${MAX_SCHEMA_SIZE} schemas through its \`$ref\`s; tracklint does not check values against it`, undefined);
    return {};
  }

  /** The number of schemas in the tree a resolved schema stands for, counting shared ones each time (saturating). */
  private size(schema: JsonSchema): number {
    const known = this.sizes.get(schema);
    if (known !== undefined) return known;
    let total = 1;
    const add = (value: unknown) => {
      if (isRecord(value) && total <= MAX_SCHEMA_SIZE) total += this.size(value as JsonSchema);
    };
    if (isRecord(schema.properties)) Object.values(schema.properties).forEach(add);
    if (Array.isArray(schema.items)) schema.items.forEach(add);
    else add(schema.items);
    add(schema.additionalProperties);
    for (const keyword of ['anyOf', 'oneOf'] as const) if (Array.isArray(schema[keyword])) schema[keyword].forEach(add);
    const size = Math.min(total, MAX_SCHEMA_SIZE + 1);
    this.sizes.set(schema, size);
    return size;
  }

  /**
   * Reports once per location and message. `consequence` is what happens when the plan is used anyway (imported
   * formats); a strict plan with a `fatal` problem is not used at all.
   */
  private problem(path: PlanPath, message: string, consequence: string | undefined, fatal = true): void {
    const text = !this.context.strict && consequence ? `${message}; ${consequence}.` : `${message}.`;
    const key = `${JSON.stringify(path)}\u0000${text}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.context.report(path, text, fatal);
  }
}
