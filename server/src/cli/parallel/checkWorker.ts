import type { MessagePort } from 'node:worker_threads';
import { addTally, emptyTally, type CallTally } from '../../core/callTally';
import { loadPlan } from '../../core/plan/load';
import { addWrapperCallerRoots, checkRoots, createWorkspaceProgram, limitProgramToCallDependencies, selectDirectRoots } from '../../core/workspace';
import type { CheckWorkerData, FromWorker, ToWorker } from './protocol';

/**
 * One worker of a parallel check: builds a program over the analytics files of its share, takes part
 * in wrapper discovery round by round (a wrapper defined in one share may be called from another),
 * then checks its files.
 */
export function runCheckWorker(data: CheckWorkerData, port: MessagePort): void {
  const send = (message: FromWorker) => port.postMessage(message);
  try {
    // The main thread loaded this plan already and found it usable.
    const plan = loadPlan(data.planFile, data.planText).plan!;
    const host = createWorkspaceProgram(data.root, data.tsConfig);
    const selection = selectDirectRoots(host, plan, data.files);
    const infer = plan.wrappers?.infer !== false;
    const wrapperNames = new Set<string>();
    port.on('message', (message: ToWorker) => {
      try {
        if (message.type === 'discover') {
          const { names, added } = infer ? addWrapperCallerRoots(host, plan, selection, message.names) : { names: new Set<string>(), added: 0 };
          for (const name of [...names, ...message.names]) wrapperNames.add(name);
          send({ type: 'discovered', names: [...names], added });
          return;
        }
        limitProgramToCallDependencies(host, plan, selection.roots, wrapperNames, data.allFiles);
        const tallies = new Map<string, CallTally>();
        const results = checkRoots({ plan, host, files: data.files, tallies }, new Set(selection.roots));
        send({ type: 'findings', results: [...results], tally: [...tallies.values()].reduce(addTally, emptyTally()) });
      } catch (error) {
        send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
    });
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
