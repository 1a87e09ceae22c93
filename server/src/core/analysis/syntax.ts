import { ts } from '@ts-morph/common';

/** Strips what does not change a value: parentheses, `!`, `as`, `satisfies`, `<T>x`, `await`, `void`-free wrappers. */
export function skipOuter(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current) ||
      ts.isAwaitExpression(current)
    ) {
      current = current.expression;
    } else return current;
  }
}

/** The text of a property name when it is static: `a`, `'a'`, `1`, `` `a` ``. */
export function staticPropertyName(name: ts.PropertyName | ts.Expression): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const inner = skipOuter(name.expression);
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) || ts.isNumericLiteral(inner)) return inner.text;
  }
  return undefined;
}

/** The expression an object literal gives to `field` (`{ event: X }` or shorthand `{ event }`). */
export function objectLiteralField(object: ts.ObjectLiteralExpression, field: string): ts.Expression | undefined {
  for (let i = object.properties.length - 1; i >= 0; i--) {
    const element = object.properties[i];
    if (ts.isPropertyAssignment(element) && staticPropertyName(element.name) === field) return element.initializer;
    if (ts.isShorthandPropertyAssignment(element) && element.name.text === field) return element.name;
  }
  return undefined;
}

/**
 * The dotted path of a called expression: `this.analyticsService.track` → ['this', 'analyticsService', 'track'];
 * a call in the chain keeps its callee name with `()`: `getAnalytics().track` → ['getAnalytics()', 'track'].
 */
export function calleePath(expression: ts.Expression): string[] {
  const node = skipOuter(expression);
  if (ts.isIdentifier(node)) return [node.text];
  if (node.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(node)) return [...calleePath(node.expression), node.name.text];
  if (ts.isElementAccessExpression(node)) {
    const arg = skipOuter(node.argumentExpression);
    const name = ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg) ? arg.text : '[]';
    return [...calleePath(node.expression), name];
  }
  if (ts.isCallExpression(node)) {
    const inner = calleePath(node.expression);
    if (inner.length === 0) return ['()'];
    inner[inner.length - 1] += '()';
    return inner;
  }
  return [];
}
