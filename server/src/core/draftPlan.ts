import type { ts } from '@ts-morph/common';
import { findAnalyticsCalls } from './analysis/calls';
import { CheckedCall } from './analysis/checkedCall';
import { isGeneratedClient } from './analysis/generated';
import { inferSchema } from './analysis/inferSchema';
import { rangeOfNode } from './analysis/ranges';
import { ValueTypeReader } from './analysis/valueType';
import { wrapperInference } from './analysis/wrappers';
import { schemaTypes, type JsonSchema } from './plan/jsonSchema';
import { emptyPlan, type PlanEntry, type PlanEntryKind, type PropertiesSpec, type TrackingPlan } from './plan/model';

/** A call whose name the checker cannot pin down: left out of the draft, and listed so the user can add it by hand. */
export interface UnresolvedCall {
  file: string;
  line: number;
  character: number;
  typeText: string;
}

export interface DraftPlan {
  plan: TrackingPlan;
  unresolved: UnresolvedCall[];
  /** How many calls the draft was made from. */
  calls: number;
}

/**
 * A first tracking plan from what the code sends: every event, page and screen name the checker resolves
 * statically, with property schemas inferred from the types of what each call passes (merged over its
 * calls: a key is required only when every call sends it), and the identify and group traits.
 * Literal values are not turned into enums: a few call sites are examples, not a rule.
 */
export function draftPlanFromCode(program: ts.Program, sourceFiles: ts.SourceFile[], name?: string): DraftPlan {
  const checker = program.getTypeChecker();
  const empty = emptyPlan('native');
  const wrappers = wrapperInference(program, checker, empty);
  const reader = new ValueTypeReader(checker);
  const drafts = { track: new Map<string, PropertiesSpec[]>(), page: new Map<string, PropertiesSpec[]>(), screen: new Map<string, PropertiesSpec[]>() };
  const traits: Record<'identify' | 'group', PropertiesSpec[]> = { identify: [], group: [] };
  const unresolved: UnresolvedCall[] = [];
  let calls = 0;
  for (const sourceFile of sourceFiles) {
    if (isGeneratedClient(sourceFile.text)) continue;
    for (const call of findAnalyticsCalls(sourceFile, checker, [], wrappers)) {
      // The call inside a wrapper sends its parameter: the wrapper's call sites say what is sent.
      if (call.forwardedBy || call.kind === 'alias') continue;
      const checked = new CheckedCall(call, empty, checker, reader);
      const properties = propertiesSpecOf(checked.properties());
      calls++;
      if (call.kind === 'identify' || call.kind === 'group') {
        traits[call.kind].push(properties);
        continue;
      }
      const names = checked.names();
      if (!names) continue;
      if (names.kind === 'dynamic') {
        const { start } = rangeOfNode(names.node, sourceFile);
        unresolved.push({ file: sourceFile.fileName, line: start.line, character: start.character, typeText: names.typeText });
        continue;
      }
      for (const resolved of names.names) {
        const list = drafts[call.kind].get(resolved.value) ?? [];
        list.push(properties);
        drafts[call.kind].set(resolved.value, list);
      }
    }
  }
  const plan = emptyPlan('native');
  if (name !== undefined) plan.name = name;
  const fill = (kind: 'track' | 'page' | 'screen', target: Map<string, PlanEntry>, section: string) => {
    for (const entryName of [...drafts[kind].keys()].sort()) {
      target.set(entryName, { kind, name: entryName, ...mergeSpecs(drafts[kind].get(entryName)!), path: [section, entryName] });
    }
  };
  fill('track', plan.events, 'events');
  fill('page', plan.pages, 'pages');
  fill('screen', plan.screens, 'screens');
  for (const kind of ['identify', 'group'] as const) {
    if (traits[kind].length) plan[kind] = { kind: kind as PlanEntryKind, name: '', ...mergeSpecs(traits[kind]), path: [kind] };
  }
  return { plan, unresolved, calls };
}

/** What one call sends: an object's keys with their schemas; nothing known (no properties argument, `any`) plans no keys. */
function propertiesSpecOf(value: ReturnType<CheckedCall['properties']>): PropertiesSpec {
  if (!value) return { properties: {}, required: [] };
  if (value.kind !== 'object') return { required: [] };
  const schema = inferSchema(value);
  return { properties: (schema.properties ?? {}) as Record<string, JsonSchema>, required: (schema.required as string[] | undefined) ?? [] };
}

/** The spec every call satisfies: all keys any call sends; required when every call sends it; types joined. */
export function mergeSpecs(specs: PropertiesSpec[]): PropertiesSpec {
  // One call that sends something unknown (`any`, a non-object) makes the draft plan no keys for the entry.
  if (specs.some((s) => s.properties === undefined)) return { required: [] };
  const properties: Record<string, JsonSchema> = {};
  for (const spec of specs) {
    for (const [key, schema] of Object.entries(spec.properties!)) properties[key] = key in properties ? joinSchemas(properties[key], schema) : schema;
  }
  const required = Object.keys(properties).filter((key) => specs.every((s) => s.required.includes(key)));
  return { properties, required };
}

/** A schema accepting what either accepts: the same schema, a list of plain types, or anything. */
function joinSchemas(a: JsonSchema, b: JsonSchema): JsonSchema {
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  const plain = (s: JsonSchema) => Object.keys(s).every((k) => k === 'type');
  const typesA = schemaTypes(a);
  const typesB = schemaTypes(b);
  if (!plain(a) || !plain(b) || !typesA || !typesB) return {};
  const types = [...new Set([...typesA, ...typesB])];
  if (types.includes('integer') && types.includes('number')) types.splice(types.indexOf('integer'), 1);
  return { type: types.length === 1 ? types[0] : types };
}
