import type { WorkspaceHost } from '../analysisWorkspace';
import { ClosedFileSession } from './closedFileSession';
import type { ClosedFileChecker } from './protocol';

/**
 * Checks closed files on the calling thread, one check at a time, a newer one cancelling the one
 * running. For hosts a worker thread cannot share (a test's file system that injects faults); the
 * language server in Node uses the worker (node/closedFileWorker.ts).
 */
export function inThreadClosedFileChecker(host: WorkspaceHost): (root: string) => ClosedFileChecker {
  return (root) => {
    const session = new ClosedFileSession(root, host);
    let wanted = 0;
    let lastId = 0;
    let queue: Promise<unknown> = Promise.resolve();
    return {
      check(request, onBatch) {
        const id = ++lastId;
        wanted = id;
        const isCancelled = () => wanted !== id;
        const run = queue.then(() => (isCancelled() ? undefined : session.check(request, { isCancelled, onBatch })));
        queue = run.catch(() => undefined);
        return run;
      },
      cancel() {
        wanted = 0;
      },
      dispose() {
        wanted = 0;
      },
    };
  };
}
