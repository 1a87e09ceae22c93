import { ts } from '@ts-morph/common';
import type { CodeLens, Diagnostic, Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DiagnosticTag } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { resolveNames } from '../core/analysis/names';
import { effectiveSeverity } from '../core/check';
import type { PlanEntry, PlanPath, TrackingPlan } from '../core/plan/model';
import { ruleDocsUrl } from '../core/rules';
import { formatMessage } from '../core/rules/createRule';
import { RULES } from '../core/rules';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { callSiteCounts, callSiteIndex, siteKey } from './callSites';
import { callAt } from './cursor';
import { withoutAffixes } from './planLookup';
import { offsetAt, rangeFromOffsets } from './positions';
import { quoted } from './snippets';
import { stringify } from 'yaml';
import { toLspSeverity } from './severity';

type NamedKind = 'track' | 'page' | 'screen';

interface PlanName {
  entry: PlanEntry;
  kind: NamedKind;
}

function namedEntries(plan: TrackingPlan): PlanName[] {
  return [
    ...[...plan.events.values()].map((entry) => ({ entry, kind: 'track' as const })),
    ...[...plan.pages.values()].map((entry) => ({ entry, kind: 'page' as const })),
    ...[...plan.screens.values()].map((entry) => ({ entry, kind: 'screen' as const })),
  ];
}

/** Where an entry's name is written in the plan file, per format: the key of a map, or a `key`/`name` field. */
function nameLocation(plan: TrackingPlan, entry: PlanEntry): { path: PlanPath; part: 'key' | 'value' } {
  switch (plan.format) {
    case 'native':
      return { path: entry.path, part: 'key' };
    case 'minimal-json':
    case 'segment-config-api':
      return { path: [...entry.path, 'name'], part: 'value' };
    default:
      return { path: [...entry.path, 'key'], part: 'value' };
  }
}

function planRange(workspace: AnalysisWorkspace, entry: PlanEntry): Range | undefined {
  const plan = workspace.plan;
  const document = workspace.planState.loaded?.document;
  // While the plan file is broken, its text no longer matches the plan in use: no locations rather than wrong ones.
  if (!plan || !document || !workspace.planState.loaded?.plan) return undefined;
  const { path, part } = nameLocation(plan, entry);
  return document.rangeOf(path, part);
}

/** Where an entry's name is written in the plan file, as a location. */
export function planLocation(workspace: AnalysisWorkspace, entry: PlanEntry): Location | undefined {
  const range = planRange(workspace, entry);
  return range && workspace.planFile ? { uri: URI.file(workspace.planFile).toString(), range } : undefined;
}

/** The plan entries named at a position of a source file (a call's name, or any string literal equal to a planned name). */
function entriesAtSource(workspace: AnalysisWorkspace, fileName: string, position: Position): PlanName[] {
  return namesAtSource(workspace, fileName, position)?.entries ?? [];
}

/** {@link entriesAtSource}, with the expression that names them and its file. */
function namesAtSource(workspace: AnalysisWorkspace, fileName: string, position: Position): { entries: PlanName[]; node: ts.Expression; sourceFile: ts.SourceFile } | undefined {
  const plan = workspace.plan;
  const sourceFile = workspace.requestedSourceFile(fileName);
  if (!plan || !sourceFile) return undefined;
  const offset = offsetAt(sourceFile, position);
  const checker = workspace.program().getTypeChecker();
  const call = callAt(workspace.calls(sourceFile), offset, sourceFile);
  const all = namedEntries(plan);
  if (call?.name && offset >= call.name.getStart(sourceFile) && offset <= call.name.end) {
    const names = resolveNames(call.name, checker, call.prefix, call.suffix);
    if (names.kind !== 'static') return undefined;
    return { entries: all.filter((n) => n.kind === call.kind && names.names.some((r) => r.value === n.entry.name)), node: call.name, sourceFile };
  }
  // A constant's declaration (`ORDER_COMPLETED: 'Order Completed'`) leads to the plan too.
  const literal = stringLiteralAt(sourceFile, offset);
  return literal ? { entries: all.filter((n) => n.entry.name === literal.text), node: literal, sourceFile } : undefined;
}

function stringLiteralAt(sourceFile: ts.SourceFile, offset: number): ts.StringLiteralLike | undefined {
  let found: ts.StringLiteralLike | undefined;
  const visit = (node: ts.Node): void => {
    if (found || offset < node.getStart(sourceFile) || offset > node.end) return;
    if (ts.isStringLiteralLike(node)) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The plan entry whose name is under the cursor in the plan file. */
function entryAtPlan(workspace: AnalysisWorkspace, position: Position): PlanName | undefined {
  const plan = workspace.plan;
  if (!plan) return undefined;
  return namedEntries(plan).find((n) => {
    const range = planRange(workspace, n.entry);
    return range && contains(range, position);
  });
}

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function doDefinition(workspace: AnalysisWorkspace, fileName: string, position: Position): Location[] {
  return entriesAtSource(workspace, fileName, position)
    .map((n) => planLocation(workspace, n.entry))
    .filter((location): location is Location => location !== undefined);
}

/** From a plan entry (in the plan file) or a call's name: every call site, and the plan entry itself when asked. */
export function doReferences(workspace: AnalysisWorkspace, fileName: string, position: Position, includeDeclaration: boolean): Location[] {
  const targets = workspace.isPlanFile(fileName) ? [entryAtPlan(workspace, position)].filter((n): n is PlanName => !!n) : entriesAtSource(workspace, fileName, position);
  const index = callSiteIndex(workspace);
  const locations: Location[] = [];
  for (const target of targets) {
    const declaration = includeDeclaration ? planLocation(workspace, target.entry) : undefined;
    if (declaration) locations.push(declaration);
    for (const site of index.get(siteKey(target.kind, target.entry.name)) ?? []) locations.push({ uri: URI.file(site.file).toString(), range: site.range });
  }
  return locations;
}

/**
 * Why a change of the plan file must not be made now: the file's text (the open editor's) has errors that leave it
 * unusable, so the change would be made against text that does not parse, and the plan in use is the last good one,
 * not the text. Names the first error and where it is.
 */
export interface PlanInvalidRefusal {
  reason: 'plan-invalid';
  message: string;
  location?: Location;
}

/** `doing`: what is refused, as in "fix them before adding an event". */
export function planInvalidRefusal(workspace: AnalysisWorkspace, doing: string): PlanInvalidRefusal | undefined {
  const { loaded } = workspace.planState;
  if (!loaded || loaded.plan || !workspace.planFile) return undefined;
  const error = loaded.findings.find((finding) => finding.severity === 'error') ?? loaded.findings[0];
  return {
    reason: 'plan-invalid',
    message: `The tracking plan has errors; fix them before ${doing}.${error ? ` Line ${error.range.start.line + 1}: ${error.message}` : ''}`,
    ...(error ? { location: { uri: URI.file(workspace.planFile).toString(), range: error.range } } : {}),
  };
}

/**
 * A rename of an event while the plan file has errors would rename its call sites but not its entry, which cannot be
 * located in text that does not parse: refused, from the plan file, or from a name in a source file that the plan in
 * use (the last good one) has. Undefined: the rename may go on (or there is nothing of tracklint's to rename there).
 */
export function renameRefusal(workspace: AnalysisWorkspace, fileName: string, position: Position): PlanInvalidRefusal | undefined {
  const refusal = planInvalidRefusal(workspace, 'renaming an event');
  if (!refusal) return undefined;
  return workspace.isPlanFile(fileName) || entriesAtSource(workspace, fileName, position).length ? refusal : undefined;
}

/**
 * textDocument/prepareRename: the name under the cursor that a rename would change (the text inside a literal's
 * quotes, or the expression that names the event) with the event's name as the placeholder; null where there is
 * none. Refusals are the caller's ({@link renameRefusal}).
 */
export function doPrepareRename(workspace: AnalysisWorkspace, fileName: string, position: Position): { range: Range; placeholder: string } | null {
  if (workspace.isPlanFile(fileName)) {
    const target = entryAtPlan(workspace, position);
    const range = target && planRange(workspace, target.entry);
    return target && range ? { range, placeholder: target.entry.name } : null;
  }
  const named = namesAtSource(workspace, fileName, position);
  const target = named?.entries[0];
  if (!named || !target) return null;
  const { node, sourceFile } = named;
  const start = node.getStart(sourceFile);
  const quotes = ts.isStringLiteralLike(node) ? 1 : 0;
  return { range: rangeFromOffsets(sourceFile, start + quotes, node.end - quotes), placeholder: target.entry.name };
}

/**
 * Renames an event in the plan and at every call site: literals in place, names resolved from a
 * constant at the constant. Names built from templates or prefixes are left alone.
 */
export function doRename(workspace: AnalysisWorkspace, fileName: string, position: Position, newName: string): WorkspaceEdit | null {
  const plan = workspace.plan;
  const planFile = workspace.planFile;
  const target = workspace.isPlanFile(fileName) ? entryAtPlan(workspace, position) : entriesAtSource(workspace, fileName, position)[0];
  if (!plan || !planFile || !target) return null;
  const changes: Record<string, TextEdit[]> = {};
  const add = (file: string, edit: TextEdit) => {
    const uri = URI.file(file).toString();
    const list = (changes[uri] ??= []);
    if (!list.some((e) => e.range.start.line === edit.range.start.line && e.range.start.character === edit.range.start.character)) list.push(edit);
  };
  const range = planRange(workspace, target.entry);
  const document = workspace.planState.loaded?.document;
  if (range && document) {
    const newText = document.language === 'json' ? JSON.stringify(newName) : plan.format === 'native' ? stringify(newName).trimEnd() : JSON.stringify(newName);
    add(planFile, { range, newText });
  }
  for (const site of callSiteIndex(workspace).get(siteKey(target.kind, target.entry.name)) ?? []) {
    // Through a wrapper that adds a prefix or suffix, the call site writes the name without them.
    const written = withoutAffixes(newName, site.prefix, site.suffix);
    if (written === undefined) continue;
    if (site.name.isLiteral || ((site.prefix || site.suffix) && ts.isStringLiteralLike(site.name.node))) {
      const sourceFile = workspace.sourceFile(site.file);
      const quote = sourceFile?.text.charAt(offsetAt(sourceFile, site.range.start)) ?? "'";
      add(site.file, { range: site.range, newText: quoted(written, quote) });
    } else if (site.name.origin) {
      const originFile = workspace.sourceFile(site.name.origin.file);
      const quote = originFile?.text.charAt(offsetAt(originFile, site.name.origin.range.start)) ?? "'";
      add(site.name.origin.file, { range: site.name.origin.range, newText: quoted(written, quote) });
    }
  }
  return { changes };
}

/** Code lenses on the plan file: how many call sites each event has. */
export function doCodeLens(workspace: AnalysisWorkspace, fileName: string): CodeLens[] {
  const plan = workspace.plan;
  if (!plan || !workspace.isPlanFile(fileName)) return [];
  const counts = callSiteCounts(workspace);
  const lenses: CodeLens[] = [];
  for (const { entry, kind } of namedEntries(plan)) {
    const range = planRange(workspace, entry);
    if (!range) continue;
    const count = counts.get(siteKey(kind, entry.name)) ?? 0;
    const title = `${count} call site${count === 1 ? '' : 's'}${workspace.knowsEveryFile ? '' : ' so far'}`;
    lenses.push({ range, command: { title, command: '' } });
  }
  return lenses;
}

/** `unused-event` diagnostics for the plan file, once every source file has been read. */
export function unusedEventDiagnostics(workspace: AnalysisWorkspace, severities?: Parameters<typeof effectiveSeverity>[2]): Diagnostic[] {
  const plan = workspace.plan;
  if (!plan || !workspace.knowsEveryFile) return [];
  const severity = effectiveSeverity('unused-event', plan, severities);
  if (severity === 'off') return [];
  const counts = callSiteCounts(workspace);
  const diagnostics: Diagnostic[] = [];
  for (const { entry, kind } of namedEntries(plan)) {
    if (entry.deprecated || counts.get(siteKey(kind, entry.name))) continue;
    const range = planRange(workspace, entry);
    if (!range) continue;
    diagnostics.push({
      range,
      severity: toLspSeverity(severity),
      source: 'tracklint',
      code: 'unused-event',
      codeDescription: { href: ruleDocsUrl('unused-event') },
      message: formatMessage(RULES['unused-event'].meta.messages.unused, { Kind: kind === 'track' ? 'Event' : kind === 'page' ? 'Page' : 'Screen', name: entry.name }),
      tags: [DiagnosticTag.Unnecessary],
      data: { ruleId: 'unused-event', eventName: entry.name },
    });
  }
  return diagnostics;
}

