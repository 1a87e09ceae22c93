import { ts } from '@ts-morph/common';
import type { CalleeSpec, TrackingPlan } from '../plan/model';
import { applyWrapper, calleePatterns, recogniseDirectCall, type AnalyticsCall, type CalleePattern } from './calls';
import { GeneratedClients } from './generatedClients';
import { HandedDownProps } from './handedDownProps';
import type { TypedMessage } from './messageFields';
import { tracedNameMap, type NameMap } from './nameMaps';
import { ParamTracer, wrapperRef, type ParamRef, type TracedName, type TracedProperties } from './paramFlow';
import { passThrough } from './passThrough';
import { mayBeOwnObject } from './sdkRecognition';
import { calleePath, objectLiteralField, skipOuter } from './syntax';
import { calledName, candidateNames, isWrapperSource, mentionsParameter, namesTextTest, seedNames } from './wrapperCandidates';
import { DEFAULT_WRAPPER_SETTINGS, isIgnored, type WrapperInfo, type WrapperKind, type WrapperSettings } from './wrapperModel';
import { callableNames, displayName, holderOf, isFunctionNode, type FunctionNode } from './wrapperNames';

/**
 * How many wrappers a chain may pass through between a wrapper and the SDK call (its `chain`): a wrapper
 * calling a wrapper calling … the SDK. A longer chain makes no wrapper, whichever wrapper is met first.
 */
export const MAX_CHAIN_DEPTH = 4;
/** How many enclosing functions a forwarding call looks through for the parameter it forwards. */
const MAX_ENCLOSING = 4;

const WRAPPER_KINDS = new Set<string>(['track', 'page', 'screen']);

function isWrapperKind(kind: string): kind is WrapperKind {
  return WRAPPER_KINDS.has(kind);
}

/** One analytics call inside a function whose name comes from the function's parameters. */
interface Forward {
  call: AnalyticsCall;
  name?: TracedName;
  properties?: TracedProperties;
  options?: ParamRef;
  /** The name is looked up in a map of the wrapper's (`SEGMENT_NAMES[id]`), or in an inner wrapper's. */
  nameMap?: NameMap;
  /** `(...args) => x(...args)`: the wrapper passes every argument through. */
  all?: boolean;
  inner?: WrapperInfo;
}

/**
 * Wrapper inference over one program: which functions pass a parameter into the name of an analytics
 * call, and how their calls map onto it. Each function is inferred once, on demand (when one of its
 * calls is met, in any file), and remembered for the life of the type checker.
 */
export class WrapperInference {
  private readonly memo = new Map<FunctionNode, WrapperInfo | null>();
  private readonly tracers = new Map<FunctionNode, ParamTracer>();
  private readonly inProgress = new Set<FunctionNode>();
  /** Set while inferring when a cycle or the depth limit cut a chain short: negative results are then not remembered. */
  private incomplete = false;
  /**
   * Set while inferring when the depth limit cut a chain short: then no result is remembered, negative or
   * positive (a cut can make a function forward through a later call than the one it forwards through
   * when inferred on its own), so what a function is never depends on which call was met first.
   */
  private cut = false;
  private readonly patterns: CalleePattern[];
  readonly seeds: Set<string>;
  readonly candidates: Set<string>;
  private readonly textTest: RegExp | undefined;
  /** The event functions of generated clients (Typewriter, Ampli, Avo), whose calls are judged like wrapper calls. */
  readonly generatedClients: GeneratedClients;
  private readonly handedDown: HandedDownProps;

  constructor(
    readonly program: ts.Program,
    readonly checker: ts.TypeChecker,
    readonly callees: CalleeSpec[],
    readonly settings: WrapperSettings = DEFAULT_WRAPPER_SETTINGS,
  ) {
    this.patterns = calleePatterns(callees);
    this.seeds = seedNames(callees);
    this.candidates = candidateNames(program, [...this.seeds]);
    this.textTest = namesTextTest(this.candidates);
    this.generatedClients = new GeneratedClients(checker, this.candidates);
    this.handedDown = new HandedDownProps(program, checker);
  }

  /** Cheap text test: may this file call a wrapper at all? */
  mayCallWrappers(text: string): boolean {
    return this.textTest?.test(text) ?? false;
  }

  /** Whether a call's callee is named like a wrapper (the pre-filter before resolving what it calls). */
  isCandidateCall(node: ts.CallExpression): boolean {
    const name = calledName(node);
    return name !== undefined && this.candidates.has(name);
  }

  /** A call of an inferred wrapper, as the analytics call it makes; undefined for any other call. */
  callThrough(node: ts.CallExpression, depth = 0): AnalyticsCall | undefined {
    if (!this.isCandidateCall(node)) return undefined;
    const fn = this.calledFunction(node);
    const wrapper = fn && this.infer(fn, depth);
    const through = wrapper && passThrough(node);
    // A wrapper that forwards all its arguments is read like the SDK call, from the call's own arguments.
    if (!wrapper || (through && wrapper.forwardAll)) return undefined;
    return applyWrapper(node, wrapper, this.checker, through?.args);
  }

  /**
   * A call recognised by its receiver's name (`this.analytics.track(…)`) whose method is the team's own
   * wrapper, read through the wrapper; undefined when the method is the SDK's (or no wrapper).
   */
  ownMethodCall(node: ts.CallExpression, depth = 0): AnalyticsCall | undefined {
    const callee = skipOuter(node.expression);
    if (!ts.isPropertyAccessExpression(callee) || !this.candidates.has(callee.name.text) || !mayBeOwnObject(callee.expression, this.checker)) return undefined;
    const declaration = this.checker.getSymbolAtLocation(callee.name)?.valueDeclaration;
    if (!declaration || !(isFunctionNode(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration))) return undefined;
    if (!isWrapperSource(declaration.getSourceFile())) return undefined;
    return this.callThrough(node, depth);
  }

  /** The function a call calls, through imports, re-exports, methods and destructuring; its implementation for overloads. */
  calledFunction(node: ts.CallExpression): FunctionNode | undefined {
    const through = passThrough(node);
    if (through) return this.functionOf(through.target);
    const fast = this.calledFunctionBySymbol(node.expression);
    if (fast) return fast;
    // A prop typed as a function (`onTrack(…)`): the function the component's elements hand down for it.
    const handedDown = this.handedDown.passedFunction(node);
    if (handedDown) return handedDown;
    if (fast === null) return undefined;
    let declaration: ts.Declaration | undefined;
    try {
      declaration = this.checker.getResolvedSignature(node)?.declaration;
    } catch {
      return undefined;
    }
    if (!declaration || !isFunctionNode(declaration)) return undefined;
    if (declaration.body) return declaration;
    // An overload signature: the implementation is the declaration of the same symbol with a body.
    const symbol = declaration.name ? this.checker.getSymbolAtLocation(declaration.name) : undefined;
    return symbol?.declarations?.find((d): d is FunctionNode => isFunctionNode(d) && d.body !== undefined);
  }

  /**
   * The called function from the callee's symbol (and, for a variable or destructured binding, its type's
   * one call signature), without resolving the call against its arguments: much cheaper than
   * `getResolvedSignature`. null: surely no function of the project; undefined: ask the checker.
   */
  private calledFunctionBySymbol(expression: ts.Expression): FunctionNode | null | undefined {
    const callee = skipOuter(expression);
    const nameNode = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
    if (!nameNode) return undefined;
    let symbol = this.checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declarations = symbol?.declarations;
    if (!symbol || !declarations?.length) return undefined;
    const implementation = declarations.find((d): d is FunctionNode => isFunctionNode(d) && d.body !== undefined);
    if (implementation) return implementation;
    if (declarations.every((d) => isFunctionNode(d))) return null; // Declared only (a .d.ts function or method).
    if (declarations.length !== 1) return undefined;
    const declaration = declarations[0];
    if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
      const initializer = skipOuter(declaration.initializer);
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer;
    }
    if (!ts.isVariableDeclaration(declaration) && !ts.isBindingElement(declaration)) return undefined;
    // `const track = useCallback(…)`, `const { track } = useTracking()`: the function its type was made from.
    const signatures = this.checker.getTypeOfSymbol(symbol).getCallSignatures();
    if (signatures.length !== 1) return undefined;
    const target = signatures[0].declaration;
    return target && isFunctionNode(target) ? (target.body ? target : undefined) : null;
  }

  /** The function an expression that is not called in place stands for (`fn` in `fn.call(this, name)`). */
  private functionOf(expression: ts.Expression): FunctionNode | undefined {
    const fast = this.calledFunctionBySymbol(expression);
    if (fast !== undefined) return fast ?? undefined;
    let signatures: readonly ts.Signature[];
    try {
      signatures = this.checker.getTypeAtLocation(expression).getCallSignatures();
    } catch {
      return undefined;
    }
    const declaration = signatures.length === 1 ? signatures[0].declaration : undefined;
    return declaration && isFunctionNode(declaration) && declaration.body ? declaration : undefined;
  }

  /** The wrapper a function is, or undefined. */
  infer(fn: FunctionNode, depth = 0): WrapperInfo | undefined {
    const cached = this.memo.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(fn) || depth > MAX_CHAIN_DEPTH) {
      this.incomplete = true;
      this.cut ||= depth > MAX_CHAIN_DEPTH;
      return undefined;
    }
    const outerIncomplete = this.incomplete;
    const outerCut = this.cut;
    this.incomplete = false;
    this.cut = false;
    this.inProgress.add(fn);
    let result: WrapperInfo | undefined;
    try {
      result = this.inferUncached(fn, depth);
    } catch {
      // Code the checker cannot make sense of is no wrapper; it must not end the whole check.
      result = undefined;
    } finally {
      this.inProgress.delete(fn);
    }
    if (!this.cut && (result || !this.incomplete)) this.memo.set(fn, result ?? null);
    this.incomplete ||= outerIncomplete;
    this.cut ||= outerCut;
    return result;
  }

  /**
   * The wrapper whose forwarding call this is (`analytics.track(name, props)` inside `trackEvent`):
   * its name is judged at the wrapper's call sites, not here.
   */
  forwardingWrapper(call: AnalyticsCall): WrapperInfo | undefined {
    const carrier = nameCarrier(call);
    if (!carrier || !isWrapperKind(call.kind) || !ts.isCallExpression(call.node)) return undefined;
    const name = skipOuter(carrier);
    if (ts.isStringLiteralLike(name)) return undefined;
    let levels = 0;
    for (let node = call.node.parent; node && !ts.isSourceFile(node) && levels < MAX_ENCLOSING; node = node.parent) {
      if (!isFunctionNode(node)) continue;
      levels++;
      if (!mentionsParameter(name, node)) continue;
      const tracer = this.tracer(node);
      if (tracer.isEmpty || !(tracer.restSpread(name) || tracer.name(name) || tracer.messageLiteral(name) || tracedNameMap(name, tracer, this.checker))) continue;
      // Any call in a wrapper that passes its parameter on forwards it: the forwarding calls found while
      // inferring, and calls of wrappers that a cycle or a recursive call kept out of that inference.
      const wrapper = this.infer(node);
      if (wrapper && (wrapper.forwarding.has(call.node) || call.wrapper)) return wrapper;
    }
    return undefined;
  }

  private tracer(fn: FunctionNode): ParamTracer {
    let tracer = this.tracers.get(fn);
    if (!tracer) this.tracers.set(fn, (tracer = new ParamTracer(fn, this.checker)));
    return tracer;
  }

  private inferUncached(fn: FunctionNode, depth: number): WrapperInfo | undefined {
    if (!fn.body || fn.parameters.length === 0 || !isWrapperSource(fn.getSourceFile()) || !this.isCallableByName(fn)) return undefined;
    // Its calls are only recognised by a candidate name: without one, it must not silence its forwarding call either.
    if (!callableNames(fn).some((n) => this.candidates.has(n))) return undefined;
    const names = displayName(fn);
    if (isIgnored(names, this.settings)) return undefined;
    const tracer = this.tracer(fn);
    if (tracer.isEmpty) return undefined;
    let first: Forward | undefined;
    const forwarding = new Set<ts.CallExpression>();
    const stack: ts.Node[] = [fn.body];
    while (stack.length) {
      const node = stack.pop()!;
      if (ts.isCallExpression(node)) {
        const forward = this.forwardOf(node, fn, tracer, depth);
        if (forward) {
          forwarding.add(node);
          // Source order: the stack visits children last-pushed first, so keep the earliest call.
          if (!first || node.pos < first.call.node.pos) first = forward;
        }
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
    return first && this.describe(fn, names, first, forwarding);
  }

  /** Whether code can call the function by a name: declarations, methods, and function expressions held in a variable or property. */
  private isCallableByName(fn: FunctionNode): boolean {
    if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) return true;
    const holder = holderOf(fn);
    if (!holder) return false;
    if (!holder.through) return true;
    // `useCallback(fn, deps)` returns fn itself; `items.map(fn)` does not.
    try {
      const signature = this.checker.getResolvedSignature(holder.through);
      const returned = signature && this.checker.getReturnTypeOfSignature(signature);
      return returned?.getCallSignatures().some((s) => s.declaration === fn) ?? false;
    } catch {
      return false;
    }
  }

  private forwardOf(node: ts.CallExpression, fn: FunctionNode, tracer: ParamTracer, depth: number): Forward | undefined {
    let call = recogniseDirectCall(node, this.checker, this.patterns);
    let inner: WrapperInfo | undefined;
    const through = passThrough(node);
    if (call?.byReceiverName && this.ownMethodCall(node, depth + 1)) call = undefined;
    if (!call && this.isCandidateCall(node)) {
      const callee = this.calledFunction(node);
      inner = callee && callee !== fn ? this.infer(callee, depth + 1) : undefined;
      // The inner wrapper was found (maybe remembered from an earlier call); through it, this one is one level deeper.
      if (inner && (inner.chain.length >= MAX_CHAIN_DEPTH || (through && inner.forwardAll))) inner = undefined;
      if (inner) call = applyWrapper(node, inner, this.checker, through?.args);
    }
    if (!call || !isWrapperKind(call.kind)) return undefined;
    const firstArgument = (through?.args ?? node.arguments)[0];
    if (firstArgument && ts.isSpreadElement(firstArgument)) {
      const rest = tracer.restSpread(firstArgument);
      return rest && rest.arg === 0 && !through && node.arguments.length === 1 ? { call, all: true, inner } : undefined;
    }
    if (!call.name) return call.message ? messageForward(call, call.message, tracer, inner) : undefined;
    const mapped = tracer.name(call.name) ? undefined : tracedNameMap(call.name, tracer, this.checker);
    const name = mapped?.name ?? tracer.name(call.name);
    // Through an inner wrapper's map, what this one passes is an id: it must reach the map unchanged, and once.
    if (!name || (call.nameMap && (mapped || name.prefix || name.suffix))) return undefined;
    return { call, name, properties: tracer.properties(call.properties), options: tracer.options(call.options), inner, nameMap: mapped?.map ?? call.nameMap };
  }

  private describe(fn: FunctionNode, names: { name: string; shortName: string }, forward: Forward, forwarding: Set<ts.CallExpression>): WrapperInfo {
    const { call, inner } = forward;
    const sourceFile = fn.getSourceFile();
    const anchor = ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isFunctionExpression(fn) ? (fn.name ?? fn) : (nameNodeOf(holderOf(fn)?.node) ?? fn);
    const position = sourceFile.getLineAndCharacterOfPosition(anchor.getStart(sourceFile));
    const via = (ts.isCallExpression(call.node) ? calleePath(call.node.expression).join('.') : '') || call.callee;
    const info: WrapperInfo = {
      name: names.name,
      shortName: names.shortName,
      declaration: fn,
      file: sourceFile.fileName,
      line: position.line,
      character: position.character,
      kind: call.kind as WrapperKind,
      forwardAll: false,
      prefix: '',
      suffix: '',
      provided: { keys: [], open: false },
      via,
      target: inner ? inner.target : via,
      chain: inner ? [inner.name, ...inner.chain] : [],
      forwarding,
    };
    if (forward.all) {
      // `(...args) => x(...args)`: the call sites pass what x takes, where x takes it.
      const spec = call.declared;
      if (inner) Object.assign(info, { event: inner.event, properties: inner.properties, options: inner.options, forwardAll: inner.forwardAll, prefix: inner.prefix, suffix: inner.suffix, provided: inner.provided, nameMap: inner.nameMap });
      else if (spec) Object.assign(info, { event: spec.event ?? { arg: 0 }, properties: spec.properties ?? { arg: 1 }, prefix: spec.prefix ?? '', suffix: spec.suffix ?? '' });
      else info.forwardAll = true;
      return info;
    }
    const name = forward.name!;
    const properties = forward.properties!;
    info.event = wrapperRef(name.ref);
    info.properties = properties.ref && wrapperRef(properties.ref);
    info.options = forward.options && wrapperRef(forward.options);
    info.prefix = call.prefix + name.prefix;
    info.suffix = name.suffix + call.suffix;
    if (forward.nameMap) info.nameMap = forward.nameMap;
    const keys = new Set([...(call.provided?.keys ?? []), ...properties.keys]);
    info.provided = { keys: [...keys].sort(), open: (call.provided?.open ?? false) || properties.open };
    return info;
  }
}

/** The expression the call's name comes from: its name argument, or the message whose field holds the name. */
function nameCarrier(call: AnalyticsCall): ts.Expression | undefined {
  return call.name ?? (call.message?.nameField !== undefined ? call.message.node : undefined);
}

/**
 * `send(message) { client.track(message) }`: a parameter passed whole as the message, name and properties in
 * its fields. The wrapper's call sites pass them in the same fields of the same argument.
 */
function messageForward(call: AnalyticsCall, message: TypedMessage, tracer: ParamTracer, inner: WrapperInfo | undefined): Forward | undefined {
  const literal = tracer.messageLiteral(message.node);
  if (literal) return builtMessageForward(call, message, literal, tracer, inner);
  const traced = message.nameField === undefined ? undefined : tracer.name(message.node);
  if (!traced || traced.ref.field !== undefined || traced.ref.omit || traced.prefix || traced.suffix) return undefined;
  const { arg } = traced.ref;
  const properties: TracedProperties = call.properties
    ? tracer.properties(call.properties)
    : { ref: message.propertiesField === undefined ? undefined : { arg, field: message.propertiesField }, keys: new Set(), open: false };
  return { call, name: { ref: { arg, field: message.nameField }, prefix: '', suffix: '' }, properties, options: tracer.options(call.options), inner };
}

/**
 * `const message: TrackParams = { event: data.event, userId, properties: data.props }; client.track(message)`:
 * a message the wrapper builds itself, whose fields are traced like the arguments of `track(event, properties)`.
 */
function builtMessageForward(call: AnalyticsCall, message: TypedMessage, literal: ts.ObjectLiteralExpression, tracer: ParamTracer, inner: WrapperInfo | undefined): Forward | undefined {
  const nameValue = message.nameField === undefined ? undefined : objectLiteralField(literal, message.nameField);
  const name = nameValue && tracer.name(nameValue);
  if (!name) return undefined;
  const properties = tracer.properties(call.properties ?? (message.propertiesField === undefined ? undefined : objectLiteralField(literal, message.propertiesField)));
  return { call, name, properties, options: tracer.options(call.options), inner };
}

function nameNodeOf(node: ts.Node | undefined): ts.Node | undefined {
  if (!node) return undefined;
  if (ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) return node.name;
  if (ts.isBinaryExpression(node)) return node.left;
  return node;
}

const inferences = new WeakMap<ts.TypeChecker, Map<string, WrapperInference>>();

/**
 * The wrapper inference for a program and a plan, shared by every file checked with the same checker;
 * undefined when the plan turns inference off.
 */
export function wrapperInference(program: ts.Program, checker: ts.TypeChecker, plan: Pick<TrackingPlan, 'callees' | 'wrappers'>): WrapperInference | undefined {
  const settings = plan.wrappers ?? DEFAULT_WRAPPER_SETTINGS;
  if (!settings.infer) return undefined;
  const key = JSON.stringify([plan.callees, settings.ignore]);
  let byKey = inferences.get(checker);
  if (!byKey) inferences.set(checker, (byKey = new Map()));
  let inference = byKey.get(key);
  if (!inference) byKey.set(key, (inference = new WrapperInference(program, checker, plan.callees, settings)));
  return inference;
}
