import type { AnalysisWorkspace } from '../service/analysisWorkspace';
import type { doCoverage } from '../service/coverage';
import type { CoverageResult } from './protocol';

/** The answer to tracklint/coverage for one folder: the report, or why there is none. */
export function coverageResult(workspace: AnalysisWorkspace, coverage: ReturnType<typeof doCoverage>): CoverageResult {
  const planFile = workspace.planFile;
  if (coverage) return { root: workspace.root, planFile, state: 'ok', ...coverage };
  return { root: workspace.root, planFile, state: workspace.planCondition === 'missing' ? 'missing' : 'invalid' };
}
