import { isMainThread, MessageChannel, parentPort, type Worker, workerData } from 'node:worker_threads';
import { startModuleWorker } from '../../node/moduleWorker';
import { addTally, emptyTally, type CallTally } from '../../core/callTally';
import type { Finding } from '../../core/types';
import { runCheckWorker } from './checkWorker';
import { isCheckWorkerData, type CheckWorkerData, type FromWorker, type ToWorker } from './protocol';

const MAX_DISCOVERY_ROUNDS = 6;

/**
 * One thread unless asked. A single-threaded check already keeps about 1.45 cores busy (V8 marks, sweeps and
 * compiles on background threads: 2.7 s of CPU in 1.85 s on the 2,000-file benchmark), and each extra thread
 * loads TypeScript, the plan and the lib files again: on 2 cores `--jobs 2` took 2.5–2.7 s and 400 MB against
 * 1.8–2.1 s and 250 MB (BENCHMARKS.md). Machines with more cores may gain.
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

/** What both a worker and a message port offer: messages, and the events of a worker's failure. */
interface SharePort {
  postMessage(message: ToWorker): void;
  // The listener's argument differs by event, as in node's own typings.
  on(event: string, listener: (arg: any) => void): unknown;
  off(event: string, listener: (arg: any) => void): unknown;
}

/** A thread checking one share: a worker, or this thread answering through a message channel. */
interface ShareThread {
  port: SharePort;
  stop(): Promise<unknown>;
}

/**
 * Checks the files in `jobs` shares, one per thread: this thread checks the first share and `jobs - 1`
 * worker threads the others, each with its own program over a contiguous share of the files (neighbours
 * in a folder tend to import each other, so shares overlap little). This thread has TypeScript loaded
 * already; a worker loads it again while this thread starts on its share. The threads first agree on the
 * team's wrappers, exchanging the names each finds until none finds more, so a wrapper defined in one
 * share is followed in the others.
 */
export async function checkInParallel(options: ParallelCheckOptions): Promise<{ findings: Map<string, Finding[]>; tally: CallTally }> {
  const shares = split(options.files, options.jobs);
  const dataFor = (files: string[]): CheckWorkerData => ({ kind: 'tracklint-check-worker', root: options.root, tsConfig: options.tsConfig, planFile: options.planFile, planText: options.planText, files, allFiles: options.files });
  // Workers first: they start loading while this thread parses its own share.
  const threads = [...shares.slice(1).map((files) => workerThread(dataFor(files))), inThisThread(dataFor(shares[0]))];
  try {
    const ask = (message: ToWorker) => Promise.all(threads.map((thread) => reply(thread.port, message)));
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
    const tally = emptyTally();
    for (const answer of await ask({ type: 'check' })) {
      if (answer.type !== 'findings') throw new Error('a check worker answered out of turn');
      for (const [file, findings] of answer.results) results.set(file, findings);
      addTally(tally, answer.tally);
    }
    return { findings: results, tally };
  } finally {
    await Promise.all(threads.map((thread) => thread.stop()));
  }
}

/** A worker running this module (or the CLI bundle that contains it). */
function workerThread(data: CheckWorkerData): ShareThread {
  const worker = startModuleWorker(__filename, { workerData: data });
  return { port: worker, stop: () => worker.terminate() };
}

/** This thread, answering as a worker would: the same messages, through a channel. */
function inThisThread(data: CheckWorkerData): ShareThread {
  const { port1, port2 } = new MessageChannel();
  runCheckWorker(data, port2);
  return {
    port: port1,
    stop: async () => {
      port1.close();
      port2.close();
    },
  };
}

/** Sends a message and waits for the thread's answer; a failure or a worker's exit rejects. */
function reply(port: ShareThread['port'], message: ToWorker): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      port.off('message', onMessage);
      port.off('error', onError);
      port.off('exit', onExit);
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
    port.on('message', onMessage);
    port.on('error', onError);
    port.on('exit', onExit);
    port.postMessage(message);
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
