import { ts } from '@ts-morph/common';
import { resolveNames } from './names';
import { skipOuter, staticPropertyName } from './syntax';
import type { WrapperRef } from './wrapperModel';
import type { FunctionNode } from './wrapperNames';

/**
 * Follows an expression inside a function back to the function's parameters: the name a wrapper
 * sends is `name`, `payload.key`, `` `app.${name}` ``, `'app.' + name` or a const holding one of those.
 */

/**
 * A parameter (or a field of an object parameter, or a field of that field) of the function being
 * inferred; `omit` for what is left of an object parameter once some fields are taken out of it
 * (`{ eventName, ...props }`).
 */
export interface ParamRef extends WrapperRef {
  /** A rest parameter: only its elements (`args[0]`) or its spread (`...args`) are references. */
  rest?: boolean;
}

export interface TracedName {
  ref: ParamRef;
  prefix: string;
  suffix: string;
}

export interface TracedProperties {
  ref?: ParamRef;
  /** Keys the function adds itself (`{ ...properties, user_id }`): present at every call site. */
  keys: Set<string>;
  open: boolean;
}

const MAX_CONST_HOPS = 3;
/** How deep a name may sit in an object argument: `payload.data.event` is two fields deep. */
const MAX_FIELD_DEPTH = 3;

export class ParamTracer {
  private readonly params = new Map<ts.Symbol, ParamRef>();

  constructor(
    private readonly fn: FunctionNode,
    private readonly checker: ts.TypeChecker,
  ) {
    let index = 0;
    for (const parameter of fn.parameters) {
      if (ts.isIdentifier(parameter.name) && parameter.name.text === 'this') continue;
      if (ts.isIdentifier(parameter.name)) {
        this.bind(parameter.name, { arg: index, rest: parameter.dotDotDotToken ? true : undefined });
      } else if (ts.isObjectBindingPattern(parameter.name)) {
        this.bindPattern(parameter.name, { arg: index });
      }
      index++;
    }
  }

  get isEmpty(): boolean {
    return this.params.size === 0;
  }

  private bind(name: ts.Identifier, ref: ParamRef): void {
    const symbol = this.checker.getSymbolAtLocation(name);
    if (symbol) this.params.set(symbol, ref);
  }

  /** `({ eventName, data: { props }, ...rest })`: each name bound to the field it takes, the rest to what is left. */
  private bindPattern(pattern: ts.ObjectBindingPattern, object: ParamRef, levels = 0): void {
    for (const element of pattern.elements) {
      const ref = elementRef(element, object);
      if (!ref) continue;
      if (ts.isIdentifier(element.name)) this.bind(element.name, ref);
      else if (ts.isObjectBindingPattern(element.name) && !element.dotDotDotToken && levels < MAX_FIELD_DEPTH) this.bindPattern(element.name, ref, levels + 1);
    }
  }

  /** The rest parameter a spread argument spreads (`...args`), if any. */
  restSpread(node: ts.Expression): ParamRef | undefined {
    if (!ts.isSpreadElement(node)) return undefined;
    const ref = this.reference(skipOuter(node.expression), 0);
    return ref?.rest && ref.field === undefined ? ref : undefined;
  }

  /** Where a name comes from: a parameter, with what is added before and after it. */
  name(expression: ts.Expression, hops = 0): TracedName | undefined {
    const node = skipOuter(expression);
    if (ts.isTemplateExpression(node)) {
      return this.joined([node.head.text, ...node.templateSpans.flatMap((span) => [span.expression, span.literal.text])], hops);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.joined(flattenPlus(node), hops);
    // `eventName || 'Unknown'`, `name ?? MISSING`: the caller's name when it passes one. The fallback is the
    // wrapper's own business (like the fields it adds), sent only when a caller passes nothing, and not judged.
    if (isFallback(node)) return this.name(node.left, hops);
    // `const eventName = \`app.${name}\``: follow the const inside the function.
    const initializer = ts.isIdentifier(node) && hops < MAX_CONST_HOPS ? this.constInitializer(node) : undefined;
    if (initializer && !ts.isIdentifier(skipOuter(initializer))) return this.name(initializer, hops + 1);
    const ref = this.reference(node, hops);
    return ref && !ref.rest && !ref.omit ? { ref, prefix: '', suffix: '' } : undefined;
  }

  /** Where properties come from: a parameter passed as is, or spread into an object with fields of the function's own. */
  properties(expression: ts.Expression | undefined): TracedProperties {
    if (!expression) return { keys: new Set(), open: false };
    const node = skipOuter(expression);
    const direct = this.passedAsIs(node);
    if (direct) return { ref: direct, keys: new Set(), open: false };
    if (ts.isObjectLiteralExpression(node)) {
      let ref: ParamRef | undefined;
      const keys = new Set<string>();
      let open = false;
      for (const element of node.properties) {
        if (ts.isSpreadAssignment(element)) {
          const spread = ref ? undefined : this.passedAsIs(skipOuter(element.expression));
          if (spread) ref = spread;
          else open = this.addTypeKeys(element.expression, keys) || open;
        } else {
          const key = element.name ? staticPropertyName(element.name) : undefined;
          if (key === undefined) open = true;
          else keys.add(key);
        }
      }
      return { ref, keys, open };
    }
    const keys = new Set<string>();
    const open = this.addTypeKeys(node, keys);
    return { keys, open };
  }

  /** Where options come from: a parameter passed unchanged (`options`, `payload.options`, `options ?? {}`). */
  options(expression: ts.Expression | undefined): ParamRef | undefined {
    return expression ? this.passedAsIs(skipOuter(expression)) : undefined;
  }

  /** A parameter passed unchanged: `properties`, `payload.properties`, `properties || {}`, `properties ?? {}`. */
  private passedAsIs(node: ts.Expression): ParamRef | undefined {
    if (isFallback(node)) return this.passedAsIs(skipOuter(node.left));
    const ref = this.reference(node, 0);
    return ref && !ref.rest ? ref : undefined;
  }

  /** Adds the keys an expression's type surely has; returns true when it may have others (any, index signatures). */
  private addTypeKeys(expression: ts.Expression, keys: Set<string>): boolean {
    const type = this.checker.getTypeAtLocation(expression);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return false;
    for (const property of this.checker.getPropertiesOfType(type)) {
      if (!(property.flags & ts.SymbolFlags.Optional)) keys.add(property.getName());
    }
    return this.checker.getIndexInfosOfType(type).length > 0;
  }

  /** A template's or concatenation's parts: exactly one traces to a parameter, every other is one fixed string. */
  private joined(parts: (string | ts.Expression)[], hops: number): TracedName | undefined {
    let traced: TracedName | undefined;
    let prefix = '';
    let suffix = '';
    for (const part of parts) {
      let text: string | undefined;
      if (typeof part === 'string') text = part;
      else if (!traced) {
        const inner = this.name(part, hops);
        if (inner) {
          traced = { ref: inner.ref, prefix: prefix + inner.prefix, suffix: inner.suffix };
          continue;
        }
        text = fixedText(part, this.checker);
      } else text = fixedText(part, this.checker);
      if (text === undefined) return undefined;
      if (traced) suffix += text;
      else prefix += text;
    }
    return traced && { ...traced, suffix: traced.suffix + suffix };
  }

  /** The parameter an expression is: `name`, `payload.key`, `args[0]`, a const holding one of those. */
  private reference(node: ts.Expression, hops: number): ParamRef | undefined {
    if (ts.isIdentifier(node)) return this.identifier(node, hops);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const inner = this.reference(skipOuter(node.expression), hops);
      if (!inner) return undefined;
      const key = ts.isPropertyAccessExpression(node) ? node.name.text : staticPropertyName(skipOuter(node.argumentExpression));
      if (key === undefined) return undefined;
      if (inner.rest) return inner.field === undefined && /^\d+$/.test(key) ? { arg: inner.arg + Number(key) } : undefined;
      return fieldOf(inner, key);
    }
    return undefined;
  }

  private identifier(node: ts.Identifier, hops: number): ParamRef | undefined {
    const symbol = this.symbolOf(node);
    if (!symbol) return undefined;
    const ref = this.params.get(symbol);
    if (ref) return ref;
    if (hops >= MAX_CONST_HOPS) return undefined;
    // `const eventName = name` or `const { key } = payload`, inside the function.
    const declaration = symbol.valueDeclaration;
    if (!declaration || !this.isInside(declaration)) return undefined;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer && isConst(declaration)) {
      const inner = skipOuter(declaration.initializer);
      return ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner) ? this.reference(inner, hops + 1) : undefined;
    }
    // `const { eventName, ...properties } = payload`: a field, or what is left of the payload.
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
      const variable = declaration.parent.parent;
      if (!ts.isVariableDeclaration(variable) || !variable.initializer || !isConst(variable)) return undefined;
      const inner = this.reference(skipOuter(variable.initializer), hops + 1);
      return inner && !inner.rest ? elementRef(declaration, inner) : undefined;
    }
    return undefined;
  }

  /**
   * The object literal a message is written as inside the function: in place, or in a const
   * (`const message: TrackParams = { event: data.event, properties }`), whose fields are then traced.
   */
  messageLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
    let node = skipOuter(expression);
    for (let hops = 0; ts.isIdentifier(node) && hops < MAX_CONST_HOPS; hops++) {
      const initializer = this.constInitializer(node);
      if (!initializer) return undefined;
      node = skipOuter(initializer);
    }
    return ts.isObjectLiteralExpression(node) ? node : undefined;
  }

  /** The initializer of the const an identifier names, when the const is declared inside the function. */
  private constInitializer(node: ts.Identifier): ts.Expression | undefined {
    const declaration = this.symbolOf(node)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer || !isConst(declaration) || !this.isInside(declaration)) return undefined;
    return declaration.initializer;
  }

  private symbolOf(node: ts.Identifier): ts.Symbol | undefined {
    const parent = node.parent;
    return parent && ts.isShorthandPropertyAssignment(parent) && parent.name === node ? this.checker.getShorthandAssignmentValueSymbol(parent) : this.checker.getSymbolAtLocation(node);
  }

  private isInside(node: ts.Node): boolean {
    return node.getSourceFile() === this.fn.getSourceFile() && node.pos >= this.fn.pos && node.end <= this.fn.end;
  }
}

/** A reference as a wrapper's call sites read it (without what only tracing needs). */
export function wrapperRef(ref: ParamRef): WrapperRef {
  const result: WrapperRef = { arg: ref.arg };
  if (ref.field !== undefined) result.field = ref.field;
  if (ref.path?.length) result.path = ref.path;
  if (ref.omit?.length) result.omit = ref.omit;
  return result;
}

/** `a || b`, `a ?? b`. */
function isFallback(node: ts.Expression): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
}

/** A field of the object a reference is: `payload` → `payload.key`, `payload.data` → `payload.data.event`. */
function fieldOf(object: ParamRef, key: string): ParamRef | undefined {
  if (object.omit?.includes(key)) return undefined;
  if (object.field === undefined) return { arg: object.arg, field: key };
  const path = [...(object.path ?? []), key];
  return path.length < MAX_FIELD_DEPTH ? { arg: object.arg, field: object.field, path } : undefined;
}

/**
 * What one element of an object binding pattern takes out of `object`: a field (`{ eventName }`,
 * `{ name: eventName }`), or, for the rest element, what the other elements leave (`{ eventName, ...props }`).
 */
function elementRef(element: ts.BindingElement, object: ParamRef): ParamRef | undefined {
  if (!element.dotDotDotToken) {
    const field = element.propertyName ? staticPropertyName(element.propertyName) : ts.isIdentifier(element.name) ? element.name.text : undefined;
    return field === undefined ? undefined : fieldOf(object, field);
  }
  // What is left of a field (`{ data: { event, ...rest } }`) has no place to say so: only a top-level rest is followed.
  if (object.field !== undefined) return undefined;
  const omit: string[] = [...(object.omit ?? [])];
  for (const sibling of (element.parent as ts.ObjectBindingPattern).elements) {
    if (sibling === element) continue;
    const field = sibling.propertyName ? staticPropertyName(sibling.propertyName) : ts.isIdentifier(sibling.name) ? sibling.name.text : undefined;
    if (field === undefined) return undefined;
    omit.push(field);
  }
  return { arg: object.arg, omit };
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
}

function flattenPlus(node: ts.BinaryExpression): ts.Expression[] {
  const parts: ts.Expression[] = [];
  const visit = (expression: ts.Expression) => {
    const inner = skipOuter(expression);
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      visit(inner.left);
      visit(inner.right);
    } else parts.push(inner);
  };
  visit(node);
  return parts;
}

/** The one string an expression always is (a literal, a const, an enum member), or undefined. */
function fixedText(expression: ts.Expression, checker: ts.TypeChecker): string | undefined {
  const names = resolveNames(expression, checker);
  return names.kind === 'static' && names.names.length === 1 ? names.names[0].value : undefined;
}
