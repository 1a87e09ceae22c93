import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { CaseWorkspace, type RuleCase } from './ruleTester';

/** [rule id, line, column, end line, end column, message], 1-based as ESLint prints them. */
export type Row = [string, number, number, number, number, string];

/**
 * A case of call sites and the code they call: `findings` are exactly what the case's file reports (every
 * rule); the other files of the case report nothing unless `elsewhere` says so.
 */
export interface FindingCase extends RuleCase {
  name: string;
  findings: Row[];
  elsewhere?: Record<string, Row[]>;
}

export const rows = (findings: Finding[]): Row[] =>
  findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1, f.message]);

/**
 * Runs every case in one in-memory project (each in its own folder), as `test/core/wrappers.test.ts` does,
 * each case's files checked together as `tracklint check` checks a project: a component's prop is only
 * known from the files that use the component.
 */
export function runFindingCases(title: string, cases: FindingCase[], dirPrefix: string): CaseWorkspace {
  const workspace = new CaseWorkspace(cases.map((c, i) => ({ c, dir: `/${dirPrefix}${i}` })));
  describe(title, () => {
    cases.forEach((c, i) => {
      test(c.name, () => {
        const findings = workspace.projectFindings(c, `/${dirPrefix}${i}`);
        assert.deepEqual(rows(findings.get(`/${c.fileName ?? 'case.ts'}`) ?? []), c.findings);
        for (const file of Object.keys(c.files ?? {})) {
          assert.deepEqual(rows(findings.get(file) ?? []), c.elsewhere?.[file] ?? [], `findings in ${file}`);
        }
      });
    });
  });
  return workspace;
}
