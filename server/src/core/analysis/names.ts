import { ts } from 'ts-morph';
import type { SourceLocation } from '../types';
import { declaredName } from './declaredNames';
import { rangeOfNode } from './ranges';
import { skipOuter } from './syntax';

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
  | { kind: 'static'; names: ResolvedName[] }
  | { kind: 'dynamic'; node: ts.Node; typeText: string };

/** Combinations past this many are treated as dynamic rather than enumerated. */
const MAX_NAMES = 256;

/**
 * Resolves what names an expression can evaluate to, through the type checker: literals, consts,
 * `as const` maps, enum members, imports, literal unions, conditionals and templates of those.
 */
export function resolveNames(expression: ts.Expression, checker: ts.TypeChecker, prefix = '', suffix = ''): NameResolution {
  const result = resolve(expression, checker);
  if (result.kind === 'dynamic' || (!prefix && !suffix)) return result;
  return {
    kind: 'static',
    names: result.names.map((n) => ({ ...n, value: prefix + n.value + suffix, isLiteral: false })),
  };
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
  return fromType(node, checker);
}

function fromType(node: ts.Expression, checker: ts.TypeChecker): NameResolution {
  const type = checker.getTypeAtLocation(node);
  const members = type.isUnion() ? type.types : [type];
  const names: ResolvedName[] = [];
  for (const member of members) {
    if (member.isStringLiteral()) {
      names.push({ value: member.value, node, isLiteral: false, origin: originOf(node, member, checker, members.length === 1) });
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
function originOf(node: ts.Expression, type: ts.StringLiteralType, checker: ts.TypeChecker, single: boolean): SourceLocation | undefined {
  let symbol = type.symbol && type.flags & ts.TypeFlags.EnumLiteral ? type.symbol : single ? checker.getSymbolAtLocation(node) : undefined;
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
