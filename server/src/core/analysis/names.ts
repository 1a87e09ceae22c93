import { ts } from '@ts-morph/common';
import type { SourceLocation } from '../types';
import type { AnalyticsCall } from './calls';
import { declaredName } from './declaredNames';
import { fieldType } from './messageFields';
import { throughNameMap, type UnmappedName } from './nameMaps';
import { rangeOfNode } from './ranges';
import { skipOuter } from './syntax';
import { builtMessageField, isUnresolvedType } from './unresolvedTypes';

/** One name an analytics call may send, and where it is written. */
export interface ResolvedName {
  value: string;
  /** The node in the call's file the name comes from: the literal itself, or the expression that carries it. */
  node: ts.Node;
  /** True when `node` is a string literal holding exactly `value` (so a fix can replace it in place). */
  isLiteral: boolean;
  /** The string literal in another declaration (a const, an enum member) that holds the name. */
  origin?: SourceLocation;
}

export type NameResolution =
  /** `unmapped`: ids passed to a wrapper that sends names through a map (`SEGMENT_NAMES[id]`) that the map lacks. */
  | { kind: 'static'; names: ResolvedName[]; unmapped?: UnmappedName[] }
  /**
   * `field`: the name is that field of the object argument at `node` (`message.event`), and `typeText` the field's type.
   * `unresolved`: the checker could not resolve the type (its package is not installed), so nothing is known of it.
   */
  | { kind: 'dynamic'; node: ts.Node; typeText: string; field?: string; unresolved?: boolean };

/** Combinations past this many are treated as dynamic rather than enumerated. */
const MAX_NAMES = 256;

/**
 * Resolves what names an expression can evaluate to, through the type checker: literals, consts,
 * `as const` maps, enum members, imports, literal unions, conditionals and templates of those.
 */
export function resolveNames(expression: ts.Expression, checker: ts.TypeChecker, prefix = '', suffix = ''): NameResolution {
  return withAffixes(resolve(expression, checker), prefix, suffix);
}

/**
 * The names an analytics call sends: from its name argument, the type of its message's name field
 * (`client.track(message)`), or the name a generated client's function sends itself; undefined when it has neither (identify, `analytics.page()`).
 */
export function resolveCallNames(call: Pick<AnalyticsCall, 'kind' | 'name' | 'fixedName' | 'message' | 'prefix' | 'suffix' | 'nameMap'>, checker: ts.TypeChecker): NameResolution | undefined {
  if (call.fixedName) return withAffixes({ kind: 'static', names: [{ value: call.fixedName.value, node: call.fixedName.node, isLiteral: false }] }, call.prefix, call.suffix);
  if (call.name) {
    const nameField = call.kind === 'track' ? 'event' : 'name';
    const built = builtMessageField(call.name, nameField, checker);
    if (built) return withAffixes(atArgument(resolve(built, checker), call.name, nameField), call.prefix, call.suffix);
    return withAffixes(throughNameMap(resolve(call.name, checker), call.nameMap), call.prefix, call.suffix);
  }
  const message = call.message;
  if (!message?.nameField) return undefined;
  const field = fieldType(message.node, message.nameField, checker);
  if (!field) return undefined;
  // No literal to point at: the names (and a dynamic name) are located at the message argument.
  const names = fromType(field.type, message.node, checker, () => field.symbol);
  return withAffixes(names.kind === 'dynamic' ? { ...names, field: message.nameField } : names, call.prefix, call.suffix);
}

/**
 * A name read from a field of the message at `argument`, located at the argument (the call's own
 * expression, where findings go), its literal kept as the origin a fix edits.
 */
function atArgument(result: NameResolution, argument: ts.Expression, field: string): NameResolution {
  if (result.kind === 'dynamic') return { ...result, node: argument, field };
  return {
    kind: 'static',
    names: result.names.map((n) => ({ ...n, node: argument, isLiteral: false, origin: n.origin ?? (n.isLiteral ? locationOf(n.node) : undefined) })),
  };
}

function locationOf(node: ts.Node): SourceLocation {
  const sourceFile = node.getSourceFile();
  return { file: sourceFile.fileName, range: rangeOfNode(node, sourceFile) };
}

function withAffixes(result: NameResolution, prefix: string, suffix: string): NameResolution {
  if (result.kind === 'dynamic' || (!prefix && !suffix)) return result;
  return { ...result, names: result.names.map((n) => ({ ...n, value: prefix + n.value + suffix, isLiteral: false })) };
}

function resolve(expression: ts.Expression, checker: ts.TypeChecker): NameResolution {
  const node = skipOuter(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { kind: 'static', names: [{ value: node.text, node, isLiteral: true }] };
  }
  if (ts.isConditionalExpression(node)) {
    return combineAlternatives([resolve(node.whenTrue, checker), resolve(node.whenFalse, checker)]);
  }
  if (ts.isTemplateExpression(node)) {
    let parts: NameResolution = { kind: 'static', names: [{ value: node.head.text, node, isLiteral: false }] };
    for (const span of node.templateSpans) {
      parts = concatenate(parts, resolve(span.expression, checker), node);
      parts = concatenate(parts, { kind: 'static', names: [{ value: span.literal.text, node, isLiteral: false }] }, node);
    }
    return parts.kind === 'dynamic' ? { kind: 'dynamic', node, typeText: 'string' } : parts;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const joined = concatenate(resolve(node.left, checker), resolve(node.right, checker), node);
    return joined.kind === 'dynamic' ? { kind: 'dynamic', node, typeText: checker.typeToString(checker.getTypeAtLocation(node)) } : joined;
  }
  const declared = declaredName(node, checker);
  if (declared) return { kind: 'static', names: [{ value: declared.value, node, isLiteral: false, origin: declared.origin }] };
  return fromType(checker.getTypeAtLocation(node), node, checker, () => checker.getSymbolAtLocation(node));
}

/**
 * The names a type holds: its string (and number) literal members. `holder` is what holds the value (the
 * variable, the message's field), whose initializer is the name's origin when it is a literal.
 */
function fromType(type: ts.Type, node: ts.Expression, checker: ts.TypeChecker, holder: () => ts.Symbol | undefined): NameResolution {
  const all = type.isUnion() ? type.types : [type];
  // `'A' | 'B' | null`: no name is sent when there is none, so the strings are what is judged.
  const members = all.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  if (members.length === 0) return { kind: 'dynamic', node, typeText: checker.typeToString(type) };
  const names: ResolvedName[] = [];
  for (const member of members) {
    if (isUnresolvedType(member)) {
      return { kind: 'dynamic', node, typeText: checker.typeToString(type), unresolved: true };
    } else if (member.isStringLiteral()) {
      names.push({ value: member.value, node, isLiteral: false, origin: originOf(member, members.length === 1 ? holder : undefined, checker) });
    } else if (member.isNumberLiteral()) {
      names.push({ value: String(member.value), node, isLiteral: false });
    } else {
      return { kind: 'dynamic', node, typeText: checker.typeToString(type) };
    }
  }
  return { kind: 'static', names };
}

/**
 * The string literal declaring a name resolved through a symbol: `const X = 'a'`, `{ X: 'a' } as const`,
 * `enum E { X = 'a' }`. Lets a fix edit the declaration rather than the call site.
 */
function originOf(type: ts.StringLiteralType, holder: (() => ts.Symbol | undefined) | undefined, checker: ts.TypeChecker): SourceLocation | undefined {
  let symbol = type.symbol && type.flags & ts.TypeFlags.EnumLiteral ? type.symbol : holder?.();
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (!declaration) return undefined;
  let initializer: ts.Expression | undefined;
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isEnumMember(declaration) || ts.isPropertyDeclaration(declaration)) {
    initializer = declaration.initializer;
  }
  if (!initializer) return undefined;
  const literal = skipOuter(initializer);
  if (!(ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) || literal.text !== type.value) return undefined;
  const sourceFile = literal.getSourceFile();
  return { file: sourceFile.fileName, range: rangeOfNode(literal, sourceFile) };
}

function combineAlternatives(results: NameResolution[]): NameResolution {
  const names: ResolvedName[] = [];
  for (const result of results) {
    if (result.kind === 'dynamic') return result;
    names.push(...result.names);
  }
  return { kind: 'static', names };
}

function concatenate(left: NameResolution, right: NameResolution, node: ts.Node): NameResolution {
  if (left.kind === 'dynamic') return left;
  if (right.kind === 'dynamic') return right;
  if (left.names.length * right.names.length > MAX_NAMES) return { kind: 'dynamic', node, typeText: 'string' };
  const names: ResolvedName[] = [];
  for (const l of left.names) {
    for (const r of right.names) names.push({ value: l.value + r.value, node, isLiteral: false });
  }
  return { kind: 'static', names };
}
