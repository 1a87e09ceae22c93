import type { ts } from '@ts-morph/common';
import type { CheckedCall } from '../analysis/checkedCall';
import type { UncheckedCall } from '../analysis/uncheckedCalls';
import type { TrackingPlan } from '../plan/model';
import type { FindingData, RuleId, Severity } from '../types';

export interface RuleDocs {
  /** One sentence: what the rule reports. */
  description: string;
}

export interface RuleMeta<MessageId extends string> {
  docs: RuleDocs;
  defaultSeverity: Severity;
  /** Message templates; `{{name}}` is replaced by the report's data. */
  messages: Record<MessageId, string>;
}

export interface ReportDescriptor<MessageId extends string> {
  node: ts.Node;
  messageId: MessageId;
  data?: Record<string, string>;
  fix?: FindingData;
}

export interface RuleContext<MessageId extends string> {
  plan: TrackingPlan;
  sourceFile: ts.SourceFile;
  report(descriptor: ReportDescriptor<MessageId>): void;
}

export interface RuleVisitor {
  call?(call: CheckedCall): void;
  /** A call that looks like analytics but could not be judged (see uncheckedCalls.ts). */
  uncheckedCall?(call: UncheckedCall): void;
}

export interface Rule<MessageId extends string = string> {
  name: RuleId;
  meta: RuleMeta<MessageId>;
  create(context: RuleContext<MessageId>): RuleVisitor;
}

/** typescript-eslint style: one rule per file, its messages and docs beside its logic. */
export function createRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, key: string) => (key in data ? data[key] : match));
}
