import { ts } from '@ts-morph/common';
import { functionOfExpression, attributeValue } from './jsxCallSites';
import { staticPropertyName } from './syntax';
import { callableNames, isFunctionNode, type FunctionNode } from './wrapperNames';

/**
 * Tracking functions handed down as props: `<Child onTrack={trackEvent} />`, and in Child
 * `onTrack('Order Completed')` or `props.onTrack(…)`. The prop's declared type says nothing of which
 * function it holds, so the values the JSX elements of the component pass for it do: when every element
 * that passes the prop passes the same function, a call of the prop calls that function.
 */

/** One place a component is used with a prop: the element and the value it passes. */
interface PropUse {
  element: ts.JsxSelfClosingElement | ts.JsxOpeningElement;
  value: ts.Expression | undefined;
}

export class HandedDownProps {
  /** Per component and prop name, the one function its elements pass (null: none, or not one). */
  private readonly resolved = new Map<FunctionNode, Map<string, FunctionNode | null>>();
  /** Per tag name, the files that write `<Name`: searched once. */
  private readonly elementsByTag = new Map<string, (ts.JsxSelfClosingElement | ts.JsxOpeningElement)[]>();

  constructor(
    private readonly program: ts.Program,
    private readonly checker: ts.TypeChecker,
  ) {}

  /**
   * The function a call of a component's prop calls (`onTrack(…)` with `{ onTrack }` destructured from the
   * props, `props.onTrack(…)`); undefined when the callee is no prop or the elements do not agree on one function.
   */
  passedFunction(node: ts.CallExpression): FunctionNode | undefined {
    const prop = this.propOf(node.expression);
    if (!prop) return undefined;
    let byProp = this.resolved.get(prop.component);
    if (!byProp) this.resolved.set(prop.component, (byProp = new Map()));
    let fn = byProp.get(prop.name);
    if (fn === undefined) {
      fn = this.agreedFunction(prop.component, prop.name) ?? null;
      byProp.set(prop.name, fn);
    }
    return fn ?? undefined;
  }

  /** The component and prop a callee reads: a field destructured from the first parameter, or `props.name`. */
  private propOf(callee: ts.Expression): { component: FunctionNode; name: string } | undefined {
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      const parameter = this.checker.getSymbolAtLocation(callee.expression)?.valueDeclaration;
      const component = parameter && ts.isParameter(parameter) && ts.isIdentifier(parameter.name) ? componentOf(parameter) : undefined;
      return component && { component, name: callee.name.text };
    }
    if (!ts.isIdentifier(callee)) return undefined;
    const binding = this.checker.getSymbolAtLocation(callee)?.valueDeclaration;
    if (!binding || !ts.isBindingElement(binding) || binding.dotDotDotToken || !ts.isObjectBindingPattern(binding.parent)) return undefined;
    const name = binding.propertyName ? staticPropertyName(binding.propertyName) : ts.isIdentifier(binding.name) ? binding.name.text : undefined;
    if (name === undefined) return undefined;
    const holder = binding.parent.parent;
    if (ts.isParameter(holder)) {
      const component = componentOf(holder);
      return component && { component, name };
    }
    // `const { onTrack } = props;` inside the component.
    if (ts.isVariableDeclaration(holder) && holder.initializer && ts.isIdentifier(holder.initializer)) {
      const parameter = this.checker.getSymbolAtLocation(holder.initializer)?.valueDeclaration;
      const component = parameter && ts.isParameter(parameter) && ts.isIdentifier(parameter.name) ? componentOf(parameter) : undefined;
      return component && { component, name };
    }
    return undefined;
  }

  private agreedFunction(component: FunctionNode, prop: string): FunctionNode | undefined {
    let agreed: FunctionNode | undefined;
    for (const use of this.uses(component, prop)) {
      const fn = use.value && functionOfExpression(use.value, this.checker);
      if (!fn || (agreed && fn !== agreed)) return undefined;
      agreed = fn;
    }
    return agreed;
  }

  /** The elements of a component that pass a prop, in every file of the program that writes the component's tag. */
  private uses(component: FunctionNode, prop: string): PropUse[] {
    const uses: PropUse[] = [];
    for (const tag of new Set(callableNames(component))) {
      if (!/^[A-Z][\w$]*$/.test(tag)) continue;
      for (const element of this.elementsNamed(tag)) {
        if (!element.attributes.properties.some((a) => ts.isJsxAttribute(a) && ts.isIdentifier(a.name) && a.name.text === prop)) continue;
        if (functionOfExpression(element.tagName as ts.Expression, this.checker) !== component) continue;
        uses.push({ element, value: attributeValue(element, prop) });
      }
    }
    return uses;
  }

  private elementsNamed(tag: string): (ts.JsxSelfClosingElement | ts.JsxOpeningElement)[] {
    let elements = this.elementsByTag.get(tag);
    if (elements) return elements;
    elements = [];
    const mention = new RegExp(`<${tag.replace(/\$/g, '\\$')}(?![\\w$])`);
    for (const sourceFile of this.program.getSourceFiles()) {
      if (sourceFile.isDeclarationFile || /[\\/]node_modules[\\/]/.test(sourceFile.fileName) || !mention.test(sourceFile.text)) continue;
      const stack: ts.Node[] = [sourceFile];
      while (stack.length) {
        const node = stack.pop()!;
        if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && ts.isIdentifier(node.tagName) && node.tagName.text === tag) elements.push(node);
        ts.forEachChild(node, (child) => {
          stack.push(child);
        });
      }
    }
    this.elementsByTag.set(tag, elements);
    return elements;
  }
}

/** The component whose props a parameter is: the first parameter of a function. */
function componentOf(parameter: ts.ParameterDeclaration): FunctionNode | undefined {
  const fn = parameter.parent;
  return isFunctionNode(fn) && fn.parameters[0] === parameter ? fn : undefined;
}
