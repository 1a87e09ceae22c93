import type { CallTally } from '../../core/callTally';
import type { Finding } from '../../core/types';

/** What a check worker starts with: its share of the files, and how to load the same plan and options. */
export interface CheckWorkerData {
  kind: 'tracklint-check-worker';
  root: string;
  tsConfig: string | undefined;
  planFile: string;
  planText: string;
  files: string[];
  /** Every file of the check, all shares: wrappers are not looked for outside the roots among them. */
  allFiles: string[];
}

/** Main thread → worker. */
export type ToWorker =
  /** One more round of wrapper discovery, knowing the names every worker found so far. */
  | { type: 'discover'; names: string[] }
  /** Discovery is over: check the files and report. */
  | { type: 'check' };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'discovered'; names: string[]; added: number }
  /** `tally`: the share's calls by what became of them, all its files together. */
  | { type: 'findings'; results: [string, Finding[]][]; tally: CallTally }
  | { type: 'failed'; message: string };

export function isCheckWorkerData(data: unknown): data is CheckWorkerData {
  return typeof data === 'object' && data !== null && (data as CheckWorkerData).kind === 'tracklint-check-worker';
}
