import { formatCoverageMarkdown } from '../core/coverage/formatMarkdown';
import { buildCoverage, type CoverageReport } from '../core/coverage/report';
import type { AnalysisWorkspace } from './analysisWorkspace';
import { workspaceNameSites } from './callSites';

/**
 * The coverage report of the files the workspace analyses, from the same name sites as references and
 * code lenses; with its markdown form (paths relative to the workspace root). Undefined without a usable plan.
 */
export function doCoverage(workspace: AnalysisWorkspace): { report: CoverageReport; markdown: string } | undefined {
  const plan = workspace.plan;
  if (!plan) return undefined;
  const { index, dynamic } = workspaceNameSites(workspace);
  const report = buildCoverage(plan, [...index.values()].flat(), dynamic);
  return { report, markdown: formatCoverageMarkdown(report, { relativeTo: workspace.root, verbose: true }) };
}
