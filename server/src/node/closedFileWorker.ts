import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, workerData, type MessagePort, type Worker } from 'node:worker_threads';
import { ClosedFileSession } from '../service/closedFiles/closedFileSession';
import type { ClosedFileBatch, ClosedFileCheckRequest, ClosedFileCheckResult, ClosedFileChecker } from '../service/closedFiles/protocol';
import { startModuleWorker } from './moduleWorker';
import { nodeWorkspaceHost } from './nodeHost';

interface ClosedFileWorkerData {
  kind: 'tracklint-closed-files';
  root: string;
  /** Int32 [0]: the id of the one check still wanted (0: none). The worker reads it between files, mid-check. */
  wanted: SharedArrayBuffer;
}

type ToWorker = { type: 'check'; id: number; request: ClosedFileCheckRequest };
type FromWorker =
  | { type: 'batch'; id: number; batch: ClosedFileBatch }
  | { type: 'done'; id: number; result: ClosedFileCheckResult | undefined }
  | { type: 'failed'; id: number; message: string };

interface Pending {
  resolve(result: ClosedFileCheckResult | undefined): void;
  reject(error: Error): void;
  onBatch(batch: ClosedFileBatch): void;
}

/**
 * How long the worker waits, with no check asked, before a full collection. Once idle, the programs of
 * superseded checks are garbage that V8 would otherwise keep for good (the editor's process grew by
 * hundreds of MB over a long session). Not after every check: while edits keep coming (a wrapper being
 * typed re-checks the workspace at each pause) that was a 50 ms collection per check, on a core the
 * editor's thread needs, and V8 collects on its own meanwhile.
 */
export const IDLE_COLLECTION_DELAY_MS = 1000;

/**
 * Checks a folder's closed files in a worker thread of its own: the language server's thread keeps only
 * the open files' program, and a workspace scan never makes a hover or a completion wait. The worker keeps
 * its program between checks; it is started on the first check and again after a failure.
 */
export function createClosedFileWorker(root: string): ClosedFileChecker {
  const wanted = new Int32Array(new SharedArrayBuffer(4));
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let lastId = 0;

  const failAll = (error: Error) => {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
    worker = undefined;
  };

  const start = (): Worker => {
    const data: ClosedFileWorkerData = { kind: 'tracklint-closed-files', root, wanted: wanted.buffer as SharedArrayBuffer };
    // Its own stdout and stderr: over stdio, the server's stdout is the protocol, and a stray write would corrupt it.
    const started = startModuleWorker(__filename, { workerData: data, stdout: true, stderr: true });
    started.stdout.resume();
    started.stderr.resume();
    // The server ends when its client goes; a worker left waiting for work must not keep the process alive.
    started.unref();
    started.on('message', (message: FromWorker) => {
      const entry = pending.get(message.id);
      if (!entry) return;
      if (message.type === 'batch') {
        if (Atomics.load(wanted, 0) === message.id) entry.onBatch(message.batch);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'done') entry.resolve(message.result);
      else entry.reject(new Error(message.message));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', (code) => {
      if (worker === started) failAll(new Error(`the closed-file worker exited (code ${code})`));
    });
    return started;
  };

  return {
    check(request, onBatch) {
      const id = ++lastId;
      Atomics.store(wanted, 0, id);
      worker ??= start();
      const target = worker;
      return new Promise<ClosedFileCheckResult | undefined>((resolve, reject) => {
        pending.set(id, { resolve, reject, onBatch });
        target.postMessage({ type: 'check', id, request } satisfies ToWorker);
      });
    },
    cancel() {
      Atomics.store(wanted, 0, 0);
    },
    dispose() {
      Atomics.store(wanted, 0, 0);
      const running = worker;
      worker = undefined;
      for (const entry of pending.values()) entry.resolve(undefined);
      pending.clear();
      void running?.terminate();
    },
  };
}

/** The worker's side: one session over the folder, one check at a time, in the order asked. */
function serveClosedFileChecks(data: ClosedFileWorkerData, port: MessagePort): void {
  const session = new ClosedFileSession(data.root, nodeWorkspaceHost);
  const wanted = new Int32Array(data.wanted);
  const collectGarbage = garbageCollector();
  let queue = Promise.resolve();
  let queued = 0;
  let idle: NodeJS.Timeout | undefined;
  port.on('message', (message: ToWorker) => {
    clearTimeout(idle);
    queued++;
    queue = queue.then(async () => {
      queued--;
      const send = (answer: FromWorker) => port.postMessage(answer);
      const isCancelled = () => Atomics.load(wanted, 0) !== message.id;
      try {
        const result = isCancelled() ? undefined : await session.check(message.request, { isCancelled, onBatch: (batch) => send({ type: 'batch', id: message.id, batch }) });
        send({ type: 'done', id: message.id, result });
      } catch (error) {
        send({ type: 'failed', id: message.id, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      }
      if (!queued) idle = setTimeout(collectGarbage, IDLE_COLLECTION_DELAY_MS);
    });
  });
}

/** V8's full collection, exposed in this worker only (the flag applies to contexts created after it is set). */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function isClosedFileWorkerData(data: unknown): data is ClosedFileWorkerData {
  return typeof data === 'object' && data !== null && (data as ClosedFileWorkerData).kind === 'tracklint-closed-files';
}

// Loaded as a worker (this module's file, or the server bundle that contains it): serve the server's thread.
if (!isMainThread && parentPort && isClosedFileWorkerData(workerData)) serveClosedFileChecks(workerData, parentPort);
