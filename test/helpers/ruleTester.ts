import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkFiles, createInMemoryProgram } from '../../server/src/core/workspace';
import { loadPlan } from '../../server/src/core/plan/load';
import type { Finding, FindingData, RuleId } from '../../server/src/core/types';
import { BASE_PLAN } from './basePlan';

/** An expected finding, positioned as ESLint's RuleTester does: 1-based lines and columns, end exclusive. */
export interface ExpectedFinding {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: FindingData;
}

export interface RuleCase {
  /** Shown as the test's name; defaults to the code. */
  name?: string;
  code: string;
  /** A plan in YAML (native format) replacing the base plan. */
  plan?: string;
  /** Other files of the project (imports, SDK type declarations), by absolute path. */
  files?: Record<string, string>;
  /** File name of the code; its extension decides TS or JS. */
  fileName?: string;
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
}

/**
 * typescript-eslint's RuleTester, for tracklint: every valid case must produce no finding of the
 * rule, every invalid case exactly the listed findings (message, range and, when given, fix data).
 */
export function runRuleTests(ruleId: RuleId, cases: { valid: (string | RuleCase)[]; invalid: InvalidRuleCase[] }): void {
  const valid = cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c));
  // One program for all cases of the rule: building a program (with its lib files) is the slow part.
  const workspace = new CaseWorkspace([...valid.map((c, i) => ({ c, dir: `/valid-${i}` })), ...cases.invalid.map((c, i) => ({ c, dir: `/invalid-${i}` }))]);
  describe(ruleId, () => {
    describe('valid', () => {
      valid.forEach((c, i) => {
        test(c.name ?? c.code, () => {
          assert.deepEqual(workspace.findings(ruleId, c, `/valid-${i}`), []);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        test(c.name ?? c.code, () => {
          const actual = workspace.findings(ruleId, c, `/invalid-${i}`).map((f, j) => toExpected(f, c.errors[j]));
          assert.deepEqual(actual, c.errors);
        });
      });
    });
  });
}

/** Every case's files in one in-memory project, each case in its own folder. */
export class CaseWorkspace {
  private host?: ReturnType<typeof createInMemoryProgram>;

  constructor(private readonly cases: { c: RuleCase; dir: string }[]) {}

  private files(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const { c, dir } of this.cases) {
      // Script files share one global scope; a trailing export makes each case a module of its own.
      files[`${dir}/${c.fileName ?? 'case.ts'}`] = /^\s*(import|export)\b/m.test(c.code) ? c.code : `${c.code}\nexport {};\n`;
      for (const [name, text] of Object.entries(c.files ?? {})) files[`${dir}${name}`] = text;
    }
    return files;
  }

  /** The one program over every case's files. */
  program() {
    this.host ??= createInMemoryProgram(this.files());
    return this.host.program();
  }

  findings(ruleId: RuleId | undefined, c: RuleCase, dir: string): Finding[] {
    this.host ??= createInMemoryProgram(this.files());
    const fileName = `${dir}/${c.fileName ?? 'case.ts'}`;
    const loaded = loadPlan('/plan.yaml', c.plan ?? BASE_PLAN);
    assert.deepEqual(loaded.findings, [], 'the test plan itself must be valid');
    const findings = checkFiles({ plan: loaded.plan!, host: this.host, files: [fileName] }).get(fileName) ?? [];
    return ruleId ? findings.filter((f) => f.ruleId === ruleId) : findings;
  }

  /** Every finding of a check of all the case's files at once (as `tracklint check` of the project), by file relative to the case. */
  projectFindings(c: RuleCase, dir: string): Map<string, Finding[]> {
    this.host ??= createInMemoryProgram(this.files());
    const files = [`${dir}/${c.fileName ?? 'case.ts'}`, ...Object.keys(c.files ?? {}).map((name) => `${dir}${name}`)];
    const loaded = loadPlan('/plan.yaml', c.plan ?? BASE_PLAN);
    assert.deepEqual(loaded.findings, [], 'the test plan itself must be valid');
    const results = checkFiles({ plan: loaded.plan!, host: this.host, files });
    return new Map([...results].map(([file, findings]) => [file.slice(dir.length), findings]));
  }
}

function toExpected(finding: Finding, expected: ExpectedFinding | undefined): ExpectedFinding {
  const result: ExpectedFinding = {
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
  // Fix data is compared only where the case states it, so every case need not repeat it.
  if (expected?.data !== undefined) result.data = finding.data ? stripCaseDir(finding.data) : undefined;
  return result;
}

function stripCaseDir(data: FindingData): FindingData {
  const { origin, ...rest } = data;
  return origin ? { ...rest, origin: { file: origin.file.replace(/^\/(in)?valid-\d+/, ''), range: origin.range } } : rest;
}
