import type { CalleeSpec } from '../../core/plan/model';
import type { Finding, RuleId, SeveritySetting } from '../../core/types';

/**
 * What a check of a folder's closed files needs to know of the editor: the plan in use (its text, so a
 * worker loads it itself), the settings that change findings, and the open documents' unsaved texts
 * (closed files may import them).
 */
export interface ClosedFileCheckRequest {
  planFile: string;
  planText: string;
  severities?: Partial<Record<RuleId, SeveritySetting>>;
  extraCallees?: CalleeSpec[];
  /** Bytes; undefined: no limit. */
  maxFileSize?: number;
  /** The open documents of the folder: never checked here, but laid over the disk for the files that import them. */
  overlays: [fileName: string, text: string][];
  /** Files created, changed or deleted on disk since the previous check of the same checker. */
  changedOnDisk: string[];
  /** Workspace folders nested in this one: their files are theirs (checked against their own plan), left out here. */
  excludedFolders?: string[];
}

/** Findings of closed files as they are made, with how far the check has come. */
export interface ClosedFileBatch {
  results: [fileName: string, findings: Finding[]][];
  /** Files whose check failed (an internal error, with its stack): the others are checked all the same. */
  failures: [fileName: string, error: string][];
  done: number;
  total: number;
}

export interface ClosedFileCheckResult {
  /** Every closed source file of the folder the check considered (with findings or without). */
  files: string[];
  /** Closed files whose check failed (logged from their batch): their call sites are unknown. */
  failed: string[];
  /** How many call sites of each `kind:name` (`track:Order Completed`) each closed file holds, for code lenses and unused-event hints. */
  siteCounts: [fileName: string, counts: [key: string, count: number][]][];
}

/**
 * Checks the closed files of one workspace folder away from the requests' path (a worker thread in Node),
 * one check at a time: a new one cancels the one running.
 */
export interface ClosedFileChecker {
  /** Resolves with the result, or undefined when cancelled (by `cancel` or by a newer check). */
  check(request: ClosedFileCheckRequest, onBatch: (batch: ClosedFileBatch) => void): Promise<ClosedFileCheckResult | undefined>;
  cancel(): void;
  dispose(): void;
}
