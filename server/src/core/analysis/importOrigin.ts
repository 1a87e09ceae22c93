import { ts } from '@ts-morph/common';

/** The module an import binding comes from: its specifier, and the literal that names it (for the checker to resolve). */
export interface ImportOrigin {
  specifier: string;
  node: ts.StringLiteral;
}

/** Where an import binding comes from: `import x`, `import { x }`, `import * as x`, `import x = …` of an external module. */
export function importOrigin(declaration: ts.Declaration): ImportOrigin | undefined {
  let node: ts.Node = declaration;
  if (ts.isImportSpecifier(node)) node = node.parent.parent.parent;
  else if (ts.isNamespaceImport(node)) node = node.parent.parent;
  else if (ts.isImportClause(node)) node = node.parent;
  else if (ts.isImportEqualsDeclaration(node)) {
    const reference = node.moduleReference;
    return ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) ? originOf(reference.expression) : undefined;
  }
  return ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) ? originOf(node.moduleSpecifier) : undefined;
}

/** The module literal of a CommonJS `require` of a literal, as a const holding the `require` of 'analytics-node' has it. */
export function requiredModule(expression: ts.Expression): ts.StringLiteral | undefined {
  if (!ts.isCallExpression(expression) || !ts.isIdentifier(expression.expression) || expression.expression.text !== 'require') return undefined;
  const specifier = expression.arguments[0];
  return specifier && ts.isStringLiteral(specifier) ? specifier : undefined;
}

function originOf(literal: ts.StringLiteral): ImportOrigin {
  return { specifier: literal.text, node: literal };
}
