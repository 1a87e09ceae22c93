import { ts } from '@ts-morph/common';
import { staticPropertyName } from './syntax';

/** Function-like nodes that can be wrappers: they have parameters and a body. */
export type FunctionNode = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** Where a function expression is held so code can call it by name: `const track = …`, `{ track: … }`, `track = …`. */
export interface Holder {
  name: string;
  /** The variable declaration, property assignment, class property, assignment or export assignment. */
  node: ts.Node;
  /** A call the function is passed through on its way to the holder: `useCallback(fn, [])`. */
  through?: ts.CallExpression;
  /** The function that returns it (`return (name) => …` in `useTrack`): called by that function's names (`const track = useTrack()`). */
  returnedBy?: FunctionNode;
}

/** Climbs from a function expression (or object literal) through parentheses, casts and one wrapping call to what names it. */
export function holderOf(node: ts.Node): Holder | undefined {
  let current = node;
  let through: ts.CallExpression | undefined;
  for (let i = 0; i < 8; i++) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent)) {
      current = parent;
      continue;
    }
    if (ts.isCallExpression(parent) && !through && parent.arguments.some((a) => a === current)) {
      through = parent;
      current = parent;
      continue;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === current) {
      return ts.isIdentifier(parent.name) ? { name: parent.name.text, node: parent, through } : undefined;
    }
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.initializer === current) {
      const name = staticPropertyName(parent.name);
      return name === undefined ? undefined : { name, node: parent, through };
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === current) {
      const left = parent.left;
      const name = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text : undefined;
      return name === undefined ? undefined : { name, node: parent, through };
    }
    if (ts.isExportAssignment(parent)) return { name: 'default', node: parent, through };
    if (isFunctionNode(node) && (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === current))) {
      const returnedBy = ts.isReturnStatement(parent) ? enclosingFunction(parent) : parent;
      const names = returnedBy ? callableNames(returnedBy) : [];
      const name = names.find((n) => n !== 'default') ?? names[0];
      return name === undefined ? undefined : { name, node: parent, through, returnedBy };
    }
    return undefined;
  }
  return undefined;
}

function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (ts.isFunctionLike(current) || ts.isClassStaticBlockDeclaration(current)) return undefined;
  }
  return undefined;
}

function isDefaultExport(node: ts.FunctionDeclaration): boolean {
  const modifiers = ts.getModifiers(node) ?? [];
  return modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** Every name code may call a function by: its own name, its holder's, `default` for a default export. */
export function callableNames(fn: FunctionNode): string[] {
  const names: string[] = [];
  if (ts.isFunctionDeclaration(fn)) {
    if (fn.name) names.push(fn.name.text);
    if (isDefaultExport(fn)) names.push('default');
  } else if (ts.isMethodDeclaration(fn)) {
    const name = staticPropertyName(fn.name);
    if (name !== undefined) names.push(name);
  } else {
    if (ts.isFunctionExpression(fn) && fn.name) names.push(fn.name.text);
    const holder = holderOf(fn);
    if (holder?.returnedBy) names.push(...callableNames(holder.returnedBy));
    else if (holder) names.push(holder.name);
  }
  return names;
}

/**
 * How listings and hovers name a wrapper: its own name, qualified by its class, the object that holds
 * it, or the function it is declared in (`AnalyticsService.track`, `tracker.track`, `useAnalytics.track`).
 */
export function displayName(fn: FunctionNode): { name: string; shortName: string } {
  const own = callableNames(fn).find((n) => n !== 'default') ?? callableNames(fn)[0] ?? '(anonymous)';
  const container = containerName(fn);
  return { name: container ? `${container}.${own}` : own, shortName: own };
}

function containerName(fn: FunctionNode, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const holder = ts.isMethodDeclaration(fn) ? undefined : holderOf(fn);
  // A function a hook returns is named after the hook, in the hook's container.
  if (holder?.returnedBy) return containerName(holder.returnedBy, depth + 1);
  const holderNode = ts.isMethodDeclaration(fn) ? fn : holder?.node;
  const parent = holderNode?.parent;
  if (parent && ts.isClassLike(parent)) return parent.name?.text ?? 'default';
  if (parent && ts.isObjectLiteralExpression(parent)) return objectName(parent, depth + 1);
  // A function declared inside another (a hook's `const track = …`): the outer function's name.
  let node: ts.Node | undefined = (holderNode ?? fn).parent;
  while (node && !ts.isSourceFile(node)) {
    if (isFunctionNode(node)) return displayNameAt(node, depth + 1);
    node = node.parent;
  }
  return undefined;
}

function objectName(object: ts.ObjectLiteralExpression, depth: number): string | undefined {
  const holder = holderOf(object);
  if (holder) {
    const parent = holder.node.parent;
    if (parent && ts.isObjectLiteralExpression(parent)) {
      const outer = objectName(parent, depth + 1);
      return outer ? `${outer}.${holder.name}` : holder.name;
    }
    return holder.name;
  }
  // `return { track }` from a hook: named after the hook.
  let node: ts.Node | undefined = object.parent;
  while (node && !ts.isSourceFile(node)) {
    if (isFunctionNode(node)) return displayNameAt(node, depth + 1);
    node = node.parent;
  }
  return undefined;
}

function displayNameAt(fn: FunctionNode, depth: number): string | undefined {
  const own = callableNames(fn).find((n) => n !== 'default') ?? callableNames(fn)[0];
  if (!own) return undefined;
  const container = containerName(fn, depth);
  return container ? `${container}.${own}` : own;
}
