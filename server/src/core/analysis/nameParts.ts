import { ts } from '@ts-morph/common';
import { skipOuter } from './syntax';

/** The fixed text and the varying expressions of a template or `+` concatenation; undefined for any other name. */
export function nameParts(expression: ts.Expression): { fixed: string[]; varying: ts.Expression[] } | undefined {
  const node = skipOuter(expression);
  if (ts.isTemplateExpression(node)) {
    return { fixed: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)], varying: node.templateSpans.map((s) => s.expression) };
  }
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
  const fixed: string[] = [];
  const varying: ts.Expression[] = [];
  const stack: ts.Expression[] = [node];
  while (stack.length) {
    const part = skipOuter(stack.pop()!);
    if (ts.isBinaryExpression(part) && part.operatorToken.kind === ts.SyntaxKind.PlusToken) stack.push(part.right, part.left);
    else if (ts.isStringLiteralLike(part)) fixed.push(part.text);
    else varying.push(part);
  }
  return fixed.length ? { fixed, varying } : undefined;
}
