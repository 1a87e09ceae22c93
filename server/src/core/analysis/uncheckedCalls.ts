import { ts } from '@ts-morph/common';
import type { CallKind } from './calls';
import { importOrigin, requiredModule } from './importOrigin';
import { calleePath, skipOuter, staticPropertyName } from './syntax';
import { isUnresolvedType } from './unresolvedTypes';

const METHODS = new Set<string>(['track', 'identify', 'page', 'screen', 'group', 'alias']);
/** Functions called by name (not as a method) that are analytics calls by their name alone. */
export const TRACKING_FUNCTIONS = new Set<string>(['track', 'trackEvent', 'trackPage', 'trackScreen']);

/**
 * Words that make a receiver look like analytics, in its name, its declared type's name, or the module it
 * comes from. Method names alone (`router.page`, `people.group`) say too little: without one of these
 * the call is left alone.
 */
const ANALYTICS_WORDS = /analytic|segment|rudder|track|telemetr|metric|event|mixpanel|amplitude|posthog|snowplow/i;

/** A call that looks like analytics but that tracklint could not judge, and why. */
export interface UncheckedCall {
  node: ts.CallExpression;
  method: CallKind;
  /** The callee as shown: `analyticsService.track`, or the function called (`trackEvent`). */
  callee: string;
  /** The receiver as written, without `this.`: `analyticsService`, `deps.tracker`, `getTelemetry()`. */
  receiver: string;
  /**
   * `module`: the receiver (or its declared type, or what constructs it) comes from a module that cannot be
   * resolved; `type`: its declared type cannot be resolved; `any`: it is typed `any`.
   */
  reason: 'module' | 'type' | 'any';
  /** The module specifier, for `module`. */
  module?: string;
  /** The declared type as written, for `type`. */
  typeText?: string;
}

/** What the declarations behind a receiver say of it. */
interface ReceiverOrigin {
  /** Names that may suggest analytics: the declared type's, the constructor's or factory's, the module's. */
  names: string[];
  unresolvedModule?: string;
  typeText?: string;
}

/**
 * An SDK-named call (`x.track(…)`) that no other recognition took, on a receiver whose type the checker
 * cannot resolve (a package not installed, an error type, `any`) and whose name, declared type or module
 * suggests analytics. Cheap on the way out: the method name is tested before any type is asked for.
 */
export function uncheckedCall(node: ts.CallExpression, checker: ts.TypeChecker): UncheckedCall | undefined {
  const callee = skipOuter(node.expression);
  if (ts.isIdentifier(callee)) return uncheckedFunctionCall(node, callee, checker);
  let method: string | undefined;
  if (ts.isPropertyAccessExpression(callee)) method = callee.name.text;
  else if (ts.isElementAccessExpression(callee)) method = staticPropertyName(callee.argumentExpression);
  if (!method || !METHODS.has(method)) return undefined;
  const receiver = (callee as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression;
  const type = checker.getTypeAtLocation(receiver);
  if (!(type.flags & ts.TypeFlags.Any)) return undefined;
  const path = calleePath(receiver).filter((segment) => segment !== 'this');
  const origin = receiverOrigin(receiver, checker);
  if (![...path, ...origin.names].some((name) => ANALYTICS_WORDS.test(name))) return undefined;
  const shown = path.length ? path.join('.') : receiver.getText();
  const call: UncheckedCall = { node, method: method as CallKind, callee: `${shown}.${method}`, receiver: shown, reason: 'any' };
  if (origin.unresolvedModule !== undefined) return { ...call, reason: 'module', module: origin.unresolvedModule };
  if (isUnresolvedType(type) && origin.typeText) return { ...call, reason: 'type', typeText: origin.typeText };
  return call;
}

/**
 * `const { trackEvent } = useTracking()` or `import { trackEvent } from '@acme/analytics'`, from a module that
 * cannot be resolved: a function named as an analytics verb, typed `any` because its module is missing.
 * Other names (`trackPromise`) say too little.
 */
function uncheckedFunctionCall(node: ts.CallExpression, callee: ts.Identifier, checker: ts.TypeChecker): UncheckedCall | undefined {
  if (!TRACKING_FUNCTIONS.has(callee.text) || !(checker.getTypeAtLocation(callee).flags & ts.TypeFlags.Any)) return undefined;
  const declaration = checker.getSymbolAtLocation(callee)?.declarations?.[0];
  if (!declaration) return undefined;
  const origin: ReceiverOrigin = { names: [] };
  // A destructured binding: the hook or object it comes out of says where it comes from.
  const variable = ts.isBindingElement(declaration) ? declaration.parent.parent : declaration;
  readDeclaration(variable as ts.Declaration, checker, origin);
  if (origin.unresolvedModule === undefined) return undefined;
  return { node, method: 'track', callee: callee.text, receiver: callee.text, reason: 'module', module: origin.unresolvedModule };
}

/**
 * Follows the receiver to its declaration: an imported binding (`import { tracker } from '@acme/telemetry'`), a
 * declared type (`private readonly analyticsService: AnalyticsService`, a constructor parameter), or an
 * initializer that constructs it (`new Analytics(…)`, `createClient(…)`), and from those to their imports.
 * A receiver without a declaration of its own (`deps.tracker` with `deps: any`) is followed through its object.
 */
function receiverOrigin(receiver: ts.Expression, checker: ts.TypeChecker): ReceiverOrigin {
  const origin: ReceiverOrigin = { names: [] };
  let node: ts.Expression | undefined = skipOuter(receiver);
  for (let depth = 0; node && depth < 8; depth++) {
    if (ts.isCallExpression(node)) {
      node = skipOuter(node.expression);
      continue;
    }
    const nameNode = ts.isPropertyAccessExpression(node) ? node.name : ts.isIdentifier(node) ? node : undefined;
    const declaration = nameNode && checker.getSymbolAtLocation(nameNode)?.declarations?.[0];
    if (declaration) {
      readDeclaration(declaration, checker, origin);
      return origin;
    }
    node = ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ? skipOuter(node.expression) : undefined;
  }
  return origin;
}

function readDeclaration(declaration: ts.Declaration, checker: ts.TypeChecker, origin: ReceiverOrigin): void {
  const imported = importedFrom(declaration, checker);
  if (imported) {
    origin.names.push(imported.specifier);
    if (!imported.resolved) origin.unresolvedModule = imported.specifier;
    return;
  }
  if (!(ts.isVariableDeclaration(declaration) || ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration))) return;
  if (declaration.type) {
    origin.typeText = declaration.type.getText();
    origin.names.push(origin.typeText);
    // `RudderStackClient | null`: the named type among the members.
    const members: readonly ts.TypeNode[] = ts.isUnionTypeNode(declaration.type) ? declaration.type.types : [declaration.type];
    const reference = members.find((member): member is ts.TypeReferenceNode => ts.isTypeReferenceNode(member));
    if (reference) fromIdentifier(leftmostName(reference.typeName), checker, origin);
    return;
  }
  const initializer = !ts.isPropertySignature(declaration) && declaration.initializer ? skipOuter(declaration.initializer) : undefined;
  const required = initializer && requiredModule(initializer);
  if (required) {
    origin.names.push(required.text);
    if (!checker.getSymbolAtLocation(required)) origin.unresolvedModule = required.text;
    return;
  }
  // `new Analytics(…)`, `createTracker(…)`: what constructs it tells where it comes from.
  if (initializer && (ts.isNewExpression(initializer) || ts.isCallExpression(initializer))) {
    const maker = skipOuter(initializer.expression);
    const root = ts.isIdentifier(maker) ? maker : ts.isPropertyAccessExpression(maker) ? leftmostExpression(maker) : undefined;
    if (ts.isPropertyAccessExpression(maker)) origin.names.push(maker.name.text);
    if (root) fromIdentifier(root, checker, origin);
  }
}

function fromIdentifier(identifier: ts.Identifier, checker: ts.TypeChecker, origin: ReceiverOrigin): void {
  origin.names.push(identifier.text);
  const declaration = checker.getSymbolAtLocation(identifier)?.declarations?.[0];
  const imported = declaration && importedFrom(declaration, checker);
  if (!imported) return;
  origin.names.push(imported.specifier);
  if (!imported.resolved) origin.unresolvedModule = imported.specifier;
}

/** The module an import declaration's binding comes from, and whether the compiler found that module. */
function importedFrom(declaration: ts.Declaration, checker: ts.TypeChecker): { specifier: string; resolved: boolean } | undefined {
  const origin = importOrigin(declaration);
  return origin && { specifier: origin.specifier, resolved: checker.getSymbolAtLocation(origin.node) !== undefined };
}

function leftmostName(name: ts.EntityName): ts.Identifier {
  return ts.isIdentifier(name) ? name : leftmostName(name.left);
}

function leftmostExpression(node: ts.PropertyAccessExpression): ts.Identifier | undefined {
  let current: ts.Expression = node;
  while (ts.isPropertyAccessExpression(current)) current = skipOuter(current.expression);
  return ts.isIdentifier(current) ? current : undefined;
}
