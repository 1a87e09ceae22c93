import { ts } from '@ts-morph/common';
import type { AnalyticsCall, CallSiteNode } from './calls';
import { skipOuter } from './syntax';
import type { WrapperInfo } from './wrapperModel';
import type { WrapperInference } from './wrappers';
import { isFunctionNode, type FunctionNode } from './wrapperNames';

/**
 * React components as wrappers. A component whose prop becomes the event name
 * (`function TrackedLink({ trackingEvent }) { … analytics.track(trackingEvent) … }`) is a wrapper whose
 * first argument is its props: each JSX element using it (`<TrackedLink trackingEvent="Link Clicked" />`)
 * is a call site, read from its attributes.
 */

export function isJsxCallSite(node: ts.Node): node is ts.JsxSelfClosingElement | ts.JsxOpeningElement {
  return ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node);
}

/** A JSX element of a component that is a wrapper of its props, as the analytics call it makes; undefined for any other element. */
export function jsxCallSite(element: ts.JsxSelfClosingElement | ts.JsxOpeningElement, inference: WrapperInference): AnalyticsCall | undefined {
  const tag = element.tagName;
  const tagName = ts.isIdentifier(tag) ? tag : ts.isPropertyAccessExpression(tag) ? tag.name : undefined;
  // Intrinsic elements (`<a>`) are lower case; components are not.
  if (!tagName || !ts.isIdentifier(tagName) || !/^[A-Z]/.test(tagName.text) || !inference.candidates.has(tagName.text)) return undefined;
  const component = functionOfExpression(tag as ts.Expression, inference.checker);
  const wrapper = component && inference.infer(component);
  if (!wrapper || !takesProps(wrapper)) return undefined;
  const attribute = (ref: WrapperInfo['event']) => (ref?.field === undefined ? undefined : attributeValue(element, ref.field));
  const provided = wrapper.provided.keys.length || wrapper.provided.open ? wrapper.provided : undefined;
  return {
    kind: wrapper.kind,
    node: element,
    callee: wrapper.name,
    name: attribute(wrapper.event),
    properties: attribute(wrapper.properties),
    options: attribute(wrapper.options),
    prefix: wrapper.prefix,
    suffix: wrapper.suffix,
    wrapper,
    provided,
  };
}

/** A wrapper whose name is a field of its first argument: for a component, a prop. */
function takesProps(wrapper: WrapperInfo): boolean {
  const props = (ref: WrapperInfo['event']) => ref === undefined || (ref.arg === 0 && ref.field !== undefined);
  return !wrapper.forwardAll && wrapper.event !== undefined && props(wrapper.event) && props(wrapper.properties) && props(wrapper.options);
}

/** The expression a JSX attribute gives: `name="A"`, `name={EVENTS.A}`; none for a bare `name` or a missing attribute. */
export function attributeValue(element: ts.JsxSelfClosingElement | ts.JsxOpeningElement, name: string): ts.Expression | undefined {
  let value: ts.Expression | undefined;
  for (const attribute of element.attributes.properties) {
    if (!ts.isJsxAttribute(attribute) || !ts.isIdentifier(attribute.name) || attribute.name.text !== name) continue;
    const initializer = attribute.initializer;
    if (initializer && ts.isStringLiteral(initializer)) value = initializer;
    else if (initializer && ts.isJsxExpression(initializer) && initializer.expression) value = initializer.expression;
    else value = undefined;
  }
  return value;
}

/**
 * The function an expression names: a function declaration, a function held in a const (also through one
 * call such as `memo(…)` or `useCallback(…)`), or the function a destructured or held value's one call
 * signature was made from (`const { trackEvent } = useTracking()`). Inline functions are themselves.
 */
export function functionOfExpression(expression: ts.Expression, checker: ts.TypeChecker): FunctionNode | undefined {
  const node = skipOuter(expression);
  if (isFunctionNode(node)) return node;
  const nameNode = ts.isIdentifier(node) ? node : ts.isPropertyAccessExpression(node) ? node.name : undefined;
  if (!nameNode) return undefined;
  let symbol = checker.getSymbolAtLocation(nameNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return undefined;
  if (isFunctionNode(declaration)) return declaration.body ? declaration : undefined;
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
    let initializer = skipOuter(declaration.initializer);
    if (ts.isCallExpression(initializer) && initializer.arguments.length > 0 && isFunctionNode(skipOuter(initializer.arguments[0]))) initializer = skipOuter(initializer.arguments[0]);
    if (isFunctionNode(initializer)) return initializer;
  }
  if (!ts.isVariableDeclaration(declaration) && !ts.isBindingElement(declaration)) return undefined;
  const signatures = checker.getTypeOfSymbol(symbol).getCallSignatures();
  const target = signatures.length === 1 ? signatures[0].declaration : undefined;
  return target && isFunctionNode(target) && target.body ? target : undefined;
}

/** The node a call site's callee is written at: the called expression, or a JSX element's tag. */
export function calleeNodeOf(node: CallSiteNode): ts.Node {
  return ts.isCallExpression(node) ? node.expression : node.tagName;
}
