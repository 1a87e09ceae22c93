import { ts } from '@ts-morph/common';
import type { ArgumentRef } from '../plan/model';
import { resolveNames } from './names';
import { skipOuter, staticPropertyName } from './syntax';
import type { FunctionNode } from './wrapperNames';

/**
 * Follows an expression inside a function back to the function's parameters: the name a wrapper
 * sends is `name`, `payload.key`, `` `app.${name}` ``, `'app.' + name` or a const holding one of those.
 */

/** A parameter (or a field of an object parameter) of the function being inferred. */
export interface ParamRef extends ArgumentRef {
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
        for (const element of parameter.name.elements) {
          if (element.dotDotDotToken || !ts.isIdentifier(element.name)) continue;
          const field = element.propertyName ? staticPropertyName(element.propertyName) : element.name.text;
          if (field !== undefined) this.bind(element.name, { arg: index, field });
        }
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
    // `const eventName = \`app.${name}\``: follow the const inside the function.
    const initializer = ts.isIdentifier(node) && hops < MAX_CONST_HOPS ? this.constInitializer(node) : undefined;
    if (initializer && !ts.isIdentifier(skipOuter(initializer))) return this.name(initializer, hops + 1);
    const ref = this.reference(node, hops);
    return ref && !ref.rest ? { ref, prefix: '', suffix: '' } : undefined;
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
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      return this.passedAsIs(skipOuter(node.left));
    }
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
      if (!inner || inner.field !== undefined) return undefined;
      const key = ts.isPropertyAccessExpression(node) ? node.name.text : staticPropertyName(skipOuter(node.argumentExpression));
      if (key === undefined) return undefined;
      if (inner.rest) return /^\d+$/.test(key) ? { arg: inner.arg + Number(key) } : undefined;
      return { arg: inner.arg, field: key };
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
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && !declaration.dotDotDotToken) {
      const variable = declaration.parent.parent;
      if (!ts.isVariableDeclaration(variable) || !variable.initializer || !isConst(variable)) return undefined;
      const inner = this.reference(skipOuter(variable.initializer), hops + 1);
      const field = declaration.propertyName ? staticPropertyName(declaration.propertyName) : ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
      if (!inner || inner.field !== undefined || inner.rest || field === undefined) return undefined;
      return { arg: inner.arg, field };
    }
    return undefined;
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
