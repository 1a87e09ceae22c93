import { ts } from '@ts-morph/common';
import type { AnalyticsCall } from '../core/analysis/calls';
import { skipOuter, staticPropertyName } from '../core/analysis/syntax';
import type { TrackingPlan } from '../core/plan/model';
import type { Position } from 'vscode-languageserver-types';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { offsetAt } from './positions';

/** What the cursor is on inside an analytics call, for completion and hover. */
export type CursorContext =
  | { kind: 'name'; call: AnalyticsCall; literal?: ts.StringLiteralLike; /** offsets of the text inside the quotes */ start: number; end: number }
  | { kind: 'emptyArguments'; call: AnalyticsCall; offset: number }
  | { kind: 'propertyKey'; call: AnalyticsCall; object: ts.ObjectLiteralExpression; start: number; end: number; path: string[] }
  | { kind: 'propertyValue'; call: AnalyticsCall; key: string; path: string[]; literal: ts.StringLiteralLike; start: number; end: number }
  | { kind: 'nameExpression'; call: AnalyticsCall; node: ts.Expression };

/** What every position-based request starts from: the plan, the file, and the analytics call under the cursor. */
export interface CallAtPosition {
  plan: TrackingPlan;
  sourceFile: ts.SourceFile;
  offset: number;
  call: AnalyticsCall;
  checker: ts.TypeChecker;
}

/** `plan` is the plan to read the call against: the workspace's, unless the caller has a stand-in (the Segment spec catalogue). */
export function callAtPosition(workspace: AnalysisWorkspace, fileName: string, position: Position, plan = workspace.plan): CallAtPosition | undefined {
  const sourceFile = workspace.requestedSourceFile(fileName);
  if (!plan || !sourceFile) return undefined;
  const offset = offsetAt(sourceFile, position);
  const call = callAt(workspace.calls(sourceFile), offset, sourceFile);
  if (!call) return undefined;
  return { plan, sourceFile, offset, call, checker: workspace.program().getTypeChecker() };
}

/** The innermost recognised call whose argument list holds `offset`. */
export function callAt(calls: AnalyticsCall[], offset: number, sourceFile: ts.SourceFile): AnalyticsCall | undefined {
  let best: AnalyticsCall | undefined;
  for (const call of calls) {
    const node = call.node;
    // A JSX call site's "arguments" are its attributes.
    const open = ts.isCallExpression(node) ? node.arguments.pos : node.attributes.pos;
    const close = node.end;
    if (offset < open || offset > close) continue;
    // Past the closing parenthesis is outside the call.
    if (offset === close && ts.isCallExpression(node) && sourceFile.text.charAt(close - 1) === ')' && node.arguments.end < close) continue;
    if (!best || call.node.getStart(sourceFile) >= best.node.getStart(sourceFile)) best = call;
  }
  return best;
}

export function cursorContext(call: AnalyticsCall, offset: number, sourceFile: ts.SourceFile): CursorContext | undefined {
  const name = call.name;
  if (name) {
    const inner = skipOuter(name);
    // Through a wrapper's map the literal is an id, not a name: planned names are no completion for it.
    if (ts.isStringLiteralLike(inner) && !call.nameMap) {
      const start = inner.getStart(sourceFile) + 1;
      const end = Math.max(start, inner.end - (isTerminated(inner, sourceFile) ? 1 : 0));
      if (offset >= start && offset <= end) return { kind: 'name', call, literal: inner, start, end };
    } else if (offset >= name.getStart(sourceFile) && offset <= name.end) {
      return { kind: 'nameExpression', call, node: name };
    }
  } else if ((call.kind === 'track' || call.kind === 'page' || call.kind === 'screen') && ts.isCallExpression(call.node) && call.node.arguments.length === 0 && !call.nameMap && !call.fixedName && namesFirstArgument(call)) {
    return { kind: 'emptyArguments', call, offset };
  }
  const properties = call.properties && skipOuter(call.properties);
  if (properties && ts.isObjectLiteralExpression(properties)) return objectContext(call, properties, offset, sourceFile, []);
  return undefined;
}

function objectContext(call: AnalyticsCall, object: ts.ObjectLiteralExpression, offset: number, sourceFile: ts.SourceFile, path: string[]): CursorContext | undefined {
  const open = object.getStart(sourceFile);
  if (offset <= open || offset >= object.end) return undefined;
  for (const element of object.properties) {
    const start = element.getStart(sourceFile);
    if (offset < start || offset > element.end) continue;
    if (ts.isShorthandPropertyAssignment(element)) {
      return { kind: 'propertyKey', call, object, start, end: element.name.end, path };
    }
    if (ts.isPropertyAssignment(element)) {
      const key = staticPropertyName(element.name);
      if (offset <= element.name.end) return { kind: 'propertyKey', call, object, start: element.name.getStart(sourceFile), end: element.name.end, path };
      const value = skipOuter(element.initializer);
      if (key !== undefined && ts.isStringLiteralLike(value)) {
        const valueStart = value.getStart(sourceFile) + 1;
        const valueEnd = Math.max(valueStart, value.end - (isTerminated(value, sourceFile) ? 1 : 0));
        if (offset >= valueStart && offset <= valueEnd) return { kind: 'propertyValue', call, key, path: [...path, key], literal: value, start: valueStart, end: valueEnd };
      }
      if (key !== undefined && ts.isObjectLiteralExpression(value)) return objectContext(call, value, offset, sourceFile, [...path, key]);
      return undefined;
    }
    return undefined;
  }
  // Between elements, after a comma or just inside the braces: a new key goes here.
  return { kind: 'propertyKey', call, object, start: offset, end: offset, path };
}

/** Whether the name is the call's first argument itself (not a field of it), so `(|)` can take a name. */
function namesFirstArgument(call: AnalyticsCall): boolean {
  const wrapper = call.wrapper;
  const ref = wrapper ? (wrapper.forwardAll ? { arg: 0 } : wrapper.event) : call.declared ? (call.declared.event ?? { arg: 0 }) : { arg: 0 };
  return ref !== undefined && ref.arg === 0 && ref.field === undefined;
}

function isTerminated(literal: ts.StringLiteralLike, sourceFile: ts.SourceFile): boolean {
  const text = literal.getText(sourceFile);
  return text.length >= 2 && text.charAt(text.length - 1) === text.charAt(0);
}
