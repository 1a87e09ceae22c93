import { ts } from '@ts-morph/common';
import { objectLiteralField, skipOuter } from './syntax';

/**
 * Whether the checker could not resolve a type: a type named from a package that is not installed
 * (`TrackParams` from an absent `@segment/analytics-node`), or an import that resolves to nothing. The
 * checker gives such places its error type, an `any` that prints as the name written in the source.
 */
export function isUnresolvedType(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Any) !== 0 && (type as { intrinsicName?: string }).intrinsicName === 'error';
}

/**
 * The expression a message built in place gives to its name field, when the message's own type cannot be
 * resolved: `const message: TrackParams = { event: data.event, userId }; segment.track(message)` with the
 * SDK not installed. Its type says nothing, but the object literal that built it holds the name. Only a
 * `const` counts: a `let` may be given another object before the call.
 */
export function builtMessageField(expression: ts.Expression, field: string, checker: ts.TypeChecker): ts.Expression | undefined {
  const node = skipOuter(expression);
  if (!ts.isIdentifier(node) || !isUnresolvedType(checker.getTypeAtLocation(node))) return undefined;
  const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  if (!ts.isVariableDeclarationList(declaration.parent) || !(declaration.parent.flags & ts.NodeFlags.Const)) return undefined;
  const initializer = skipOuter(declaration.initializer);
  return ts.isObjectLiteralExpression(initializer) ? objectLiteralField(initializer, field) : undefined;
}
