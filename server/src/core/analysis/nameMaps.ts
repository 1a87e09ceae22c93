import { ts } from '@ts-morph/common';
import type { SourceLocation } from '../types';
import type { NameResolution, ResolvedName } from './names';
import type { ParamTracer, TracedName } from './paramFlow';
import { rangeOfNode } from './ranges';
import { skipOuter, staticPropertyName } from './syntax';

/**
 * A wrapper that sends names through a map of its own: `segment.track(id, props)` calling
 * `window.analytics.track(SEGMENT_NAMES[id], props)`, with `SEGMENT_NAMES` a const object of string
 * literals. Its call sites pass ids; what the SDK receives is the map's value for the id.
 */
export interface NameMap {
  /** The map as the wrapper writes it: `SEGMENT_NAMES`. */
  name: string;
  /** Each id the map has, with the name it stands for and where that name is written. */
  entries: Map<string, { value: string; origin: SourceLocation }>;
}

/** An id a call site passes that the wrapper's map has no name for. */
export interface UnmappedName {
  id: string;
  node: ts.Node;
  /** True when `node` is a string literal holding exactly `id` (a fix can replace it). */
  isLiteral: boolean;
  map: NameMap;
}

const maps = new WeakMap<ts.Declaration, NameMap | null>();

/**
 * `MAP[param]` inside a function: the parameter (passed unchanged as the key) and the map, when the map is
 * a `const` object literal whose every field is a string literal (`as const`, `satisfies` or a typed
 * `Record` alike: the initializer says what each id maps to).
 */
export function tracedNameMap(expression: ts.Expression, tracer: ParamTracer, checker: ts.TypeChecker): { name: TracedName; map: NameMap } | undefined {
  const node = skipOuter(expression);
  if (!ts.isElementAccessExpression(node)) return undefined;
  const holder = skipOuter(node.expression);
  if (!ts.isIdentifier(holder)) return undefined;
  const name = tracer.name(node.argumentExpression);
  if (!name || name.prefix || name.suffix) return undefined;
  const map = constNameMap(holder, checker);
  return map && { name, map };
}

function constNameMap(holder: ts.Identifier, checker: ts.TypeChecker): NameMap | undefined {
  let symbol = checker.getSymbolAtLocation(holder);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration)) return undefined;
  let map = maps.get(declaration);
  if (map === undefined) maps.set(declaration, (map = readNameMap(holder.text, declaration) ?? null));
  return map ?? undefined;
}

function readNameMap(name: string, declaration: ts.VariableDeclaration): NameMap | undefined {
  if (!declaration.initializer || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
  const object = skipOuter(declaration.initializer);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  const sourceFile = declaration.getSourceFile();
  const entries = new Map<string, { value: string; origin: SourceLocation }>();
  for (const property of object.properties) {
    // A spread, a method or a computed value: the map cannot be read whole, so no id can be judged by it.
    if (!ts.isPropertyAssignment(property)) return undefined;
    const id = staticPropertyName(property.name);
    const value = skipOuter(property.initializer);
    if (id === undefined || !(ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) return undefined;
    entries.set(id, { value: value.text, origin: { file: sourceFile.fileName, range: rangeOfNode(value, sourceFile) } });
  }
  return { name, entries };
}

/** The names a call sends through its wrapper's map: each id's value; ids the map lacks are set apart. */
export function throughNameMap(ids: NameResolution, map: NameMap | undefined): NameResolution {
  if (!map || ids.kind === 'dynamic') return ids;
  const names: ResolvedName[] = [];
  const unmapped: UnmappedName[] = [...(ids.unmapped ?? [])];
  for (const id of ids.names) {
    const entry = map.entries.get(id.value);
    if (entry) names.push({ value: entry.value, node: id.node, isLiteral: false, origin: entry.origin });
    else unmapped.push({ id: id.value, node: id.node, isLiteral: id.isLiteral, map });
  }
  return unmapped.length ? { kind: 'static', names, unmapped } : { kind: 'static', names };
}
