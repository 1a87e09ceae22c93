import type { ts } from '@ts-morph/common';
import { CheckedCall } from './analysis/checkedCall';
import { findAnalyticsCalls } from './analysis/calls';
import { uncheckedCall, type UncheckedCall } from './analysis/uncheckedCalls';
import { countCall, emptyTally, type CallTally } from './callTally';
import { isGeneratedClient } from './analysis/generated';
import { wrapperInference } from './analysis/wrappers';
import { rangeOfNode } from './analysis/ranges';
import { ValueTypeReader } from './analysis/valueType';
import type { TrackingPlan } from './plan/model';
import { formatMessage, type RuleContext, type RuleVisitor } from './rules/createRule';
import { RULES } from './rules';
import { isSuppressed, readSuppressions } from './suppressions';
import type { Finding, RuleId, Severity, SeveritySetting } from './types';

export interface CheckOptions {
  plan: TrackingPlan;
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
  /**
   * The program the checker belongs to. With it, calls of the team's wrappers (inferred from every
   * file of the program) are judged too; without it, only SDK calls and the plan's `callees:`.
   */
  program?: ts.Program;
  /** Severity overrides from the editor settings or the command line; they win over the plan's `rules:`. */
  severities?: Partial<Record<RuleId, SeveritySetting>>;
}

export function effectiveSeverity(ruleId: RuleId, plan: TrackingPlan | undefined, overrides?: Partial<Record<RuleId, SeveritySetting>>): SeveritySetting {
  return overrides?.[ruleId] ?? plan?.rules[ruleId] ?? RULES[ruleId].meta.defaultSeverity;
}

/**
 * The plan file's own findings under the severity configured for invalid-plan (a setting, else the plan's
 * `rules:`). Without one, the loader's severities stand: errors, and warnings for names that collide.
 * An unusable plan is reported as loaded whatever is configured: nothing can be checked until it is fixed.
 */
export function planFileFindings(loaded: { plan?: TrackingPlan; findings: Finding[] }, overrides?: Partial<Record<RuleId, SeveritySetting>>): Finding[] {
  if (!loaded.plan) return loaded.findings;
  const setting = overrides?.['invalid-plan'] ?? loaded.plan.rules['invalid-plan'];
  if (setting === undefined) return loaded.findings;
  return setting === 'off' ? [] : loaded.findings.map((f) => ({ ...f, severity: setting }));
}

/** Finds every analytics call in one file and judges it against the plan with every enabled rule. */
export function checkSourceFile(options: CheckOptions): Finding[] {
  return checkSourceFileTallied(options).findings;
}

/** {@link checkSourceFile}, with the count of the file's calls by what became of them. */
export function checkSourceFileTallied({ plan, sourceFile, checker, program, severities }: CheckOptions): { findings: Finding[]; tally: CallTally } {
  const tally = emptyTally();
  // A generated client (Typewriter) is regenerated from the plan, never edited: nothing to report there.
  if (isGeneratedClient(sourceFile.text)) return { findings: [], tally };
  const wrappers = program ? wrapperInference(program, checker, plan) : undefined;
  const unchecked: UncheckedCall[] = [];
  const calls = findAnalyticsCalls(sourceFile, checker, plan.callees, wrappers, (node) => {
    const call = uncheckedCall(node, checker);
    if (call) unchecked.push(call);
  });
  tally.notJudged = unchecked.length;
  if (calls.length === 0 && unchecked.length === 0) return { findings: [], tally };
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const visitors: RuleVisitor[] = [];
  for (const rule of Object.values(RULES)) {
    const severity = effectiveSeverity(rule.name, plan, severities);
    if (severity === 'off') continue;
    const context: RuleContext<string> = {
      plan,
      sourceFile,
      report({ node, messageId, data, fix }) {
        const finding: Finding = {
          ruleId: rule.name,
          severity: severity as Severity,
          message: formatMessage(rule.meta.messages[messageId], data),
          file: sourceFile.fileName,
          range: rangeOfNode(node, sourceFile),
        };
        const cleaned = fix && compact(fix);
        if (cleaned) finding.data = cleaned;
        // A call whose name is a union of several planned events may raise the same problem once per event.
        const key = `${finding.ruleId}|${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character}|${finding.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        findings.push(finding);
      },
    };
    visitors.push(rule.create(context));
  }
  const reader = new ValueTypeReader(checker);
  for (const call of calls) {
    const checked = new CheckedCall(call, plan, checker, reader);
    for (const visitor of visitors) visitor.call?.(checked);
    countCall(tally, checked);
  }
  for (const call of unchecked) for (const visitor of visitors) visitor.uncheckedCall?.(call);
  const suppressions = readSuppressions(sourceFile.text);
  return { findings: sortFindings(findings.filter((f) => !isSuppressed(f, suppressions))), tally };
}

/** By position, then rule; findings of one rule at one place keep the order the rule reported them in (the plan's order). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

function compact<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}
