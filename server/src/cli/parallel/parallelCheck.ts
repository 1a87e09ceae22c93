import { isMainThread, parentPort, type Worker, workerData } from 'node:worker_threads';
import { startModuleWorker } from '../../node/moduleWorker';
import type { Finding } from '../../core/types';
import { runCheckWorker } from './checkWorker';
import { isCheckWorkerData, type CheckWorkerData, type FromWorker, type ToWorker } from './protocol';

const MAX_DISCOVERY_ROUNDS = 6;

/**
 * One thread unless asked. Each worker loads TypeScript and parses and binds the lib files again, so on
 * the 2,000-file benchmark two workers spend 1.75× the CPU time and 1.9× the memory of one thread for
 * about the same wall time on 2 cores (BENCHMARKS.md). More cores and larger repositories may gain.
 */
export function defaultJobs(): number {
  return 1;
}

export interface ParallelCheckOptions {
  root: string;
  tsConfig: string | undefined;
  planFile: string;
  planText: string;
  files: string[];
  jobs: number;
}

/**
 * Checks the files in `jobs` worker threads, each with its own program over a contiguous share of the
 * files (neighbours in a folder tend to import each other, so shares overlap little). The workers
 * first agree on the team's wrappers, exchanging the names each finds until none finds more, so a
 * wrapper defined in one share is followed in the others.
 */
export async function checkInParallel(options: ParallelCheckOptions): Promise<Map<string, Finding[]>> {
  const shares = split(options.files, options.jobs);
  const workers = shares.map((files) => {
    const data: CheckWorkerData = { kind: 'tracklint-check-worker', root: options.root, tsConfig: options.tsConfig, planFile: options.planFile, planText: options.planText, files, allFiles: options.files };
    return startWorker(data);
  });
  try {
    const ask = (message: ToWorker) => Promise.all(workers.map((worker) => reply(worker, message)));
    let known = new Set<string>();
    for (let round = 0; round < MAX_DISCOVERY_ROUNDS; round++) {
      const answers = await ask({ type: 'discover', names: [...known] });
      const union = new Set(known);
      let added = 0;
      for (const answer of answers) {
        if (answer.type !== 'discovered') throw new Error('a check worker answered out of turn');
        for (const name of answer.names) union.add(name);
        added += answer.added;
      }
      const grew = union.size > known.size;
      known = union;
      if (!grew && !added) break;
    }
    const results = new Map<string, Finding[]>();
    for (const answer of await ask({ type: 'check' })) {
      if (answer.type !== 'findings') throw new Error('a check worker answered out of turn');
      for (const [file, findings] of answer.results) results.set(file, findings);
    }
    return results;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/** A worker running this module (or the CLI bundle that contains it). */
function startWorker(data: CheckWorkerData): Worker {
  return startModuleWorker(__filename, { workerData: data });
}

/** Sends a message and waits for the worker's answer; a failure or an exit rejects. */
function reply(worker: Worker, message: ToWorker): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (answer: FromWorker) => {
      cleanup();
      if (answer.type === 'failed') reject(new Error(`a check worker failed: ${answer.message}`));
      else resolve(answer);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`a check worker exited (code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}

/** `jobs` contiguous shares of the (sorted) files, as equal as can be. */
export function split<T>(items: T[], jobs: number): T[][] {
  const shares: T[][] = [];
  const size = Math.ceil(items.length / jobs);
  for (let i = 0; i < items.length; i += size) shares.push(items.slice(i, i + size));
  return shares;
}

// Loaded as a worker (this module's file, or the CLI bundle that contains it): serve the main thread.
if (!isMainThread && parentPort && isCheckWorkerData(workerData)) runCheckWorker(workerData, parentPort);
