import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { CaseWorkspace, type RuleCase } from './ruleTester';

/** [rule id, line, column, end line, end column, message], 1-based as ESLint prints them. */
export type Row = [string, number, number, number, number, string];

/**
 * A project of a few files: `findings` are exactly what the case's file reports (every rule); each other
 * file reports nothing unless `elsewhere` says so (declaration files are not checked).
 */
export interface CallSiteCase extends RuleCase {
  name: string;
  findings: Row[];
  elsewhere?: Record<string, Row[]>;
}

export const rows = (findings: Finding[]): Row[] =>
  findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1, f.message]);

/** One test per case, all cases in one program (each in its own folder). */
export function runCallSiteCases(title: string, cases: CallSiteCase[]): void {
  describe(title, () => {
    const workspace = new CaseWorkspace(cases.map((c, i) => ({ c, dir: `/c${i}` })));
    cases.forEach((c, i) => {
      test(c.name, () => {
        assert.deepEqual(rows(workspace.findings(undefined, c, `/c${i}`)), c.findings);
        for (const file of Object.keys(c.files ?? {})) {
          if (file.endsWith('.d.ts')) continue;
          assert.deepEqual(rows(workspace.findings(undefined, { ...c, fileName: file.slice(1) }, `/c${i}`)), c.elsewhere?.[file] ?? [], `findings in ${file}`);
        }
      });
    });
  });
}
