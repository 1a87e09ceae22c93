import type { Finding } from '../types';
import { parsePlanDocument, type PlanDocument } from './document';
import { isRecord, type FormatContext } from './formats/format';
import { PLAN_FORMATS } from './formats';
import type { PlanPath, TrackingPlan } from './model';

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
  const report = (path: PlanPath, message: string, part: 'key' | 'value' = 'value') => {
    findings.push(planFinding(document, document.rangeOf(path, part), message));
  };
  if (document.syntaxErrors.length) {
    for (const error of document.syntaxErrors) {
      findings.push(
        planFinding(document, document.rangeOfOffsets(error.offset, error.length), `${document.language === 'json' ? 'JSON' : 'YAML'} syntax error: ${error.message}.`),
      );
    }
    return { findings, document };
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
  return { plan, findings, document };
}

function planFinding(document: PlanDocument, range: Finding['range'], message: string): Finding {
  return { ruleId: 'invalid-plan', severity: 'error', message, file: document.fileName, range };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty document';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
