import { ts } from '@ts-morph/common';
import { importOrigin, requiredModule } from './importOrigin';
import { skipOuter } from './syntax';

/**
 * What the code says about a receiver, before its name is listened to: the SDK is what its type comes
 * from (the SDK's modules, wherever they are declared, or imported from them even when they do not
 * resolve), and a `track` the project implements itself is the team's wrapper, whatever its object is called.
 */

/** Module specifiers of the analytics SDKs (a subpath, `@segment/analytics-next/dist/…`, counts too). */
const SDK_MODULES = [
  '@segment/analytics-next',
  '@segment/analytics-node',
  '@segment/analytics-core',
  '@segment/analytics-react-native',
  '@segment/analytics.js-core',
  'analytics-node',
  '@rudderstack/analytics-js',
  '@rudderstack/rudder-sdk-node',
  '@rudderstack/rudder-sdk-react-native',
  // Expo's fork of the RudderStack Node SDK (eas-cli and other Expo tools send through it).
  '@expo/rudder-sdk-node',
  'rudder-sdk-js',
];

/** How many declarations a receiver is followed through to find where it comes from (`client` → `AnalyticsBrowser.load()` → the import). */
const MAX_HOPS = 4;

export function isSdkModule(specifier: string): boolean {
  return SDK_MODULES.some((m) => specifier === m || specifier.startsWith(`${m}/`));
}

/** Whether a declaration is the SDK's: in its installed package (or DefinitelyTyped's), or in a `declare module '@segment/analytics-next'` block. */
export function isSdkDeclaration(declaration: ts.Node): boolean {
  const installed = packageOf(declaration.getSourceFile().fileName);
  if (installed !== undefined) return isSdkModule(installed);
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) return isSdkModule(node.name.text);
  }
  return false;
}

/** The package a file of `node_modules` belongs to (the innermost), DefinitelyTyped's `@types/scope__name` read as `@scope/name`. */
function packageOf(fileName: string): string | undefined {
  const path = fileName.replace(/\\/g, '/');
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = path.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  if (!name.startsWith('@types/')) return name;
  const typed = name.slice('@types/'.length);
  return typed.includes('__') ? `@${typed.replace('__', '/')}` : typed;
}

/**
 * Whether a receiver comes from an SDK module by its imports, read from the syntax so that it holds when
 * the module does not resolve (a repository checked without its dependencies installed): an identifier
 * imported from the SDK (`rudderanalytics`), or a variable, property or parameter made from one
 * (`AnalyticsBrowser.load(…)`, `new Analytics(…)`, `createClient(…)`, a CommonJS `require`) or typed with one (`client: Analytics`).
 */
export function isImportedFromSdk(receiver: ts.Expression, checker: ts.TypeChecker): boolean {
  return comesFromSdk(receiver, checker, 0);
}

function comesFromSdk(expression: ts.Expression, checker: ts.TypeChecker, hops: number): boolean {
  if (hops > MAX_HOPS) return false;
  const node = skipOuter(expression);
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return comesFromSdk(node.expression, checker, hops + 1);
  if (ts.isPropertyAccessExpression(node)) {
    // `AnalyticsBrowser.load`, `sdk.default`: what the member is read from; `this.client`: the property's declaration.
    if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return declarationComesFromSdk(checker.getSymbolAtLocation(node.name), checker, hops);
    return comesFromSdk(node.expression, checker, hops + 1);
  }
  if (!ts.isIdentifier(node)) return false;
  return declarationComesFromSdk(checker.getSymbolAtLocation(node), checker, hops);
}

function declarationComesFromSdk(symbol: ts.Symbol | undefined, checker: ts.TypeChecker, hops: number): boolean {
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return false;
  const imported = importSpecifierOf(declaration);
  if (imported !== undefined) return isSdkModule(imported);
  if (!(ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration) || ts.isBindingElement(declaration))) return false;
  if (ts.isBindingElement(declaration)) {
    // `const [analytics] = await AnalyticsBrowser.load(…)`, `const { client } = createClients()`.
    let variable: ts.Node = declaration.parent;
    while (ts.isObjectBindingPattern(variable) || ts.isArrayBindingPattern(variable) || ts.isBindingElement(variable)) variable = variable.parent;
    return ts.isVariableDeclaration(variable) && variable.initializer !== undefined && comesFromSdk(variable.initializer, checker, hops + 1);
  }
  if (declaration.type && typeComesFromSdk(declaration.type, checker)) return true;
  return declaration.initializer !== undefined && comesFromSdk(declaration.initializer, checker, hops + 1);
}

/** `Analytics`, `AnalyticsBrowser`, `Segment.Analytics`: a type named by an identifier imported from the SDK. */
function typeComesFromSdk(type: ts.TypeNode, checker: ts.TypeChecker): boolean {
  if (ts.isUnionTypeNode(type)) return type.types.some((t) => typeComesFromSdk(t, checker));
  if (!ts.isTypeReferenceNode(type)) return false;
  let name: ts.EntityName = type.typeName;
  while (ts.isQualifiedName(name)) name = name.left;
  const declaration = checker.getSymbolAtLocation(name)?.declarations?.[0];
  const imported = declaration && importSpecifierOf(declaration);
  return imported !== undefined && isSdkModule(imported);
}

/** The module specifier a binding comes from: an import, or a CommonJS `require` held in a const. */
function importSpecifierOf(declaration: ts.Declaration): string | undefined {
  if (ts.isVariableDeclaration(declaration)) return declaration.initializer && requiredModule(skipOuter(declaration.initializer))?.text;
  return importOrigin(declaration)?.specifier;
}

/**
 * Cheap test before asking the checker for a method: `window.analytics`, `getAnalytics()` and globals
 * declared in declaration files are the SDK; a local, imported or `this.` object may be the team's own.
 */
export function mayBeOwnObject(receiver: ts.Expression, checker: ts.TypeChecker): boolean {
  let root = skipOuter(receiver);
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = skipOuter(root.expression);
  if (root.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (!ts.isIdentifier(root) || ['window', 'globalThis', 'self'].includes(root.text)) return false;
  let symbol = checker.getSymbolAtLocation(root);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return (symbol?.declarations ?? []).some((d) => isOwnSourceFile(d.getSourceFile()) && !(ts.getCombinedModifierFlags(d as ts.Declaration) & ts.ModifierFlags.Ambient));
}

function isOwnSourceFile(sourceFile: ts.SourceFile): boolean {
  return !sourceFile.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(sourceFile.fileName);
}

/**
 * Whether a method called on a receiver named like the SDK (`segment.track`) is the project's own: a
 * method or function with a body, or a property holding a function, declared in the project's source.
 * Then it is the team's wrapper — followed as one when inference can map it — never the SDK.
 */
export function isOwnImplementation(callee: ts.PropertyAccessExpression | ts.ElementAccessExpression, checker: ts.TypeChecker): boolean {
  if (!mayBeOwnObject(callee.expression, checker)) return false;
  const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee.argumentExpression);
  return (symbol?.declarations ?? []).some((d) => isOwnSourceFile(d.getSourceFile()) && implementsFunction(d, checker));
}

function implementsFunction(declaration: ts.Declaration, checker: ts.TypeChecker): boolean {
  if (ts.isMethodDeclaration(declaration) || ts.isFunctionDeclaration(declaration)) return declaration.body !== undefined;
  if (ts.isShorthandPropertyAssignment(declaration)) return holdsOwnFunction(declaration.name, checker, 0);
  if ((ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) return holdsOwnFunction(declaration.initializer, checker, 0);
  return false;
}

/** A function written in the project (`(id) => …`, `trackEvent`), not a reference to the SDK's method (`analytics.track.bind(analytics)`). */
function holdsOwnFunction(expression: ts.Expression, checker: ts.TypeChecker, hops: number): boolean {
  const node = skipOuter(expression);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return true;
  if (!ts.isIdentifier(node) || hops > MAX_HOPS) return false;
  const symbol = ts.isShorthandPropertyAssignment(node.parent) ? checker.getShorthandAssignmentValueSymbol(node.parent) : checker.getSymbolAtLocation(node);
  let target = symbol;
  if (target && target.flags & ts.SymbolFlags.Alias) target = checker.getAliasedSymbol(target);
  const declaration = target?.valueDeclaration;
  if (!declaration || !isOwnSourceFile(declaration.getSourceFile())) return false;
  if (ts.isFunctionDeclaration(declaration)) return declaration.body !== undefined;
  return ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && holdsOwnFunction(declaration.initializer, checker, hops + 1);
}
