import { ts } from '@ts-morph/common';
import type { SourceLocation } from '../types';
import { rangeOfNode } from './ranges';

/**
 * The string a name expression holds when its declaration says so outright — `const X = 'a'`,
 * `{ X: 'a' } as const` (nested too), `enum E { X = 'a' }`, through imports and re-exports — read from
 * the declaration instead of asking the checker for the expression's type. The type query runs
 * control-flow analysis over the enclosing function (for `window.analytics.track(…)` calls that means
 * resolving `Window & typeof globalThis`), which costs more than the rest of an edit's check. Anything
 * else (annotated consts, `let`, computed values) returns undefined and goes through the checker.
 */
export function declaredName(node: ts.Expression, checker: ts.TypeChecker): { value: string; origin: SourceLocation } | undefined {
  const literal = declaredLiteral(node, checker);
  if (!literal) return undefined;
  const sourceFile = literal.getSourceFile();
  return { value: literal.text, origin: { file: sourceFile.fileName, range: rangeOfNode(literal, sourceFile) } };
}

function declaredLiteral(node: ts.Expression, checker: ts.TypeChecker): ts.StringLiteralLike | undefined {
  if (ts.isIdentifier(node)) {
    const declaration = valueDeclaration(node, checker);
    if (!declaration || !isPlainConst(declaration)) return undefined;
    return stringLiteral(declaration.initializer!, true);
  }
  if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.name)) return undefined;
  const key = node.name.text;
  const holder = node.expression;
  if (ts.isIdentifier(holder)) {
    const symbol = resolvedSymbol(holder, checker);
    if (symbol && symbol.flags & ts.SymbolFlags.Enum) return enumMemberLiteral(symbol, key);
  }
  const object = constObject(holder, checker);
  const property = object?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyKey(p.name) === key);
  return property ? stringLiteral(property.initializer, false) : undefined;
}

/** The object literal an expression denotes inside an `as const` initializer of a const, if it does. */
function constObject(node: ts.Expression, checker: ts.TypeChecker): ts.ObjectLiteralExpression | undefined {
  if (ts.isIdentifier(node)) {
    const declaration = valueDeclaration(node, checker);
    if (!declaration || !isPlainConst(declaration)) return undefined;
    const initializer = unparenthesize(declaration.initializer!);
    if (!isConstAssertion(initializer)) return undefined;
    const object = unparenthesize(initializer.expression);
    return ts.isObjectLiteralExpression(object) ? object : undefined;
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
    const parent = constObject(node.expression, checker);
    const property = parent?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyKey(p.name) === node.name.text);
    const object = property && unparenthesize(property.initializer);
    return object && ts.isObjectLiteralExpression(object) ? object : undefined;
  }
  return undefined;
}

function enumMemberLiteral(symbol: ts.Symbol, key: string): ts.StringLiteralLike | undefined {
  for (const declaration of symbol.declarations ?? []) {
    if (!ts.isEnumDeclaration(declaration)) continue;
    const member = declaration.members.find((m) => propertyKey(m.name) === key);
    if (member) return member.initializer ? stringLiteral(member.initializer, false) : undefined;
  }
  return undefined;
}

function resolvedSymbol(identifier: ts.Identifier, checker: ts.TypeChecker): ts.Symbol | undefined {
  let symbol = checker.getSymbolAtLocation(identifier);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol;
}

function valueDeclaration(identifier: ts.Identifier, checker: ts.TypeChecker): ts.VariableDeclaration | undefined {
  const declaration = resolvedSymbol(identifier, checker)?.valueDeclaration;
  return declaration && ts.isVariableDeclaration(declaration) ? declaration : undefined;
}

/** `const x = …` with no type annotation: its type is its initializer's, so the initializer is the truth. */
function isPlainConst(declaration: ts.VariableDeclaration): boolean {
  return (
    ts.isIdentifier(declaration.name) &&
    !declaration.type &&
    declaration.initializer !== undefined &&
    (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0
  );
}

/** A string literal, optionally under `as const`; anything with another type assertion is left to the checker. */
function stringLiteral(expression: ts.Expression, constAssertionAllowed: boolean): ts.StringLiteralLike | undefined {
  let node = unparenthesize(expression);
  if (constAssertionAllowed && isConstAssertion(node)) node = unparenthesize(node.expression);
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node : undefined;
}

function isConstAssertion(node: ts.Expression): node is ts.AsExpression {
  return ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const';
}

function unparenthesize(node: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return node;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}
