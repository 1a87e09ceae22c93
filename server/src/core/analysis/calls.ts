import { ts } from '@ts-morph/common';
import type { CalleeSpec } from '../plan/model';
import { declaredName } from './declaredNames';
import { isGeneratedClient } from './generated';
import { isJsxCallSite, jsxCallSite } from './jsxCallSites';
import { isObjectType, type TypedMessage } from './messageFields';
import type { NameMap } from './nameMaps';
import { isImportedFromSdk, isOwnImplementation, isSdkDeclaration } from './sdkRecognition';
import { calleePath, objectLiteralField, skipOuter, staticPropertyName } from './syntax';
import type { ProvidedProperties, WrapperInfo, WrapperRef } from './wrapperModel';
import type { WrapperInference } from './wrappers';

export type CallKind = 'track' | 'identify' | 'group' | 'page' | 'screen' | 'alias';

const SDK_METHODS = new Set<CallKind>(['track', 'identify', 'page', 'screen', 'group', 'alias']);

/**
 * Receiver names that are the analytics SDK by convention: `analytics`, `window.analytics`,
 * `this._segment`, `rudderanalytics`, `getAnalytics()`. Compared without leading underscores, case-insensitively.
 */
const KNOWN_RECEIVERS = new Set(['analytics', 'rudderanalytics', 'segment', 'segmentanalytics', 'getanalytics', 'useanalytics', 'analyticsbrowser']);

/** Where an analytics call is made: a call, or the JSX element of a component that tracks its props (`<TrackedLink trackingEvent="A" />`). */
export type CallSiteNode = ts.CallExpression | ts.JsxSelfClosingElement | ts.JsxOpeningElement;

/** An analytics call found in source, before its arguments are resolved. */
export interface AnalyticsCall {
  kind: CallKind;
  node: CallSiteNode;
  /** How the call was recognised: `analytics.track` or the plan's callee pattern. */
  callee: string;
  /** The expression giving the event, page or screen name. */
  name?: ts.Expression;
  /** A name no argument gives: a generated client's event function sends its own (`orderCompleted(props)`), located at the callee. */
  fixedName?: { value: string; node: ts.Node };
  prefix: string;
  suffix: string;
  /** The expression giving the properties or traits. */
  properties?: ts.Expression;
  /**
   * An object argument holding the name and properties in fields, not written as an object literal
   * (`client.track(message)`): its type gives what `name` and `properties` would. Set only where those fields
   * have no expression of their own.
   */
  message?: TypedMessage;
  /** The user id argument of identify (browser `identify(userId, traits)` or Node `{ userId }`). */
  userId?: ts.Expression;
  /**
   * Segment's options argument (`track(event, properties, options)`), which holds `integrations`; for the
   * Node SDK's message object (`track({ event, integrations })`), the message itself.
   */
  options?: ts.Expression;
  /** The plan's `callees:` entry the call matched. */
  declared?: CalleeSpec;
  /** The inferred wrapper the call goes through (`trackEvent('A', props)`). */
  wrapper?: WrapperInfo;
  /** Set on the call inside a wrapper that forwards the wrapper's parameter: the wrapper's call sites are judged instead. */
  forwardedBy?: WrapperInfo;
  /** The wrapper's map from the ids its call sites pass to the names it sends (`SEGMENT_NAMES[id]`). */
  nameMap?: NameMap;
  /** Properties the wrapper adds to what the call passes: they count as present. */
  provided?: ProvidedProperties;
  /** Recognised by its receiver's name alone (`analytics.track`): the team's own object may stand behind that name. */
  byReceiverName?: boolean;
}

export interface CalleePattern {
  spec: CalleeSpec;
  segments: string[];
}

export function calleePatterns(callees: CalleeSpec[]): CalleePattern[] {
  return callees.map((spec) => ({ spec, segments: spec.callee.replace(/^this\./, '').split('.') }));
}

/** Cheap text test that lets files without any candidate call skip the AST walk. */
export function mayContainCalls(text: string, callees: CalleeSpec[]): boolean {
  // A generated client may send with its own method names (Avo's `logEvent`): it is read for the names of its functions.
  // `trackEvent(…)` and its kin: calls that, when not followed, are reported as not checked (unchecked-call).
  if (/\b(track|trackEvent|trackPage|trackScreen|identify|page|screen|group|alias)\b/.test(text) || isGeneratedClient(text)) return true;
  return callees.some((c) => text.includes(c.callee.split('.').pop()!));
}

/**
 * Every analytics call of a file: SDK calls, calls matching the plan's `callees:` (which win), and —
 * given the program's wrapper inference — calls of inferred wrappers, with the forwarding call inside
 * each wrapper marked as such.
 */
export function findAnalyticsCalls(
  sourceFile: ts.SourceFile,
  checker: ts.TypeChecker,
  callees: CalleeSpec[],
  wrappers?: WrapperInference,
  /** Given every call that is not recognised, for a look at whether it may be analytics tracklint cannot judge. */
  onUnrecognised?: (node: ts.CallExpression) => void,
): AnalyticsCall[] {
  const calls: AnalyticsCall[] = [];
  if (!mayContainCalls(sourceFile.text, callees) && !wrappers?.mayCallWrappers(sourceFile.text)) return calls;
  const patterns = calleePatterns(callees);
  // An explicit stack: deeply nested expressions in generated code must not overflow the JS stack.
  const stack: ts.Node[] = [sourceFile];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) {
      let call = recogniseDirectCall(node, checker, patterns);
      // `this.analytics.track(name, userId, props)` on the team's own service: its wrapper mapping, not the SDK's.
      if (call?.byReceiverName && wrappers) call = wrappers.ownMethodCall(node) ?? call;
      call ??= wrappers?.callThrough(node) ?? wrappers?.generatedClients.callOf(node);
      if (call) {
        const forwardedBy = wrappers?.forwardingWrapper(call);
        if (forwardedBy) call.forwardedBy = forwardedBy;
        calls.push(call);
      } else onUnrecognised?.(node);
    } else if (wrappers && isJsxCallSite(node)) {
      const call = jsxCallSite(node, wrappers);
      if (call) calls.push(call);
    }
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return calls;
}

/** A call of the SDK or of a callee the plan declares, recognised without wrapper inference. */
export function recogniseDirectCall(node: ts.CallExpression, checker: ts.TypeChecker, patterns: CalleePattern[]): AnalyticsCall | undefined {
  if (patterns.length) {
    const path = calleePath(node.expression);
    for (const { spec, segments } of patterns) {
      if (endsWith(path, segments)) return fromCalleeSpec(node, spec);
    }
  }
  const callee = skipOuter(node.expression);
  let method: string | undefined;
  let receiver: ts.Expression | undefined;
  if (ts.isIdentifier(callee)) {
    const kind = destructuredSdkMethod(callee, node, checker);
    return kind ? fromSdkSignature(node, kind, checker) : undefined;
  }
  if (ts.isPropertyAccessExpression(callee)) {
    method = callee.name.text;
    receiver = callee.expression;
  } else if (ts.isElementAccessExpression(callee)) {
    const argument = skipOuter(callee.argumentExpression);
    if (ts.isStringLiteral(argument)) method = argument.text;
    receiver = callee.expression;
  }
  if (!method || !receiver || !SDK_METHODS.has(method as CallKind)) return undefined;
  const member = callee as ts.PropertyAccessExpression | ts.ElementAccessExpression;
  if (isKnownReceiver(receiver)) {
    // The name is only a convention: a `track` the project implements is the team's wrapper (inference reads it), never the SDK.
    if (isOwnImplementation(member, checker)) return undefined;
    return { ...fromSdkSignature(node, method as CallKind, checker), byReceiverName: true };
  }
  if (!isImportedFromSdk(receiver, checker) && !isDeclaredBySdk(member, checker)) return undefined;
  return fromSdkSignature(node, method as CallKind, checker);
}

function endsWith(path: string[], segments: string[]): boolean {
  if (segments.length > path.length) return false;
  const offset = path.length - segments.length;
  return segments.every((s, i) => s === path[offset + i]);
}

function receiverName(receiver: ts.Expression): string | undefined {
  const node = skipOuter(receiver);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return staticPropertyName(node.argumentExpression);
  if (ts.isCallExpression(node)) return receiverName(node.expression);
  return undefined;
}

function isKnownReceiver(receiver: ts.Expression): boolean {
  const name = receiverName(receiver);
  return name !== undefined && KNOWN_RECEIVERS.has(name.replace(/^_+/, '').toLowerCase());
}

/**
 * `const { track } = useAnalytics(); track('A')`: a method taken out of the SDK (or a hook returning it)
 * by destructuring; `const track = useTrack(); track('A')`: a variable named after the SDK method a hook
 * returns. The receiver is judged like a method call's: by name, or by the SDK's declarations.
 */
function destructuredSdkMethod(callee: ts.Identifier, node: ts.CallExpression, checker: ts.TypeChecker): CallKind | undefined {
  if (!SDK_METHODS.has(callee.text as CallKind)) return undefined;
  const symbol = checker.getSymbolAtLocation(callee);
  const declaration = symbol?.valueDeclaration;
  if (!symbol || !declaration) return undefined;
  const destructured = ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent);
  const held = ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && declaration.initializer !== undefined;
  if (!destructured && !held) return undefined;
  const method = destructured ? (declaration.propertyName ? staticPropertyName(declaration.propertyName) : callee.text) : callee.text;
  if (method !== callee.text) return undefined;
  // What the binding's type was made from (cheaper than resolving the call against its arguments).
  const targets = checker
    .getTypeOfSymbol(symbol)
    .getCallSignatures()
    .map((s) => s.declaration)
    .filter((d): d is ts.SignatureDeclaration => d !== undefined && !ts.isJSDocSignature(d));
  // The team's own function behind the hook is a wrapper, if anything: wrapper inference reads it.
  if (targets.some((d) => (d as ts.FunctionLikeDeclaration).body !== undefined)) return undefined;
  if (destructured) {
    const variable = declaration.parent.parent;
    if (ts.isVariableDeclaration(variable) && variable.initializer && (isKnownReceiver(variable.initializer) || hookReturnsSdk(variable.initializer, method, checker))) return method as CallKind;
  } else if (held) {
    const initializer = declaration.initializer!;
    if (isSdkMethod(initializer, method) || (hookReturns(initializer, checker)?.every((r) => isSdkMethod(r, method)) ?? false)) return method as CallKind;
  }
  return targets.length > 0 && targets.every(isSdkDeclaration) ? (method as CallKind) : undefined;
}

/**
 * Whether a hook hands out the SDK, by name, for its `method` to be destructured: every value it returns
 * is the SDK (`return segment`) or an object whose `method` is the SDK's (`return { track: segment.track }`).
 */
function hookReturnsSdk(initializer: ts.Expression, method: string, checker: ts.TypeChecker): boolean {
  const returned = hookReturns(initializer, checker);
  return (
    returned?.every((value) => {
      const node = skipOuter(value);
      if (!ts.isObjectLiteralExpression(node)) return isKnownReceiver(node);
      const field = objectLiteralField(node, method);
      if (!field || !ts.isIdentifier(field) || !ts.isShorthandPropertyAssignment(field.parent)) return field !== undefined && isSdkMethod(field, method);
      // `const track = segment.track; return { track }`, inside the hook.
      const held = checker.getShorthandAssignmentValueSymbol(field.parent)?.valueDeclaration;
      return held !== undefined && ts.isVariableDeclaration(held) && held.initializer !== undefined && isSdkMethod(held.initializer, method);
    }) ?? false
  );
}

/** `segment.track`, `analytics.track.bind(analytics)`: the SDK's `method`, recognised by its receiver's name. */
function isSdkMethod(expression: ts.Expression, method: string): boolean {
  let node = skipOuter(expression);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'bind') node = skipOuter(node.expression.expression);
  return ts.isPropertyAccessExpression(node) && node.name.text === method && isKnownReceiver(node.expression);
}

/**
 * What a function of the project returns when an initializer calls it (`useTracking()`): the expressions
 * of its return statements (not those of functions inside it), or its arrow body. Undefined when it is not
 * a function with a body, or when it may return nothing.
 */
function hookReturns(initializer: ts.Expression, checker: ts.TypeChecker): ts.Expression[] | undefined {
  const call = skipOuter(initializer);
  if (!ts.isCallExpression(call)) return undefined;
  const callee = skipOuter(call.expression);
  const nameNode = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
  let symbol = nameNode && checker.getSymbolAtLocation(nameNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  let fn: ts.Node | undefined = symbol?.valueDeclaration;
  if (fn && (ts.isVariableDeclaration(fn) || ts.isPropertyAssignment(fn)) && fn.initializer) fn = skipOuter(fn.initializer);
  if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || !fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return [fn.body];
  const returned: ts.Expression[] = [];
  let bare = false;
  const stack: ts.Node[] = [fn.body];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node)) {
      if (node.expression) returned.push(node.expression);
      else bare = true;
    }
    ts.forEachChild(node, (child) => {
      if (!ts.isFunctionLike(child) && !ts.isClassLike(child)) stack.push(child);
    });
  }
  return returned.length && !bare ? returned : undefined;
}

function isDeclaredBySdk(callee: ts.PropertyAccessExpression | ts.ElementAccessExpression, checker: ts.TypeChecker): boolean {
  const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee.argumentExpression);
  return (symbol?.declarations ?? []).some(isSdkDeclaration);
}

export function fromSdkSignature(node: ts.CallExpression, kind: CallKind, checker: ts.TypeChecker): AnalyticsCall {
  const args = node.arguments;
  const call: AnalyticsCall = { kind, node, callee: `analytics.${kind}`, prefix: '', suffix: '' };
  const first = args[0] && skipOuter(args[0]);
  // Node SDK (and the browser's object overloads) take one message object, written in place or not.
  const literal = first && ts.isObjectLiteralExpression(first) ? first : undefined;
  const typed = first && !literal && kind !== 'alias' ? messageType(first, checker) : undefined;
  const has = (key: string) => (literal ? objectLiteralField(literal, key) !== undefined : typed ? typed.getProperty(key) !== undefined : false);
  /** Reads the message's fields: from the literal's properties, or from the argument's type. */
  const fromMessage = (nameField: string | undefined, propertiesField: string) => {
    if (literal) {
      if (nameField) call.name = objectLiteralField(literal, nameField);
      call.properties = objectLiteralField(literal, propertiesField);
      if (kind === 'identify') call.userId = objectLiteralField(literal, 'userId');
    } else call.message = { node: args[0], nameField, propertiesField };
    call.options = literal ?? args[0];
  };
  switch (kind) {
    case 'track':
      if (has('event') || has('userId') || has('anonymousId')) fromMessage('event', 'properties');
      else {
        call.name = args[0];
        call.properties = args[1];
        call.options = args[2];
      }
      break;
    case 'identify':
      if (has('userId') || has('anonymousId') || has('traits')) fromMessage(undefined, 'traits');
      else if (first && isObjectArgument(first, checker)) {
        call.properties = args[0];
        call.options = args[1];
      } else {
        call.userId = args[0];
        call.properties = args[1];
        call.options = args[2];
      }
      break;
    case 'group':
      if (has('groupId') || has('userId') || has('traits')) fromMessage(undefined, 'traits');
      else {
        call.properties = args[1];
        call.options = args[2];
      }
      break;
    case 'page':
    case 'screen':
      // Node SDK: page({ userId, name, category, properties }); the browser's page(properties) has none of these keys.
      if (has('userId') || has('anonymousId') || has('properties')) fromMessage('name', 'properties');
      else if (first && isObjectArgument(first, checker)) {
        call.properties = args[0];
        call.options = args[1];
      } else if (kind === 'page' && args[1] && isStringArgument(args[1], checker)) {
        // page(category, name, properties, options)
        call.name = args[1];
        call.properties = args[2];
        call.options = args[3];
      } else {
        call.name = args[0];
        call.properties = args[1];
        call.options = args[2];
      }
      break;
    case 'alias':
      // alias(userId, previousId, options), or the Node SDK's alias({ userId, previousId, integrations }).
      call.options = literal ?? args[2];
      break;
  }
  return call;
}

/**
 * The type of a first argument that may be a Node message not written in place (`client.track(message)`).
 * Names are the usual first argument, so this stays cheap: names that are strings by their syntax or their
 * declaration never reach the checker, and a variable's or parameter's declared type is read without the
 * control-flow analysis that the type at its location costs.
 */
function messageType(first: ts.Expression, checker: ts.TypeChecker): ts.Type | undefined {
  if (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first) || (ts.isBinaryExpression(first) && first.operatorToken.kind === ts.SyntaxKind.PlusToken)) return undefined;
  if (declaredName(first, checker)) return undefined;
  const symbol = ts.isIdentifier(first) ? checker.getSymbolAtLocation(first) : undefined;
  const type = checker.getNonNullableType(symbol ? checker.getTypeOfSymbol(symbol) : checker.getTypeAtLocation(first));
  return isObjectType(type) ? type : undefined;
}

function fromCalleeSpec(node: ts.CallExpression, spec: CalleeSpec): AnalyticsCall {
  const named = spec.kind === 'track' || spec.kind === 'page' || spec.kind === 'screen';
  const defaultProperties = spec.kind === 'alias' ? undefined : { arg: named ? 1 : spec.kind === 'identify' || spec.kind === 'group' ? 1 : 0 };
  const nameRef = named ? (spec.event ?? { arg: 0 }) : undefined;
  const propertiesRef = spec.properties ?? defaultProperties;
  return {
    kind: spec.kind,
    node,
    callee: spec.callee,
    name: nameRef ? argument(node.arguments, nameRef) : undefined,
    // A declared identify callee takes the user id first, like the SDK, unless its traits are there.
    userId: spec.kind === 'identify' && (spec.properties?.arg ?? 1) !== 0 ? node.arguments[0] : undefined,
    properties: propertiesRef ? argument(node.arguments, propertiesRef) : undefined,
    message: messageArgument(node.arguments, nameRef, propertiesRef),
    prefix: spec.prefix ?? '',
    suffix: spec.suffix ?? '',
    declared: spec,
    provided: spec.provides?.length ? { keys: spec.provides, open: false } : undefined,
  };
}

/**
 * A call of an inferred wrapper, read as the analytics call the wrapper makes. `args`: what the wrapper
 * receives when the call hands them on (`fn.call(thisArg, ...args)`), else the call's own arguments.
 */
export function applyWrapper(node: ts.CallExpression, wrapper: WrapperInfo, checker: ts.TypeChecker, args: readonly ts.Expression[] = node.arguments): AnalyticsCall {
  const provided = wrapper.provided.keys.length || wrapper.provided.open ? wrapper.provided : undefined;
  if (wrapper.forwardAll) {
    const call = fromSdkSignature(node, wrapper.kind, checker);
    return { ...call, callee: wrapper.name, wrapper, provided };
  }
  return {
    kind: wrapper.kind,
    node,
    callee: wrapper.name,
    name: wrapper.event ? wrapperArgument(args, wrapper.event) : undefined,
    properties: wrapper.properties ? wrapperArgument(args, wrapper.properties) : undefined,
    message: messageArgument(args, wrapper.event, wrapper.properties),
    options: wrapper.options ? wrapperArgument(args, wrapper.options) : undefined,
    prefix: wrapper.prefix,
    suffix: wrapper.suffix,
    nameMap: wrapper.nameMap,
    wrapper,
    provided,
  };
}

/** An argument of a wrapper call; none when a spread (`f(...args)`) hides which argument is where. */
export function wrapperArgument(args: readonly ts.Expression[], ref: WrapperRef): ts.Expression | undefined {
  if (spreadBefore(args, ref.arg)) return undefined;
  return argument(args, ref);
}

function spreadBefore(args: readonly ts.Expression[], index: number): boolean {
  for (let i = 0; i <= index && i < args.length; i++) if (ts.isSpreadElement(args[i])) return true;
  return false;
}

/** An argument, or its field (`payload.data.event`) as written in object literals; undefined where one is not a literal. */
function argument(args: readonly ts.Expression[], ref: WrapperRef): ts.Expression | undefined {
  let value: ts.Expression | undefined = args[ref.arg];
  if (ref.field === undefined) return value;
  for (const field of [ref.field, ...(ref.path ?? [])]) {
    const object: ts.Expression | undefined = value && skipOuter(value);
    value = object && ts.isObjectLiteralExpression(object) ? objectLiteralField(object, field) : undefined;
  }
  return value;
}

/**
 * The object argument whose fields hold the name or the properties (`{ arg: 0, field: 'event' }`) when it
 * is not written as an object literal (`trackEvent(payload)`): its type gives them.
 */
function messageArgument(args: readonly ts.Expression[], nameRef: WrapperRef | undefined, propertiesRef: WrapperRef | undefined): TypedMessage | undefined {
  const name = nameRef && typedHolder(args, nameRef);
  const properties = propertiesRef && typedHolder(args, propertiesRef);
  const holder = name ?? properties;
  if (!holder) return undefined;
  return { node: holder.node, nameField: name?.field, propertiesField: properties?.node === holder.node ? properties.field : undefined };
}

/**
 * The object, not written as a literal, whose field holds what a reference reads: the argument itself
 * (`trackEvent(payload)`), or the value of a literal's field (`trackEvent({ data })` for `payload.data.event`).
 * Undefined when the field is written in place, or when a non-literal is met more than one field above it.
 */
function typedHolder(args: readonly ts.Expression[], ref: WrapperRef): { node: ts.Expression; field: string } | undefined {
  if (ref.field === undefined || spreadBefore(args, ref.arg)) return undefined;
  const fields = [ref.field, ...(ref.path ?? [])];
  let node: ts.Expression | undefined = args[ref.arg];
  for (let i = 0; node && i < fields.length; i++) {
    const object = skipOuter(node);
    if (!ts.isObjectLiteralExpression(object)) return i === fields.length - 1 ? { node, field: fields[i] } : undefined;
    node = objectLiteralField(object, fields[i]);
  }
  return undefined;
}

function isObjectArgument(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const inner = skipOuter(node);
  if (ts.isObjectLiteralExpression(inner)) return true;
  if (ts.isStringLiteralLike(inner) || ts.isTemplateExpression(inner)) return false;
  const type = checker.getTypeAtLocation(inner);
  return (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.NonPrimitive | ts.TypeFlags.Intersection)) !== 0;
}

function isStringArgument(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const inner = skipOuter(node);
  if (ts.isStringLiteralLike(inner) || ts.isTemplateExpression(inner)) return true;
  if (ts.isObjectLiteralExpression(inner)) return false;
  const type = checker.getTypeAtLocation(inner);
  return (type.flags & ts.TypeFlags.StringLike) !== 0 || (type.isUnion() && type.types.every((t) => (t.flags & ts.TypeFlags.StringLike) !== 0));
}
