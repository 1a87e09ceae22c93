import { findAnalyticsCalls } from '../analysis/calls';
import { isGeneratedClient } from '../analysis/generated';
import { wrapperInference } from '../analysis/wrappers';
import type { TrackingPlan } from '../plan/model';
import type { ProgramHost } from '../program/programHost';
import { addProgramRoots } from '../workspace';
import { collectNameSites, type FileCalls } from './nameSites';
import { buildCoverage, type CoverageReport } from './report';

/**
 * The coverage report of a set of files, found as `checkFiles` finds calls: the same program roots,
 * wrapper inference and callees, generated clients skipped.
 */
export function coverageOfFiles({ plan, host, files }: { plan: TrackingPlan; host: ProgramHost; files: string[] }): CoverageReport {
  const { roots } = addProgramRoots(host, plan, files);
  const program = host.program();
  const checker = program.getTypeChecker();
  const wrappers = wrapperInference(program, checker, plan);
  const fileCalls: FileCalls[] = [];
  for (const file of files) {
    const sourceFile = roots.has(file) ? host.sourceFile(file) : undefined;
    if (!sourceFile || isGeneratedClient(sourceFile.text)) continue;
    fileCalls.push({ sourceFile, calls: findAnalyticsCalls(sourceFile, checker, plan.callees, wrappers) });
  }
  const { sites, dynamic } = collectNameSites(fileCalls, checker);
  return buildCoverage(plan, sites, dynamic);
}
