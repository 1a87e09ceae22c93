import type { Finding, Severity } from '../types';
import { parsePlanDocument, type PlanDocument, type PlanKeyIssue } from './document';
import { isRecord, type FormatContext } from './formats/format';
import { PLAN_FORMATS } from './formats';
import type { PlanPath, TrackingPlan } from './model';
import { nameCollisions } from './nameCollisions';
import { resolvePlanSchemas } from './planSchemas';

export interface PlanLoadResult {
  /** Undefined when the plan cannot be used at all; `findings` then says why. */
  plan?: TrackingPlan;
  /** `invalid-plan` findings located in the plan file. */
  findings: Finding[];
  document: PlanDocument;
}

/** Parses a plan file of any supported format (detected from its content) into the one internal model. */
export function loadPlan(fileName: string, text: string): PlanLoadResult {
  const document = parsePlanDocument(fileName, text);
  const findings: Finding[] = [];
  const report = (path: PlanPath, message: string, part: 'key' | 'value' = 'value', severity: Severity = 'error') => {
    findings.push(planFinding(document, document.rangeOf(path, part), message, severity));
  };
  if (document.syntaxErrors.length) {
    for (const error of document.syntaxErrors) {
      const message = error.complete ? error.message : `${document.language === 'json' ? 'JSON' : 'YAML'} syntax error: ${error.message}.`;
      findings.push(planFinding(document, document.rangeOfOffsets(error.offset, error.length), message));
    }
    return { findings, document };
  }
  for (const issue of document.keyIssues) {
    findings.push(planFinding(document, document.rangeOfOffsets(issue.offset, issue.length), keyIssueMessage(document, issue)));
  }
  const value = document.value;
  if (!isRecord(value)) {
    report([], 'A tracking plan must be an object (a mapping of keys), not ' + describeValue(value) + '.');
    return { findings, document };
  }
  const loader = PLAN_FORMATS.find((f) => f.detect(value));
  if (!loader) {
    report(
      [],
      'Unrecognized tracking plan format. Expected a tracklint plan (with `events:`), Segment Public API rules (`rules: [{ key, type, jsonSchema }]`), a Segment Config API plan (`display_name`, `rules.events`), a Typewriter plan.json, or `{ "events": [{ "name": ... }] }`.',
    );
    return { findings, document };
  }
  const context: FormatContext = { doc: document, report };
  const plan = loader.load(value, context);
  if (!plan) return { findings, document };
  const strict = plan.format === 'native';
  let usable = true;
  resolvePlanSchemas(plan, {
    documentValue: value,
    strict,
    report(path, message, fatal) {
      report(path, message);
      if (fatal && strict) usable = false;
    },
  });
  // Hand-written plans only: an imported plan spells names as the tool it came from does, and cannot be fixed in place.
  if (strict) {
    const lineOf = (path: PlanPath) => `line ${document.rangeOf(path, 'key').start.line + 1}`;
    for (const collision of nameCollisions(plan, lineOf)) report(collision.path, collision.message, 'key', 'warning');
  }
  return { plan: usable ? plan : undefined, findings, document };
}

function keyIssueMessage(document: PlanDocument, issue: PlanKeyIssue): string {
  const where = issue.parent.length ? `in '${issue.parent.join('.')}'` : 'at the top level';
  if (issue.kind === 'reserved') return `Key '__proto__' ${where} is ignored: JavaScript reserves this name, and a plan cannot use it.`;
  const firstLine = document.rangeOfOffsets(issue.firstOffset ?? issue.offset, 0).start.line + 1;
  return `Key '${issue.key}' is defined twice ${where} (first on line ${firstLine}); the last definition is used.`;
}

function planFinding(document: PlanDocument, range: Finding['range'], message: string, severity: Severity = 'error'): Finding {
  return { ruleId: 'invalid-plan', severity, message, file: document.fileName, range };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty document';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
