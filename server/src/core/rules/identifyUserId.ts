import { ts } from '@ts-morph/common';
import { skipOuter } from '../analysis/syntax';
import { createRule } from './createRule';

/** A name (`email`, `userEmail`, `EMAIL_ADDRESS`, `Email`) that says the value is an email address. */
const EMAIL_NAME = /e-?mail/i;

export const identifyUserId = createRule({
  name: 'identify-user-id',
  meta: {
    docs: { description: 'Reports identify calls whose user id is an email address rather than the internal, immutable user id.' },
    defaultSeverity: 'warning',
    messages: {
      email:
        "The user id of identify is an email address ({{what}}). Identify users by the internal, immutable user id (the database id): an email changes, and every destination would see a new user. Send the email as a trait instead.",
    },
  },
  create(context) {
    return {
      call(call) {
        if (call.kind !== 'identify' || !call.call.userId) return;
        const what = emailEvidence(call.call.userId, call.checker, context.sourceFile);
        if (what) context.report({ node: call.call.userId, messageId: 'email', data: { what } });
      },
    };
  },
});

/** Why the expression is an email, as the message says it; undefined when nothing says so. */
function emailEvidence(expression: ts.Expression, checker: ts.TypeChecker, sourceFile: ts.SourceFile): string | undefined {
  const node = skipOuter(expression);
  if (ts.isStringLiteralLike(node)) return node.text.includes('@') ? `'${node.text}'` : undefined;
  const name = lastName(node);
  if (name && EMAIL_NAME.test(name)) return `\`${node.getText(sourceFile)}\``;
  const type = checker.getTypeAtLocation(node);
  // A literal type (`const ID = 'a@b.co'`), or a type whose name says email (`type Email = ...`, a branded string).
  if (type.isStringLiteral() && type.value.includes('@')) return `'${type.value}'`;
  const typeName = type.aliasSymbol?.name ?? type.getSymbol()?.name;
  const typeText = checker.typeToString(type);
  if ((typeName && EMAIL_NAME.test(typeName)) || (typeText.length < 200 && (EMAIL_NAME.test(typeText) || typeText.includes('@')))) {
    return `\`${node.getText(sourceFile)}\` of type '${typeText}'`;
  }
  return undefined;
}

/** The name an expression is read by: `email`, `user.email`, `user['email']`, `getEmail()`. */
function lastName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) {
    const argument = skipOuter(node.argumentExpression);
    return ts.isStringLiteralLike(argument) ? argument.text : undefined;
  }
  if (ts.isCallExpression(node)) return lastName(skipOuter(node.expression));
  return undefined;
}
