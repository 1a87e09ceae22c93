import { ts } from '@ts-morph/common';
import type { ArgumentRef, CalleeSpec, TrackingPlan } from '../plan/model';
import { findAnalyticsCalls } from './calls';
import { calleePath, skipOuter } from './syntax';
import { WrapperInference } from './wrappers';

/**
 * Calls that probably send analytics across a boundary no inference crosses — an IPC bridge
 * (`window.main.trackSegmentEvent({ event })`), a redux action (`dispatch({ type: 'TRACK', event })`), an event
 * bus — listed so the team can declare them in `callees:`. Only calls tracklint does not already judge are
 * considered, and only two signs count, because this runs on whole repositories:
 * - event names: the same argument (or field of an object argument) carries at least two distinct event names
 *   of the plan over the calls of one callee, and at least half of the string values seen there are event names
 *   (page and screen names are not counted: route names such as `navigate('Home')` would look the same);
 * - the name of a tracking function (`trackClick`, `logEvent`, `sendClickEvent`; not a bare `track`, which media
 *   players and audio tracks have) called with a string first, or with an object whose `event`, `eventName` or
 *   `name` field is a string, and not declared in a dependency.
 */

export type CandidateReason = 'plan-names' | 'tracking-name';

export interface CalleeCandidate {
  /** What to write as `callee:`: the end of the called expression shared by all its calls. */
  callee: string;
  event: ArgumentRef;
  properties?: ArgumentRef;
  reason: CandidateReason;
  /** The plan's event names seen where the name goes (sorted). */
  planNames: string[];
  /** Where the function is declared, or its first call when its declaration is not the project's own. */
  file: string;
  /** 0-based. */
  line: number;
  character: number;
  callSites: number;
  /** The `callees:` entry to paste into the plan. */
  spec: CalleeSpec;
}

const NAME_FIELDS = ['event', 'eventName', 'name'];
const PROPERTIES_FIELDS = ['properties', 'props', 'payload', 'params', 'data', 'attributes'];
const TRACKING_NAME = /^track[A-Z_]|^(?:track|log|send|emit|record|fire|capture|report|publish|push)\w*Event$/;
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|spec|e2e)[\\/]|\.(?:test|spec|stories)\.[cm]?[jt]sx?$/;
/** Arguments looked at per call: names come early. */
const MAX_ARGUMENTS = 3;

interface Slot {
  ref: ArgumentRef;
  /** String literal values the slot's type allows; undefined when it is a string that is not a literal union. */
  literals?: string[];
}

interface Group {
  path: string[][];
  ref: ArgumentRef;
  declaration?: ts.Node;
  firstCall: ts.CallExpression;
  callSites: number;
  /** How many string literal values the slot held over all calls, and how many of them were event names. */
  literalCount: number;
  planNameCount: number;
  planNames: Set<string>;
  tracking: boolean;
  properties?: ArgumentRef;
}

export function listCalleeCandidates(program: ts.Program, plan: TrackingPlan, files: ts.SourceFile[]): CalleeCandidate[] {
  const checker = program.getTypeChecker();
  const inference = new WrapperInference(program, checker, plan.callees, plan.wrappers ?? { infer: true, ignore: [] });
  const groups = new Map<string, Group>();
  for (const sourceFile of files) {
    // Tests assert on event names (`assert.equal(name, 'Order Completed')`): their calls are not wrappers.
    if (TEST_FILE.test(sourceFile.fileName)) continue;
    const followed = new Set(findAnalyticsCalls(sourceFile, checker, plan.callees, inference).map((call) => call.node));
    const stack: ts.Node[] = [sourceFile];
    while (stack.length) {
      const node = stack.pop()!;
      // In source order, so that a callee's first call is the first one written.
      const children: ts.Node[] = [];
      ts.forEachChild(node, (child) => {
        children.push(child);
      });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      if (!ts.isCallExpression(node) || followed.has(node)) continue;
      const path = calleePath(node.expression);
      // Only plain dotted callees can be written in `callees:` (not `get().track`, `fns[i]`).
      if (!path.length || path.some((segment) => segment.endsWith('()') || segment === '[]')) continue;
      const declaration = calleeDeclaration(node, checker);
      if (declaration && program.isSourceFileDefaultLibrary(declaration.getSourceFile())) continue;
      const tracking = TRACKING_NAME.test(path[path.length - 1]) && !isDependency(declaration);
      for (const slot of slots(node, checker)) {
        const names = (slot.literals ?? []).filter((value) => plan.events.has(value));
        const nameSlot = tracking && isTrackingNameSlot(slot.ref);
        const key = `${declaration ? nodeKey(declaration) : path.join('.')}\u0000${slot.ref.arg}\u0000${slot.ref.field ?? ''}`;
        let group = groups.get(key);
        if (!group) {
          group = { path: [], ref: slot.ref, declaration, firstCall: node, callSites: 0, literalCount: 0, planNameCount: 0, planNames: new Set(), tracking: false };
          groups.set(key, group);
        }
        // Every call's path for the callee entry, but a bounded number: they only shorten a common suffix.
        if (group.path.length < 50) group.path.push(path.filter((segment) => segment !== 'this'));
        group.callSites++;
        group.literalCount += slot.literals?.length ?? 0;
        group.planNameCount += names.length;
        for (const name of names) group.planNames.add(name);
        group.tracking ||= nameSlot;
        group.properties ??= propertiesRef(node, slot.ref);
      }
    }
  }

  const candidates: CalleeCandidate[] = [];
  const taken = new Set<string>();
  for (const group of groups.values()) {
    const byPlanNames = group.planNames.size >= 2 && group.planNameCount * 2 >= group.literalCount;
    if (!byPlanNames && !group.tracking) continue;
    const callee = commonSuffix(group.path).join('.');
    // One entry per callee: the slot with plan names wins over a name-shaped one.
    const id = callee;
    const location = group.declaration && !isDependency(group.declaration) ? group.declaration : group.firstCall;
    const sourceFile = location.getSourceFile();
    const start = sourceFile.getLineAndCharacterOfPosition(location.getStart(sourceFile));
    const spec: CalleeSpec = { callee, kind: 'track', event: group.ref };
    if (group.properties) spec.properties = group.properties;
    const candidate: CalleeCandidate = {
      callee,
      event: group.ref,
      properties: group.properties,
      reason: byPlanNames ? 'plan-names' : 'tracking-name',
      planNames: [...group.planNames].sort(),
      file: sourceFile.fileName,
      line: start.line,
      character: start.character,
      callSites: group.callSites,
      spec,
    };
    if (taken.has(id)) {
      const index = candidates.findIndex((c) => c.callee === id);
      if (candidates[index].reason === 'tracking-name' && candidate.reason === 'plan-names') candidates[index] = candidate;
      continue;
    }
    taken.add(id);
    candidates.push(candidate);
  }
  return candidates.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.character - b.character || a.callee.localeCompare(b.callee));
}

/** The `callees:` entry as one line of YAML: `- { callee: bus.emit, kind: track, event: { arg: 0, field: event } }`. */
export function calleeEntryYaml(spec: CalleeSpec): string {
  const ref = (r: ArgumentRef) => (r.field === undefined ? String(r.arg) : `{ arg: ${r.arg}, field: ${yamlScalar(r.field)} }`);
  const parts = [`callee: ${yamlScalar(spec.callee)}`, `kind: ${spec.kind}`];
  if (spec.event) parts.push(`event: ${ref(spec.event)}`);
  if (spec.properties) parts.push(`properties: ${ref(spec.properties)}`);
  return `- { ${parts.join(', ')} }`;
}

function yamlScalar(text: string): string {
  return /^[A-Za-z_$][\w$.]*$/.test(text) ? text : JSON.stringify(text);
}

/** The string-valued arguments of a call, and the string fields of its object-literal arguments. */
function slots(node: ts.CallExpression, checker: ts.TypeChecker): Slot[] {
  const result: Slot[] = [];
  node.arguments.slice(0, MAX_ARGUMENTS).forEach((argument, arg) => {
    const expression = skipOuter(argument);
    if (ts.isObjectLiteralExpression(expression)) {
      for (const element of expression.properties) {
        if (!(ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element)) || !(ts.isIdentifier(element.name) || ts.isStringLiteral(element.name))) continue;
        const value = ts.isPropertyAssignment(element) ? element.initializer : element.name;
        const literals = stringValues(value, checker);
        if (literals !== null) result.push({ ref: { arg, field: element.name.text }, literals });
      }
      return;
    }
    const literals = stringValues(expression, checker);
    if (literals !== null) result.push({ ref: { arg }, literals });
  });
  return result;
}

/**
 * The string literals an expression may be (its own type, or the type its parameter expects when that is
 * narrower: `send({ event })` where `event: EventName`); undefined for a plain string; null when not a string.
 */
function stringValues(expression: ts.Expression, checker: ts.TypeChecker): string[] | undefined | null {
  const own = literalsOf(checker.getTypeAtLocation(expression));
  if (own === null) return null;
  if (own !== undefined) return own;
  const contextual = checker.getContextualType(expression);
  return contextual ? (literalsOf(contextual) ?? undefined) : undefined;
}

function literalsOf(type: ts.Type): string[] | undefined | null {
  const members = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  let plain = false;
  for (const member of members) {
    if (member.isStringLiteral()) values.push(member.value);
    else if (member.flags & ts.TypeFlags.String) plain = true;
    else if (!(member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null))) return null;
  }
  if (plain) return undefined;
  return values.length ? values : null;
}

/** A tracking function takes its name first: a string, or an object's `event`, `eventName` or `name`. */
function isTrackingNameSlot(ref: ArgumentRef): boolean {
  return ref.arg === 0 && (ref.field === undefined || NAME_FIELDS.includes(ref.field));
}

/** Where the properties probably are: the argument after a string name, or a properties-like field beside the name. */
function propertiesRef(node: ts.CallExpression, name: ArgumentRef): ArgumentRef | undefined {
  if (name.field === undefined) {
    const next = node.arguments[name.arg + 1];
    return next && ts.isObjectLiteralExpression(skipOuter(next)) ? { arg: name.arg + 1 } : undefined;
  }
  const object = skipOuter(node.arguments[name.arg]) as ts.ObjectLiteralExpression;
  for (const element of object.properties) {
    const field = element.name && (ts.isIdentifier(element.name) || ts.isStringLiteral(element.name)) ? element.name.text : undefined;
    if (field && PROPERTIES_FIELDS.includes(field)) return { arg: name.arg, field };
  }
  return undefined;
}

function calleeDeclaration(node: ts.CallExpression, checker: ts.TypeChecker): ts.Declaration | undefined {
  const expression = skipOuter(node.expression);
  const nameNode = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
  let symbol = checker.getSymbolAtLocation(nameNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.[0];
}

function isDependency(node: ts.Node | undefined): boolean {
  return node !== undefined && /[\\/]node_modules[\\/]/.test(node.getSourceFile().fileName);
}

function nodeKey(node: ts.Node): string {
  return `${node.getSourceFile().fileName}:${node.pos}`;
}

/** The longest run of trailing segments every call writes: `window.main.send` and `main.send` → `main.send`. */
function commonSuffix(paths: string[][]): string[] {
  let suffix = paths[0];
  for (const path of paths.slice(1)) {
    let n = 0;
    while (n < suffix.length && n < path.length && suffix[suffix.length - 1 - n] === path[path.length - 1 - n]) n++;
    suffix = suffix.slice(suffix.length - n);
  }
  return suffix.length ? suffix : paths[0].slice(-1);
}
