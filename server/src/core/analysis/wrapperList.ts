import { ts } from '@ts-morph/common';
import type { TrackingPlan } from '../plan/model';
import { findAnalyticsCalls } from './calls';
import { candidateFunctions } from './wrapperCandidates';
import { isIgnored, type WrapperInfo } from './wrapperModel';
import { WrapperInference } from './wrappers';

export type WrapperStatus = 'inferred' | 'declared' | 'disabled';

export interface ListedWrapper {
  wrapper: WrapperInfo;
  /** `declared`: its calls match the plan's `callees:`, which win; `disabled`: named in the plan's `wrappers.ignore`. */
  status: WrapperStatus;
  /** Calls of it in the listed files. */
  callSites: number;
}

/**
 * Every wrapper defined in or called from `files`, disabled ones included, with how many calls of it
 * those files make. Sorted by file and line.
 */
export function listWrappers(program: ts.Program, plan: TrackingPlan, files: ts.SourceFile[]): ListedWrapper[] {
  const checker = program.getTypeChecker();
  // Infer with nothing ignored, so disabled wrappers are listed (as disabled) too.
  const inference = new WrapperInference(program, checker, plan.callees, { infer: true, ignore: [] });
  const listed = new Map<ts.Node, ListedWrapper>();
  const entry = (wrapper: WrapperInfo): ListedWrapper => {
    let item = listed.get(wrapper.declaration);
    if (!item) {
      const status: WrapperStatus = declaredByName(wrapper, plan) ? 'declared' : isDisabled(wrapper, plan) ? 'disabled' : 'inferred';
      item = { wrapper, status, callSites: 0 };
      listed.set(wrapper.declaration, item);
    }
    return item;
  };
  for (const sourceFile of files) {
    for (const fn of candidateFunctions(sourceFile, inference.seeds, inference.candidates)) {
      const wrapper = inference.infer(fn);
      if (wrapper) entry(wrapper);
    }
  }
  for (const sourceFile of files) {
    for (const call of findAnalyticsCalls(sourceFile, checker, plan.callees, inference)) {
      if (call.wrapper) {
        entry(call.wrapper).callSites++;
      } else if (call.declared && ts.isCallExpression(call.node) && inference.isCandidateCall(call.node)) {
        const fn = inference.calledFunction(call.node);
        const wrapper = fn && inference.infer(fn);
        if (!wrapper) continue;
        const item = entry(wrapper);
        item.status = 'declared';
        item.callSites++;
      }
    }
  }
  return [...listed.values()].sort((a, b) => a.wrapper.file.localeCompare(b.wrapper.file) || a.wrapper.line - b.wrapper.line || a.wrapper.character - b.wrapper.character);
}

/**
 * Whether a declared callee names the wrapper: `trackEvent` names `trackEvent` and `utils.trackEvent`;
 * `analyticsService.track` names `AnalyticsService.track` (an instance named after its class).
 */
function declaredByName(wrapper: WrapperInfo, plan: TrackingPlan): boolean {
  const name = wrapper.name.split('.');
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  return plan.callees.some((spec) => {
    const segments = spec.callee.replace(/^this\./, '').split('.');
    if (segments.length > name.length) return false;
    const offset = name.length - segments.length;
    return segments.every((s, i) => (i === segments.length - 1 ? s === name[offset + i] : lower(s) === lower(name[offset + i])));
  });
}

/** Ignored in the plan, itself or a wrapper of its chain (then it leads nowhere). */
function isDisabled(wrapper: WrapperInfo, plan: TrackingPlan): boolean {
  const settings = plan.wrappers;
  if (!settings) return false;
  return isIgnored(wrapper, settings) || wrapper.chain.some((name) => isIgnored({ name, shortName: name.split('.').pop()! }, settings));
}
