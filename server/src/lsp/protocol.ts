import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { CoverageReport } from '../core/coverage/report';

/**
 * tracklint's own protocol messages, declared once and imported by both the server and the
 * VS Code client (vscode-eslint style). Everything else is standard LSP.
 */

/**
 * The state of a workspace folder's tracking plan, for the status bar. Sent by the server whenever it changes, one
 * notification per folder: in a multi-root workspace each folder has its own plan, counts and status.
 */
export interface PlanStatus {
  /**
   * The workspace folder the status is about: its URI as the client gave it. For files opened outside every
   * workspace folder: the URI of the folder of the plan they are checked against (or of their own folder without one).
   */
  folderUri: string;
  state: 'ok' | 'invalid' | 'missing';
  /** Absolute file path of the plan in use (or of the invalid plan). */
  planFile?: string;
  planName?: string;
  eventCount: number;
  /** tracklint problems across the folder (errors + warnings + infos, not hints: VS Code's Problems panel leaves them out), as last published or pulled. */
  problemCount: number;
  /** For 'invalid' and 'missing': what is wrong, in a sentence. */
  message?: string;
}

export const PlanStatusNotification = new NotificationType<PlanStatus>('tracklint/planStatus');

/** Client → server: re-check every file of the workspace now (the "Check Workspace" command). */
export const CheckWorkspaceRequest = new RequestType0<{ fileCount: number; problemCount: number }, void>('tracklint/checkWorkspace');

/** Client → server: the coverage report of a workspace folder (`uri`: the folder or a file in it; default: the first folder). */
export interface CoverageParams {
  uri?: string;
}

export interface CoverageResult {
  /** The workspace folder the report is about. */
  root: string;
  planFile?: string;
  /** 'ok': `report` and `markdown` are set; otherwise the plan is missing or has never been valid. */
  state: 'ok' | 'missing' | 'invalid';
  /** File paths are absolute, ranges 0-based (LSP). */
  report?: CoverageReport;
  /** The report as markdown (paths relative to `root`, call sites listed), as `tracklint coverage --format markdown --verbose` prints it. */
  markdown?: string;
}

export const CoverageRequest = new RequestType<CoverageParams, CoverageResult | null, void>('tracklint/coverage');

/**
 * Client → server: the coverage report of every workspace folder, each against its own plan, in the order of the
 * workspace folders (empty without one): what the Tracking Plan view and Show Coverage Report show in a multi-root
 * workspace.
 */
export const WorkspaceCoverageRequest = new RequestType0<CoverageResult[], void>('tracklint/workspaceCoverage');

/**
 * The `data` of the error that addEventToPlan answers when it adds nothing because the plan has the name already
 * ('already-planned'), a spelling of it that differs only in case or separators ('name-collision'), or the plan file's
 * text has errors that leave it unusable ('plan-invalid': the edit would be made against a plan that does not parse).
 */
export interface AddEventRefusalData {
  reason: 'already-planned' | 'name-collision' | 'plan-invalid';
  /** The plan's entry (for 'plan-invalid': its first error), when its place in the plan file is known. */
  location?: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

/**
 * The `data` of the error (InvalidRequest) that textDocument/rename and textDocument/prepareRename answer when an
 * event is not renamed because the plan file's text has errors: the entry cannot be located in it, and only the call
 * sites would be renamed. `location`: the plan's first error, as for Add Event to Plan's 'plan-invalid'.
 */
export interface RenameRefusalData {
  reason: 'plan-invalid';
  location?: AddEventRefusalData['location'];
}

/** Commands the server executes through `workspace/executeCommand`. */
export const SERVER_COMMANDS = {
  /** Arguments: [{ name: string, uri?: string, kind?: 'track' | 'page' | 'screen' }]: adds an event to the plan file. */
  addEventToPlan: 'tracklint.server.addEventToPlan',
} as const;

/** Settings under `tracklint.*`, as the client contributes them and the server reads them per resource. */
export interface TracklintSettings {
  /** Path of the tracking plan, absolute or relative to the workspace folder; empty: discovered. */
  planPath: string;
  /** Callees added to the plan's `callees:` (same shape). */
  callees: unknown[];
  /** Severity overrides per rule id: error | warning | info | off. */
  rules: Record<string, string>;
  /** Milliseconds to wait after a change before re-checking. */
  debounce: number;
  /** Files larger than this many bytes are skipped with an info message. */
  maxFileSize: number;
}
