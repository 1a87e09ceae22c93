import { ts } from '@ts-morph/common';
import type { ArgumentRef } from '../plan/model';
import { wrapperArgument, type AnalyticsCall } from './calls';
import { isGeneratedClient } from './generated';
import { ParamTracer } from './paramFlow';
import { skipOuter, staticPropertyName } from './syntax';
import { calleeName } from './wrapperCandidates';
import type { ProvidedProperties } from './wrapperModel';
import { isFunctionNode, type FunctionNode } from './wrapperNames';

/**
 * Generated analytics clients (Typewriter, Ampli, Avo) hold one function per event of the plan, each
 * sending its event under a fixed name with the properties it is given: `orderCompleted(props)` is
 * `analytics.track('Order Completed', props)`. Their calls are judged as that event; the generated file
 * itself never is (it is regenerated from the plan, not edited).
 */

/** The methods a generated event function sends its event with: Typewriter and Ampli `track`, Avo's custom destination `logEvent`. */
const SEND_METHODS = new Set(['track', 'logEvent']);

/** What one generated event function sends. */
export interface GeneratedEvent {
  /** The event's name, fixed by the generator. */
  name: string;
  /** The function's argument holding the properties, when they are sent as passed (`props || {}`). */
  properties?: ArgumentRef;
  /** Properties the function adds itself, or `open` when it sends what it builds from its arguments (Avo's renamed keys). */
  provided: ProvidedProperties;
}

export class GeneratedClients {
  private readonly events = new Map<FunctionNode, GeneratedEvent | null>();

  /** `candidates`: the names calls are resolved for (wrapper inference's candidate names, which hold the generated functions' names). */
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly candidates: Set<string>,
  ) {}

  /** A call of a generated event function (`orderCompleted(props)`, `ampli.orderCompleted(props)`), read as the event it sends. */
  callOf(node: ts.CallExpression): AnalyticsCall | undefined {
    const callee = skipOuter(node.expression);
    const nameNode = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name) ? callee.name : undefined;
    if (!nameNode || !this.candidates.has(nameNode.text)) return undefined;
    const fn = this.generatedFunction(nameNode);
    const event = fn && this.eventOf(fn);
    if (!event) return undefined;
    const provided = event.provided.keys.length || event.provided.open ? event.provided : undefined;
    return {
      kind: 'track',
      node,
      callee: calleeName(node.expression) ?? nameNode.text,
      fixedName: { value: event.name, node: nameNode },
      properties: event.properties && wrapperArgument(node.arguments, event.properties),
      prefix: '',
      suffix: '',
      provided,
    };
  }

  /** The function of a generated client a callee names: through imports, the client's object (`typewriter.x`) and classes. */
  private generatedFunction(nameNode: ts.Identifier): FunctionNode | undefined {
    let symbol = this.checker.getSymbolAtLocation(nameNode);
    for (let hop = 0; symbol && hop < 4; hop++) {
      if (symbol.flags & ts.SymbolFlags.Alias) {
        symbol = this.checker.getAliasedSymbol(symbol);
        continue;
      }
      const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
      if (!declaration || !isGeneratedClient(declaration.getSourceFile().text)) return undefined;
      if (isFunctionNode(declaration)) return declaration.body ? declaration : undefined;
      // `const clientAPI = { orderCompleted }`: the function the shorthand names.
      if (ts.isShorthandPropertyAssignment(declaration)) {
        symbol = this.checker.getShorthandAssignmentValueSymbol(declaration);
        continue;
      }
      if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer) {
        const initializer = skipOuter(declaration.initializer);
        if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
        if (ts.isIdentifier(initializer)) {
          symbol = this.checker.getSymbolAtLocation(initializer);
          continue;
        }
      }
      return undefined;
    }
    return undefined;
  }

  private eventOf(fn: FunctionNode): GeneratedEvent | undefined {
    let event = this.events.get(fn);
    if (event === undefined) {
      event = findEvent(fn, this.checker) ?? null;
      this.events.set(fn, event);
    }
    return event ?? undefined;
  }
}

/**
 * The event a generated function sends: `a.track('Order Completed', props || {}, …)` (Typewriter),
 * `this.track(new OrderCompleted(properties))` with the class holding `event_type` (Ampli),
 * `destination.logEvent('Order Completed', { order_id: orderId })` (Avo). A function whose name comes
 * from its arguments, or that sends nothing, is no event function.
 */
function findEvent(fn: FunctionNode, checker: ts.TypeChecker): GeneratedEvent | undefined {
  if (!fn.body) return undefined;
  const tracer = new ParamTracer(fn, checker);
  const stack: ts.Node[] = [fn.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) {
      const event = sentEvent(node, tracer, checker);
      if (event) return event;
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return undefined;
}

function sentEvent(call: ts.CallExpression, tracer: ParamTracer, checker: ts.TypeChecker): GeneratedEvent | undefined {
  const method = calleeName(call.expression);
  if (method === undefined || !SEND_METHODS.has(method) || call.arguments.length === 0) return undefined;
  const first = skipOuter(call.arguments[0]);
  if (ts.isStringLiteralLike(first)) return { name: first.text, ...sentProperties(call.arguments[1], tracer) };
  if (ts.isNewExpression(first)) return eventClassInstance(first, tracer, checker);
  return undefined;
}

/** The properties a generated function sends: its argument as passed, or an object it builds (open: not judged again). */
function sentProperties(expression: ts.Expression | undefined, tracer: ParamTracer): Pick<GeneratedEvent, 'properties' | 'provided'> {
  if (!expression) return { provided: { keys: [], open: false } };
  const traced = tracer.properties(expression);
  // Avo renames the arguments' fields into the event's keys: the call site's keys are not the event's.
  const built = !traced.ref && ts.isObjectLiteralExpression(skipOuter(expression));
  return { properties: traced.ref && { ...traced.ref }, provided: { keys: [...traced.keys].sort(), open: traced.open || built } };
}

/**
 * Ampli's `new OrderCompleted(properties)`: the class sets `event_type` to the name (a property initializer
 * or `this.event_type = …` in its constructor) and `event_properties` from a constructor parameter.
 */
function eventClassInstance(expression: ts.NewExpression, tracer: ParamTracer, checker: ts.TypeChecker): GeneratedEvent | undefined {
  let symbol = checker.getSymbolAtLocation(expression.expression);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isClassDeclaration(declaration)) return undefined;
  let name: string | undefined;
  let propertiesValue: ts.Expression | undefined;
  const constructor = declaration.members.find((m): m is ts.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
  for (const member of declaration.members) {
    if (ts.isPropertyDeclaration(member) && staticPropertyName(member.name) === 'event_type' && member.initializer) {
      const value = skipOuter(member.initializer);
      if (ts.isStringLiteralLike(value)) name = value.text;
    }
  }
  for (const statement of constructor?.body?.statements ?? []) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression) || statement.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const { left, right } = statement.expression;
    if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    const value = skipOuter(right);
    if (left.name.text === 'event_type' && ts.isStringLiteralLike(value)) name = value.text;
    else if (left.name.text === 'event_properties') propertiesValue = value;
  }
  if (name === undefined) return undefined;
  // `constructor(public event_properties: P)` or `this.event_properties = properties` (with fields of its own).
  const parameters = constructor?.parameters ?? [];
  let index = parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'event_properties');
  let provided: ProvidedProperties = { keys: [], open: false };
  if (index < 0 && propertiesValue) {
    const built = ts.isObjectLiteralExpression(propertiesValue) ? propertiesValue : undefined;
    const source = built ? spreadSource(built) : propertiesValue;
    index = parameters.findIndex((p) => ts.isIdentifier(p.name) && source !== undefined && ts.isIdentifier(source) && p.name.text === source.text);
    if (built) provided = { keys: built.properties.map((p) => (p.name ? staticPropertyName(p.name) : undefined)).filter((k): k is string => k !== undefined).sort(), open: false };
  }
  const argument = index >= 0 ? expression.arguments?.[index] : undefined;
  if (!argument) return { name, provided: index < 0 && parameters.length > 0 ? { keys: [], open: true } : provided };
  const traced = tracer.properties(argument);
  return { name, properties: traced.ref && { ...traced.ref }, provided: { keys: [...new Set([...provided.keys, ...traced.keys])].sort(), open: provided.open || traced.open } };
}

/** The expression spread into an object literal (`{ ...properties, requiredConst: 1 }`), if one. */
function spreadSource(object: ts.ObjectLiteralExpression): ts.Expression | undefined {
  const spread = object.properties.find(ts.isSpreadAssignment);
  return spread && skipOuter(spread.expression);
}
