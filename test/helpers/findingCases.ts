import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listWrappers } from '../../server/src/core/analysis/wrapperList';
import type { WrapperInfo } from '../../server/src/core/analysis/wrapperModel';
import { loadPlan } from '../../server/src/core/plan/load';
import type { Finding } from '../../server/src/core/types';
import { BASE_PLAN } from './basePlan';
import { CaseWorkspace, type RuleCase } from './ruleTester';

/** [rule id, line, column, end line, end column, message], 1-based as ESLint prints them. */
export type Row = [string, number, number, number, number, string];

/**
 * A case of call sites and the code they call: `findings` are exactly what the case's file reports (every
 * rule); the other files of the case report nothing unless `elsewhere` says so. `wrapper`, where a table
 * states it, is what inference says of the wrapper the case defines (null: no wrapper).
 */
export interface FindingCase<Shape = never> extends RuleCase {
  name: string;
  findings: Row[];
  elsewhere?: Record<string, Row[]>;
  wrapper?: Shape | null;
}

export const rows = (findings: Finding[]): Row[] =>
  findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1, f.range.end.line + 1, f.range.end.character + 1, f.message]);

/**
 * Runs every case in one in-memory project (each in its own folder), each case's files checked together
 * as `tracklint check` checks a project: a component's prop is only known from the files that use the
 * component. With `shapeOf`, each case that states a `wrapper` is also a test of what inference says of it,
 * shown as `shapeOf` shows a wrapper.
 */
export function runFindingCases<Shape extends { name: string }>(title: string, cases: FindingCase<Shape>[], shapeOf?: (wrapper: WrapperInfo) => Shape): void {
  const dirOf = (i: number) => `/c${i}`;
  const workspace = new CaseWorkspace(cases.map((c, i) => ({ c, dir: dirOf(i) })));
  describe(title, () => {
    cases.forEach((c, i) => {
      test(c.name, () => {
        const findings = workspace.projectFindings(c, dirOf(i));
        assert.deepEqual(rows(findings.get(`/${c.fileName ?? 'case.ts'}`) ?? []), c.findings);
        for (const file of Object.keys(c.files ?? {})) {
          assert.deepEqual(rows(findings.get(file) ?? []), c.elsewhere?.[file] ?? [], `findings in ${file}`);
        }
      });
    });
    if (!shapeOf) return;
    describe('what inference says of each wrapper', () => {
      cases.forEach((c, i) => {
        if (c.wrapper === undefined) return;
        test(c.name, () => {
          const program = workspace.program();
          const plan = loadPlan('/plan.yaml', c.plan ?? BASE_PLAN).plan!;
          const files = program.getSourceFiles().filter((f) => f.fileName.startsWith(`${dirOf(i)}/`) && !f.fileName.includes('/node_modules/'));
          const shapes = listWrappers(program, plan, files)
            .filter((w) => w.status === 'inferred' && w.callSites > 0)
            .map(({ wrapper }) => shapeOf(wrapper));
          // The case's own wrapper is the one its call sites call last (a chain lists the inner one too).
          assert.deepEqual(shapes.length ? shapes.find((s) => s.name === c.wrapper?.name) ?? shapes : null, c.wrapper);
        });
      });
    });
  });
}
