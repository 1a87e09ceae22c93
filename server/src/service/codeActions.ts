import { ts } from '@ts-morph/common';
import { CodeActionKind, type CodeAction, type Diagnostic, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { skipOuter } from '../core/analysis/syntax';
import { CheckedCall } from '../core/analysis/checkedCall';
import { ValueTypeReader } from '../core/analysis/valueType';
import type { FindingData, RuleId } from '../core/types';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { callAt } from './cursor';
import { inferSchema } from '../core/analysis/inferSchema';
import { addEventEdits } from './planEdits';
import { entryForCall, namedEntriesFor, withoutAffixes } from './planLookup';
import { planInvalidRefusal, planLocation } from './navigation';
import { foldName } from '../core/plan/nameCollisions';
import { offsetAt, rangeFromOffsets } from './positions';
import { plainPlaceholderFor, propertyKeyText, quoted } from './snippets';
import { callName, preferredQuote } from './completion';
import { parsePlanDocument } from '../core/plan/document';
import { insertPropertiesEdit } from './propertyInsertion';
import { moveValueToPropertyEdit } from './moveValueToProperty';

/** What the server puts in `Diagnostic.data`, so code actions know what to offer without re-checking. */
export interface DiagnosticData extends FindingData {
  ruleId: RuleId;
}

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tracklint`;

/**
 * Quick fixes for tracklint diagnostics, dispatched on the rule id, plus the source action that
 * applies every preferred fix in the file.
 */
/** `diagnostics` are the context's diagnostics: VS Code sends those overlapping the requested range. */
export function doCodeActions(workspace: AnalysisWorkspace, fileName: string, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const sourceFile = workspace.requestedSourceFile(fileName);
  if (!sourceFile) return [];
  const actions: CodeAction[] = [];
  const wantsQuickFix = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix));
  const wantsFixAll = only?.some((kind) => FIX_ALL_KIND.startsWith(kind) || kind === CodeActionKind.Source);
  if (wantsQuickFix) {
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== 'tracklint' || !isDiagnosticData(diagnostic.data)) continue;
      // An off-plan name is also miscased: the unknown-event fixes (planned names) supersede the casing one.
      if (diagnostic.data.ruleId === 'event-name-casing' && diagnostics.some((d) => isDiagnosticData(d.data) && d.data.ruleId === 'unknown-event' && sameRange(d.range, diagnostic.range))) continue;
      fixes.push(...quickFixes(workspace, sourceFile, fileName, diagnostic, diagnostic.data));
      disables.push(disableAction(sourceFile, fileName, diagnostic, diagnostic.data.ruleId));
    }
    // Several diagnostics of one call offer the same action (add all its missing properties, disable a rule on
    // its line): listed once, for all of them, and the disabling ones after every fix.
    actions.push(...withoutDuplicates([...fixes, ...disables]));
  }
  if (wantsFixAll) {
    const all = fixAll(workspace, sourceFile, fileName);
    if (all) actions.push(all);
  }
  return actions;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function isDiagnosticData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && typeof (data as { ruleId?: unknown }).ruleId === 'string';
}

function quickFixes(workspace: AnalysisWorkspace, sourceFile: ts.SourceFile, fileName: string, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = URI.file(fileName).toString();
  const fix = (title: string, edit: WorkspaceEdit, isPreferred = false): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(isPreferred ? { isPreferred } : {}) });
  switch (data.ruleId) {
    case 'unknown-event':
    case 'event-name-casing':
    case 'deprecated-event': {
      // Through a wrapper that adds a prefix or suffix, the call site writes the name without them.
      const call = callAt(workspace.calls(sourceFile), offsetAt(sourceFile, diagnostic.range.start), sourceFile);
      const written = (data.suggestions ?? []).map((name) => withoutAffixes(name, call?.prefix ?? '', call?.suffix ?? '')).filter((n): n is string => n !== undefined);
      written.slice(0, 3).forEach((suggestion, i) => {
        const edit = replaceNameEdit(workspace, sourceFile, uri, diagnostic.range, suggestion, data);
        if (edit) actions.push(fix(`Change to '${suggestion}'`, edit, i === 0));
      });
      if (data.ruleId === 'unknown-event' && data.eventName !== undefined) {
        const add = addToPlanAction(workspace, sourceFile, diagnostic, data.eventName);
        if (add) actions.push(add);
      }
      break;
    }
    case 'missing-required-property': {
      // Every key the call misses (each has its own diagnostic, on the same range): one fix adds them all.
      const missing = missingTopLevelKeys(workspace, fileName, diagnostic.range);
      if (missing.length > 1) {
        const all = addPropertiesEdit(workspace, sourceFile, uri, diagnostic.range, missing);
        if (all) actions.push(fix(`Add properties ${missing.map((key) => `'${key}'`).join(', ')}`, all, true));
      }
      const edit = data.property && isTopLevel(data.property) ? addPropertiesEdit(workspace, sourceFile, uri, diagnostic.range, [data.property]) : undefined;
      if (edit) actions.push(fix(`Add property '${data.property}'`, edit, actions.length === 0));
      break;
    }
    case 'unknown-property': {
      for (const suggestion of (data.suggestions ?? []).slice(0, 3)) {
        const edit = replaceKeyEdit(sourceFile, uri, diagnostic.range, suggestion);
        if (edit) actions.push(fix(`Change to '${suggestion}'`, edit, actions.length === 0));
      }
      const remove = removePropertyEdit(sourceFile, uri, diagnostic.range);
      if (remove) actions.push(fix(`Remove property '${data.property ?? ''}'`, remove));
      break;
    }
    case 'property-name-casing': {
      const suggestion = data.suggestions?.[0];
      const edit = suggestion && replaceKeyEdit(sourceFile, uri, diagnostic.range, suggestion);
      if (edit) actions.push(fix(`Rename to '${suggestion}'`, edit, true));
      break;
    }
    case 'unknown-destination': {
      data.suggestions?.slice(0, 3).forEach((suggestion, i) => {
        const edit = replaceKeyEdit(sourceFile, uri, diagnostic.range, suggestion);
        if (edit) actions.push(fix(`Change to '${suggestion}'`, edit, i === 0));
      });
      break;
    }
    case 'event-name-contains-value': {
      const edit = data.replacement && data.property ? moveValueToPropertyEdit(workspace, sourceFile, uri, diagnostic.range, data.replacement, data.property) : undefined;
      if (edit) actions.push(fix(`Name the event '${data.replacement}' and send the value as property '${data.property}'`, edit, true));
      break;
    }
    case 'property-value': {
      for (const suggestion of (data.suggestions ?? []).slice(0, 3)) {
        const edit = replaceStringEdit(sourceFile, uri, diagnostic.range, suggestion);
        if (edit) actions.push(fix(`Change to '${suggestion}'`, edit, actions.length === 0));
      }
      break;
    }
    default:
      break;
  }
  return actions;
}

function disableAction(sourceFile: ts.SourceFile, fileName: string, diagnostic: Diagnostic, ruleId: string): CodeAction {
  const edit = disableLineEdit(sourceFile, URI.file(fileName).toString(), diagnostic.range.start.line, ruleId);
  return { title: `Disable ${ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

/** Actions with the same title and edit become one, tied to all their diagnostics. */
function withoutDuplicates(actions: CodeAction[]): CodeAction[] {
  const byKey = new Map<string, CodeAction>();
  for (const action of actions) {
    const key = JSON.stringify([action.title, action.edit]);
    const first = byKey.get(key);
    if (first) first.diagnostics = [...(first.diagnostics ?? []), ...(action.diagnostics ?? [])];
    else byKey.set(key, { ...action });
  }
  return [...byKey.values()];
}

/** The top-level required keys the call at `range` misses, in the order the checker reports them. */
function missingTopLevelKeys(workspace: AnalysisWorkspace, fileName: string, range: Range): string[] {
  const keys = workspace
    .check(fileName)
    .filter((finding) => finding.ruleId === 'missing-required-property' && sameRange(finding.range, range))
    .map((finding) => finding.data?.property)
    .filter((key): key is string => key !== undefined && isTopLevel(key));
  return [...new Set(keys)];
}

/** A string literal exactly at `range` in this file, or undefined. */
function literalAt(sourceFile: ts.SourceFile, range: Range): ts.StringLiteralLike | undefined {
  const start = offsetAt(sourceFile, range.start);
  const end = offsetAt(sourceFile, range.end);
  let found: ts.StringLiteralLike | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.end < start || node.pos > end) return;
    if (ts.isStringLiteralLike(node) && node.getStart(sourceFile) === start && node.end === end) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function replaceStringEdit(sourceFile: ts.SourceFile, uri: string, range: Range, value: string): WorkspaceEdit | undefined {
  const literal = literalAt(sourceFile, range);
  if (!literal) return undefined;
  const quote = sourceFile.text.charAt(literal.getStart(sourceFile));
  return { changes: { [uri]: [{ range, newText: quoted(value, quote === '`' ? '`' : quote) }] } };
}

/** Renames an event where it is written: the literal at the call, or the constant it was resolved from. */
function replaceNameEdit(workspace: AnalysisWorkspace, sourceFile: ts.SourceFile, uri: string, range: Range, value: string, data: FindingData): WorkspaceEdit | undefined {
  const direct = replaceStringEdit(sourceFile, uri, range, value);
  if (direct) return direct;
  if (!data.origin) return undefined;
  // The origin is a string literal in a declaration: keep its quote style.
  const originFile = workspace.sourceFile(data.origin.file);
  const quote = originFile ? originFile.text.charAt(offsetAt(originFile, data.origin.range.start)) : "'";
  return { changes: { [URI.file(data.origin.file).toString()]: [{ range: data.origin.range, newText: quoted(value, quote === '"' || quote === '`' ? quote : "'") }] } };
}

function replaceKeyEdit(sourceFile: ts.SourceFile, uri: string, range: Range, key: string): WorkspaceEdit | undefined {
  const element = propertyElementAt(sourceFile, range);
  if (!element) return undefined;
  if (ts.isShorthandPropertyAssignment(element)) {
    // `{ orderId }` → `{ order_id: orderId }`: the value keeps its variable.
    return { changes: { [uri]: [{ range, newText: `${propertyKeyText(key, preferredQuote(sourceFile))}: ${element.name.text}` }] } };
  }
  return { changes: { [uri]: [{ range, newText: propertyKeyText(key, preferredQuote(sourceFile)) }] } };
}

function propertyElementAt(sourceFile: ts.SourceFile, range: Range): ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined {
  const start = offsetAt(sourceFile, range.start);
  const end = offsetAt(sourceFile, range.end);
  let found: ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.end < start || node.pos > end) return;
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && node.name.getStart(sourceFile) === start && node.name.end === end && ts.isObjectLiteralExpression(node.parent)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Deletes a property and its comma, so the object stays well-formed. */
function removePropertyEdit(sourceFile: ts.SourceFile, uri: string, range: Range): WorkspaceEdit | undefined {
  const element = propertyElementAt(sourceFile, range);
  if (!element) return undefined;
  const object = element.parent as ts.ObjectLiteralExpression;
  const index = object.properties.indexOf(element);
  const text = sourceFile.text;
  let start = element.getStart(sourceFile);
  let end = element.end;
  if (index < object.properties.length - 1) {
    end = object.properties[index + 1].getStart(sourceFile);
  } else if (index > 0) {
    start = object.properties[index - 1].end;
  } else {
    // The only property: also drop a trailing comma and the spaces around it.
    while (end < text.length && /[\s,]/.test(text.charAt(end)) && text.charAt(end) !== '}') end++;
    while (start > 0 && /\s/.test(text.charAt(start - 1)) && text.charAt(start - 1) !== '{') start--;
    start = Math.min(start, element.getStart(sourceFile));
  }
  return { changes: { [uri]: [{ range: rangeFromOffsets(sourceFile, start, end), newText: '' }] } };
}

function isTopLevel(property: string): boolean {
  return !property.includes('.') && !property.includes('[');
}

/**
 * Adds properties with placeholders: inside the properties object when the finding is on it, or as a
 * new properties argument after the name when the call has none.
 */
function addPropertiesEdit(workspace: AnalysisWorkspace, sourceFile: ts.SourceFile, uri: string, range: Range, keys: string[]): WorkspaceEdit | undefined {
  const plan = workspace.plan;
  const call = callAt(workspace.calls(sourceFile), offsetAt(sourceFile, range.start), sourceFile);
  if (!plan || !call) return undefined;
  const checker = workspace.program().getTypeChecker();
  const entry = entryForCall(plan, call.kind, callName(call, checker));
  if (!entry) return undefined;
  const quote = preferredQuote(sourceFile);
  const schemas = { ...(entry.kind === 'track' ? plan.common?.properties : {}), ...(entry.properties ?? {}) };
  const pairs = keys.map((key) => `${propertyKeyText(key, quote)}: ${plainPlaceholderFor(schemas[key] ?? {}, quote)}`);
  const edit = insertPropertiesEdit(sourceFile, call, pairs);
  return edit && { changes: { [uri]: [edit] } };
}

function disableLineEdit(sourceFile: ts.SourceFile, uri: string, line: number, ruleId: string): WorkspaceEdit {
  const lineStart = sourceFile.getLineStarts()[line] ?? 0;
  const indent = /^[ \t]*/.exec(sourceFile.text.slice(lineStart))![0];
  const eol = sourceFile.text.includes('\r\n') ? '\r\n' : '\n';
  const position = { line, character: 0 };
  return { changes: { [uri]: [{ range: { start: position, end: position }, newText: `${indent}// tracklint-disable-next-line ${ruleId}${eol}` }] } };
}

/**
 * "Add event 'X' to the tracking plan", with property types inferred from what the call sends. Not offered where the
 * Add Event to Plan command refuses the name (a spelling of a planned name, a plan with errors): a quick fix has no
 * way to say why, and the rename to the planned name is the fix there.
 */
function addToPlanAction(workspace: AnalysisWorkspace, sourceFile: ts.SourceFile, diagnostic: Diagnostic, name: string): CodeAction | undefined {
  const offset = offsetAt(sourceFile, diagnostic.range.start);
  const call = callAt(workspace.calls(sourceFile), offset, sourceFile);
  if (addEventRefusal(workspace, name, call?.kind === 'page' || call?.kind === 'screen' ? call.kind : 'track')) return undefined;
  const edit = addEventToPlanEdit(workspace, sourceFile, offset, name);
  if (!edit) return undefined;
  return { title: `Add event '${name}' to the tracking plan`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

/**
 * Why the add-event command must not add a name to the plan: it is there already, or a spelling of it is; or the plan
 * file's text has errors that leave it unusable.
 */
export interface AddEventRefusal {
  reason: 'already-planned' | 'name-collision' | 'plan-invalid';
  message: string;
  /** The plan entry that is there (for 'plan-invalid': the plan's first error), when its place in the plan file is known. */
  location?: Location;
}

/**
 * Refuses a name the plan has already, and one that differs from a (not deprecated) planned name only in case or
 * separators: added, it would be the duplicate that the plan's name-collision check reports. Refuses any name while
 * the plan file's text (the open editor's) cannot be used: the edit would be made against text that does not parse
 * (it lands in the wrong section, or inside another entry) or that stays broken, and the names it would be checked
 * against are the last good plan's, not the text's.
 */
export function addEventRefusal(workspace: AnalysisWorkspace, name: string, kind: 'track' | 'page' | 'screen'): AddEventRefusal | undefined {
  const invalid = planInvalidRefusal(workspace, 'adding an event');
  if (invalid) return invalid;
  const plan = workspace.plan;
  const entries = plan && namedEntriesFor(plan, kind);
  if (!entries) return undefined;
  const exact = entries.get(name);
  if (exact) return { reason: 'already-planned', message: `'${name}' is already in the tracking plan.`, location: planLocation(workspace, exact) };
  const folded = foldName(name);
  const similar = folded ? [...entries.values()].find((entry) => !entry.deprecated && foldName(entry.name) === folded) : undefined;
  if (!similar) return undefined;
  return {
    reason: 'name-collision',
    message: `'${name}' differs from '${similar.name}', which is in the tracking plan, only in case or separators: send '${similar.name}', or rename it in the plan.`,
    location: planLocation(workspace, similar),
  };
}

export function addEventToPlanEdit(workspace: AnalysisWorkspace, sourceFile: ts.SourceFile | undefined, offset: number | undefined, name: string, kind: 'track' | 'page' | 'screen' = 'track'): WorkspaceEdit | undefined {
  const plan = workspace.plan;
  const planFile = workspace.planFile;
  const planText = workspace.planState.loaded?.document.text;
  if (!plan || !planFile || planText === undefined) return undefined;
  let properties: Record<string, unknown> | undefined;
  let required: string[] | undefined;
  let eventKind = kind;
  if (sourceFile && offset !== undefined) {
    const call = callAt(workspace.calls(sourceFile), offset, sourceFile);
    if (call && (call.kind === 'track' || call.kind === 'page' || call.kind === 'screen')) {
      eventKind = call.kind;
      const checked = new CheckedCall(call, plan, workspace.program().getTypeChecker(), new ValueTypeReader(workspace.program().getTypeChecker()));
      const value = checked.properties();
      if (value?.kind === 'object') {
        const schema = inferSchema(value);
        properties = schema.properties as Record<string, unknown>;
        required = schema.required as string[] | undefined;
      }
    }
  }
  const document = parsePlanDocument(planFile, planText);
  const edits: TextEdit[] | undefined = addEventEdits(document, plan, { name, kind: eventKind, properties: properties as never, required });
  if (!edits) return undefined;
  return { changes: { [URI.file(planFile).toString()]: edits } };
}

/** Every preferred, single-file fix in the file, as one source action (non-overlapping edits only). */
function fixAll(workspace: AnalysisWorkspace, sourceFile: ts.SourceFile, fileName: string): CodeAction | undefined {
  const uri = URI.file(fileName).toString();
  const findings = workspace.check(fileName);
  const edits: TextEdit[] = [];
  const taken: [number, number][] = [];
  for (const finding of findings) {
    const data = finding.data ?? {};
    let edit: WorkspaceEdit | undefined;
    if ((finding.ruleId === 'unknown-event' || finding.ruleId === 'event-name-casing' || finding.ruleId === 'deprecated-event') && data.replacement) {
      edit = replaceStringEdit(sourceFile, uri, finding.range, data.replacement);
    } else if (finding.ruleId === 'property-name-casing' && data.suggestions?.[0]) {
      edit = replaceKeyEdit(sourceFile, uri, finding.range, data.suggestions[0]);
    }
    for (const textEdit of edit?.changes?.[uri] ?? []) {
      const start = offsetAt(sourceFile, textEdit.range.start);
      const end = offsetAt(sourceFile, textEdit.range.end);
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      edits.push(textEdit);
    }
  }
  if (!edits.length) return undefined;
  return { title: 'Fix all auto-fixable tracklint problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}

