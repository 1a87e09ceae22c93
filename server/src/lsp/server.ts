import * as path from 'node:path';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
  type WorkspaceEdit,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { isInsideAnyFolder, isInsideFolder, isSourceFileName } from '../core/workspace';
import { AnalysisWorkspace } from '../service/analysisWorkspace';
import type { ClosedFileChecker } from '../service/closedFiles/protocol';
import { countProblems, toDiagnostic } from '../service/diagnostics';
import { addEventRefusal, addEventToPlanEdit, FIX_ALL_KIND, type AddEventRefusal } from '../service/codeActions';
import { COMPLETION_TRIGGER_CHARACTERS } from '../service/completion';
import { createLanguageService, type LanguageService } from '../service/languageService';
import {
  CheckWorkspaceRequest,
  CoverageRequest,
  PlanStatusNotification,
  SERVER_COMMANDS,
  WorkspaceCoverageRequest,
  type AddEventRefusalData,
  type CoverageResult,
  type PlanStatus,
  type RenameRefusalData,
} from './protocol';
import { DocumentScheduler } from './documentScheduler';
import type { RuntimeEnvironment } from './runtime';
import { coverageResult } from './coverageResult';
import { parseSettings, DEFAULT_SETTINGS, type ServerSettings } from './settings';

interface FolderState {
  root: string;
  settings: ServerSettings;
  workspace: AnalysisWorkspace;
  service: LanguageService;
  /** This thread's reading of every file, for references, renames and coverage (they need every call site). */
  scan?: Promise<void>;
  /** Checks the closed files in another thread: the Problems panel, code lens counts, unused-event hints. */
  closedFiles: ClosedFileChecker;
  /** The latest check of the closed files; undefined until one is asked for. Resolves false when cancelled. */
  closedCheck?: Promise<boolean>;
  /** Files created, changed or deleted on disk that the next check of the closed files must read again. */
  changedOnDisk: Set<string>;
  /** The plan's diagnostics as last pushed (JSON), so a recount after source edits pushes only a change. */
  pushedPlanDiagnostics?: string;
  /** The plan's diagnostics as the client last pulled them (JSON), so a recount asks for a pull only when they changed. */
  pulledPlanDiagnostics?: string;
  /** The titles of the plan's code lenses as last served (JSON), so a recount refreshes them only when they changed. */
  servedPlanLenses?: string;
  /** Set when the folder left the workspace: work still under way for it publishes nothing and sends no status. */
  disposed?: boolean;
}

interface ClientSupport {
  pullDiagnostics: boolean;
  /** workspace/diagnostic/refresh: the client pulls its open documents' diagnostics again when asked. */
  diagnosticsRefresh: boolean;
  configuration: boolean;
  watchedFilesRegistration: boolean;
  workDoneProgress: boolean;
  codeLensRefresh: boolean;
  /** workspace/didChangeWorkspaceFolders: the client says when folders are added to or removed from the workspace. */
  workspaceFolders: boolean;
}

/**
 * The tracklint language server: wires the language service to an LSP connection. The entry point
 * (server/src/node/serverMain.ts) only creates the connection and calls this.
 */
export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const documents = new TextDocuments(TextDocument);
  const scheduler = new DocumentScheduler(runtime.timer);
  const folders = new Map<string, Promise<FolderState>>();
  /** How many diagnostics each URI has, as last published or pulled: a file that has some is published empty when they go. */
  const diagnosticCounts = new Map<string, number>();
  /** How many of those count as problems (not hints), for the status bar and Check Workspace. */
  const problemCounts = new Map<string, number>();
  let support: ClientSupport = {
    pullDiagnostics: false,
    diagnosticsRefresh: false,
    configuration: false,
    watchedFilesRegistration: false,
    workDoneProgress: false,
    codeLensRefresh: false,
    workspaceFolders: false,
  };
  /** The workspace folders: each one's URI as the client gave it (what a PlanStatus names the folder by), by path, in the client's order. */
  const workspaceFolders = new Map<string, string>();
  const workspaceRoots = () => [...workspaceFolders.keys()];
  /** Changes of the workspace folders, handled one after the other, in the order the client sent them. */
  let folderChanges: Promise<void> = Promise.resolve();

  const logError = (what: string, error: unknown) => {
    try {
      connection.console.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } catch {
      // The connection is closed (the client went away): there is nobody left to tell.
    }
  };

  /** Runs a handler so that an internal error is logged and answered with `fallback`, never thrown across the connection. */
  async function guard<T>(what: string, fallback: T, work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      logError(`tracklint: ${what} failed`, error);
      return fallback;
    }
  }

  /**
   * Runs a request's handler under {@link guard}; once the client has cancelled, the answer is
   * RequestCancelled, as LSP asks, and never the empty stand-in the handler gave up with: a client
   * that reads it would take it for "nothing here" (a pull would clear the file's problems).
   */
  async function answer<T>(what: string, fallback: T, token: CancellationToken, work: () => T | Promise<T>): Promise<T | ResponseError<never>> {
    const result = await guard(what, fallback, work);
    return token.isCancellationRequested ? new ResponseError<never>(LSPErrorCodes.RequestCancelled, `${what}: the request was cancelled`) : result;
  }

  const fsPathOf = (uri: string) => URI.parse(uri).fsPath;
  const uriOf = (fileName: string) => URI.file(fileName).toString();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    support = {
      pullDiagnostics: !!capabilities.textDocument?.diagnostic,
      diagnosticsRefresh: !!capabilities.workspace?.diagnostics?.refreshSupport,
      configuration: !!capabilities.workspace?.configuration,
      watchedFilesRegistration: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      workDoneProgress: !!capabilities.window?.workDoneProgress,
      codeLensRefresh: !!capabilities.workspace?.codeLens?.refreshSupport,
      workspaceFolders: !!capabilities.workspace?.workspaceFolders,
    };
    const givenFolders: WorkspaceFolder[] = params.workspaceFolders?.length ? params.workspaceFolders : params.rootUri ? [{ uri: params.rootUri, name: '' }] : [];
    for (const folder of givenFolders) {
      const root = fsPathOf(folder.uri);
      if (!workspaceFolders.has(root)) workspaceFolders.set(root, folder.uri);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        definitionProvider: true,
        referencesProvider: true,
        // With prepareRename the editor knows the whole name to rename, and a refusal comes before the new name is typed.
        renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SERVER_COMMANDS.addEventToPlan] },
        // Folders added to the workspace are checked, removed ones forgotten (workspace/didChangeWorkspaceFolders).
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...(support.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'tracklint' },
    };
  });

  connection.onInitialized(() => {
    if (support.watchedFilesRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/{tracking-plan.{yaml,yml,json},tsconfig.json,jsconfig.json}' }, { globPattern: '**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}' }],
        })
        .catch((error) => logError('tracklint: registering file watchers failed', error));
    }
    if (support.workspaceFolders) {
      // Only now: the connection installs its own handler of the notification while it handles initialize.
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folderChanges = folderChanges.then(() => guard('workspace folder change', undefined, () => changeWorkspaceFolders(event)));
      });
    }
    for (const root of workspaceRoots()) void guard('workspace check', undefined, async () => checkClosedFiles(await folderFor(root), { progress: true }));
  });

  async function changeWorkspaceFolders(event: WorkspaceFoldersChangeEvent): Promise<void> {
    for (const folder of event.removed) await removeWorkspaceFolder(fsPathOf(folder.uri));
    for (const folder of event.added) await addWorkspaceFolder(folder);
  }

  /**
   * A folder added to the workspace: its state, its closed files checked (with progress), its plan's diagnostics and
   * its status sent. Open files that are its files now were checked as files outside every folder: checked again.
   */
  async function addWorkspaceFolder(folder: WorkspaceFolder): Promise<void> {
    const root = fsPathOf(folder.uri);
    if (workspaceFolders.has(root)) return;
    workspaceFolders.set(root, folder.uri);
    // A state made for files opened outside every folder, rooted inside the new one: its files are the new folder's now.
    for (const other of [...folders.keys()]) if (other !== root && !workspaceFolders.has(other) && isInsideFolder(root, other)) await dropFolderState(other);
    const state = await folderFor(root);
    if (support.pullDiagnostics) refreshPulledDiagnostics();
    else for (const document of documents.all()) if (rootFor(fsPathOf(document.uri)) === root) scheduleValidation(document.uri, state);
    // A workspace folder holding the new one no longer publishes or counts its files from now on; checked again at
    // once, so its call sites (code lens counts, unused-event hints) leave the outer folder's too.
    for (const other of workspaceRoots()) {
      if (other === root || !isInsideFolder(other, root)) continue;
      const outer = await folderFor(other);
      outer.workspace.excludeFolders(nestedRoots(other));
      sendStatus(outer);
      if (outer.closedCheck) void checkClosedFiles(outer);
    }
    await checkClosedFiles(state, { progress: true });
  }

  /**
   * A folder removed from the workspace: its closed files' diagnostics are cleared, its closed-file worker ends and its
   * state is forgotten. Its files still open are checked again as files outside every folder are.
   */
  async function removeWorkspaceFolder(root: string): Promise<void> {
    if (!workspaceFolders.delete(root)) return;
    await dropFolderState(root);
    // Its files inside another workspace folder (one that holds it) are that folder's again: checked again there.
    for (const other of workspaceRoots()) {
      if (!isInsideFolder(other, root)) continue;
      const state = await folderFor(other);
      state.workspace.excludeFolders(nestedRoots(other));
      // This thread's reading of the folder left them out: read again when references, a rename or coverage need it.
      state.scan = undefined;
      if (state.closedCheck) void checkClosedFiles(state);
    }
  }

  /** Forgets the state of a folder (a workspace folder, or the root of files outside every folder): see removeWorkspaceFolder. */
  async function dropFolderState(root: string): Promise<void> {
    const pending = folders.get(root);
    if (!pending) return;
    folders.delete(root);
    scheduler.cancel(`closed-files:${root}`);
    scheduler.cancel(`plan-usage:${root}`);
    const state = await pending.catch(() => undefined);
    if (!state) return;
    state.disposed = true;
    state.closedFiles.dispose();
    const reopened: string[] = [];
    for (const [uri, count] of [...diagnosticCounts]) {
      const fileName = fsPathOf(uri);
      if (!state.workspace.contains(fileName) || isOpen(fileName)) continue;
      // The files of a workspace folder inside this one are that folder's.
      const owner = rootFor(fileName);
      if (owner !== root && workspaceFolders.has(owner) && isInsideFolder(root, owner)) continue;
      if (count) publish(uri, []);
      diagnosticCounts.delete(uri);
      problemCounts.delete(uri);
    }
    for (const document of documents.all()) {
      const fileName = fsPathOf(document.uri);
      if (state.workspace.contains(fileName)) reopened.push(document.uri);
    }
    if (!reopened.length) return;
    if (support.pullDiagnostics) refreshPulledDiagnostics();
    else for (const uri of reopened) scheduleValidation(uri, await folderFor(fsPathOf(uri)));
  }

  async function readSettings(root: string): Promise<ServerSettings> {
    if (!support.configuration) return DEFAULT_SETTINGS;
    const raw = await connection.workspace.getConfiguration({ scopeUri: uriOf(root), section: 'tracklint' }).catch(() => undefined);
    const { settings, problems } = parseSettings(raw);
    for (const problem of problems) connection.console.warn(problem);
    return settings;
  }

  function workspaceOptions(root: string, settings: ServerSettings) {
    return {
      planFile: settings.planPath ? path.resolve(root, settings.planPath) : undefined,
      severities: settings.rules,
      extraCallees: settings.callees,
      maxFileSize: settings.maxFileSize,
    };
  }

  /** The folder a file belongs to: the innermost workspace folder holding it, or its own folder outside any. */
  function rootFor(fileName: string): string {
    const candidates = workspaceRoots().filter((root) => isInsideFolder(root, fileName));
    if (candidates.length) return candidates.sort((a, b) => b.length - a.length)[0];
    const plan = runtime.host.findPlanFile(path.dirname(fileName));
    return plan ? path.dirname(plan) : path.dirname(fileName);
  }

  /** The workspace folders inside a folder's root (not it): their files are theirs, not the folder's. */
  function nestedRoots(root: string): string[] {
    return workspaceRoots().filter((other) => other !== root && isInsideFolder(root, other));
  }

  /** Whether a file is the folder's own: under its root, and under no workspace folder nested in it. */
  function owns(state: FolderState, fileName: string, nested = nestedRoots(state.root)): boolean {
    return state.workspace.contains(fileName) && !isInsideAnyFolder(nested, fileName);
  }

  function folderFor(rootOrFile: string): Promise<FolderState> {
    const root = workspaceFolders.has(rootOrFile) ? rootOrFile : rootFor(rootOrFile);
    let state = folders.get(root);
    if (!state) {
      state = (async () => {
        const settings = await readSettings(root);
        const workspace = new AnalysisWorkspace(root, runtime.host, workspaceOptions(root, settings));
        workspace.excludeFolders(nestedRoots(root));
        for (const problem of workspace.compilerOptionProblems()) connection.console.warn(`tracklint: ${problem}`);
        return { root, settings, workspace, service: createLanguageService(workspace), closedFiles: runtime.closedFileChecker(root), changedOnDisk: new Set<string>() };
      })();
      folders.set(root, state);
    }
    return state;
  }

  /** Makes the workspace see exactly the editor's text before a request is answered. */
  function syncDocument(state: FolderState, document: TextDocument | undefined): void {
    if (!document) return;
    const fileName = fsPathOf(document.uri);
    if (state.workspace.isPlanFile(fileName)) return;
    state.workspace.setOverlay(fileName, document.getText());
  }

  async function forDocument(uri: string): Promise<{ state: FolderState; fileName: string }> {
    const fileName = fsPathOf(uri);
    const state = await folderFor(fileName);
    syncDocument(state, documents.get(uri));
    return { state, fileName };
  }

  /** Remembers what the client was given for a URI, by push or pull. */
  function record(uri: string, diagnostics: Diagnostic[]): void {
    diagnosticCounts.set(uri, diagnostics.length);
    problemCounts.set(uri, countProblems(diagnostics));
  }

  /** The problems of a folder's files as the client was last given them: what its Problems panel counts. */
  function folderProblemCount(state: FolderState): number {
    let count = 0;
    const nested = nestedRoots(state.root);
    for (const [uri, problems] of problemCounts) if (problems && owns(state, fsPathOf(uri), nested)) count += problems;
    return count;
  }

  /** Asks a pull client to pull its open documents' diagnostics again, when it can be asked. */
  function refreshPulledDiagnostics(): void {
    if (support.pullDiagnostics && support.diagnosticsRefresh) connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    record(uri, diagnostics);
    // A notification to a client that went away fails (EPIPE, closed connection): nothing to do about it, and left
    // unhandled the rejection would end the process with a crash report instead of the clean exit that follows.
    connection.sendDiagnostics({ uri, diagnostics, version }).catch(() => undefined);
  }

  const isOpen = (fileName: string) => documents.get(uriOf(fileName)) !== undefined;

  // ---- Validation -------------------------------------------------------------------------------

  async function validateOpenDocument(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document || support.pullDiagnostics) return;
    const version = document.version;
    const { state, fileName } = await forDocument(uri);
    const diagnostics = await guard('validation', [] as Diagnostic[], () => state.service.doValidate(fileName));
    // A newer edit arrived while this one was checked: its own validation will publish.
    if (documents.get(uri)?.version !== version) return;
    publish(uri, diagnostics, version);
    sendStatus(state);
  }

  function scheduleValidation(uri: string, state: FolderState): void {
    scheduler.schedule(uri, state.settings.debounce, () => void validateOpenDocument(uri));
  }

  /** After the plan or settings change: every open document, every closed file, and the plan. */
  async function revalidateFolder(state: FolderState): Promise<void> {
    refreshPulledDiagnostics();
    for (const document of documents.all()) {
      const fileName = fsPathOf(document.uri);
      if ((await folderFor(fileName)) === state && !support.pullDiagnostics) scheduleValidation(document.uri, state);
    }
    // With progress: the editor shows that the Problems panel is being brought up to date.
    if (state.closedCheck) void checkClosedFiles(state, { progress: true });
    publishPlanDiagnostics(state);
    if (support.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  /**
   * Diagnostics of the files that are not open, so the Problems panel covers the workspace: checked in
   * another thread (runtime.closedFileChecker), published batch by batch. A newer check cancels this one
   * (resolves false). With `progress`, the editor shows it and may cancel it.
   */
  function checkClosedFiles(state: FolderState, options: { progress?: boolean } = {}): Promise<boolean> {
    const check = (async () => {
      if (state.disposed) return false;
      const { workspace } = state;
      const planFile = workspace.planFile;
      const planText = workspace.planState.lastGoodText;
      if (!planFile || planText === undefined) {
        state.closedFiles.cancel();
        workspace.closedFileSites = undefined;
        clearClosedProblems(state, new Set());
        // The status bar says what is wrong even before a file is opened (otherwise it spins, "starting", until then).
        sendStatus(state);
        return true;
      }
      const progress = options.progress && support.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
      progress?.begin('tracklint', 0, 'Checking the workspace', true);
      const cancellation = progress?.token.onCancellationRequested(() => state.closedFiles.cancel());
      const changedOnDisk = [...state.changedOnDisk];
      state.changedOnDisk.clear();
      const overlays: [string, string][] = [];
      for (const document of documents.all()) {
        const fileName = fsPathOf(document.uri);
        if (isSourceFileName(fileName) && workspace.contains(fileName)) overlays.push([fileName, document.getText()]);
      }
      const { severities, extraCallees, maxFileSize } = workspaceOptions(state.root, state.settings);
      // The files of workspace folders nested in this one are theirs: checked against their own plan, by their own check.
      const excludedFolders = nestedRoots(state.root);
      let reported = 0;
      try {
        const result = await state.closedFiles.check({ planFile, planText, severities, extraCallees, maxFileSize, overlays, changedOnDisk, excludedFolders }, (batch) => {
          if (state.disposed) return;
          const nested = nestedRoots(state.root);
          for (const [fileName, findings] of batch.results) {
            // Also a folder nested in this one since the check began: its files are no longer this folder's to publish.
            if (isOpen(fileName) || !owns(state, fileName, nested)) continue;
            const uri = uriOf(fileName);
            if (findings.length || diagnosticCounts.get(uri)) publish(uri, findings.map(toDiagnostic));
          }
          for (const [fileName, error] of batch.failures) logError(`tracklint: validation of ${fileName} failed`, error);
          if (performance.now() - reported > 100 || batch.done === batch.total) {
            reported = performance.now();
            progress?.report(Math.round((batch.done / Math.max(batch.total, 1)) * 100), `Checked ${batch.done} of ${batch.total} files`);
          }
        });
        if (!result || state.disposed) {
          for (const fileName of changedOnDisk) state.changedOnDisk.add(fileName);
          return false;
        }
        workspace.closedFileSites = { files: new Set(result.files), counts: new Map(result.siteCounts), complete: result.failed.length === 0 };
        clearClosedProblems(state, workspace.closedFileSites.files);
        publishPlanDiagnostics(state);
        // The call sites of every file are known now: an open plan's unused-event hints may have come or gone.
        refreshPlanPullIfChanged(state);
        if (support.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        return true;
      } catch (error) {
        for (const fileName of changedOnDisk) state.changedOnDisk.add(fileName);
        throw error;
      } finally {
        cancellation?.dispose();
        progress?.done();
        sendStatus(state);
      }
    })();
    state.closedCheck = check.catch((error) => {
      logError('tracklint: checking the closed files failed', error);
      return false;
    });
    return state.closedCheck;
  }

  /** Closed files that left the folder's view (deleted, or excluded by new ignore: globs) keep no problems in the panel. */
  function clearClosedProblems(state: FolderState, known: Set<string>): void {
    const nested = nestedRoots(state.root);
    for (const [uri, count] of diagnosticCounts) {
      const fileName = fsPathOf(uri);
      if (count && !known.has(fileName) && isSourceFileName(fileName) && owns(state, fileName, nested) && !isOpen(fileName)) publish(uri, []);
    }
  }

  /** A check of the closed files once a burst of edits or saves pauses. */
  function scheduleClosedFileCheck(state: FolderState): void {
    if (!state.closedCheck) return;
    scheduler.schedule(`closed-files:${state.root}`, state.settings.debounce, () => void checkClosedFiles(state));
  }

  function publishPlanDiagnostics(state: FolderState, onlyIfChanged = false): void {
    const planFile = state.workspace.planFile;
    if (!planFile || state.disposed || (support.pullDiagnostics && isOpen(planFile))) return;
    const diagnostics = state.service.doValidate(planFile);
    const json = JSON.stringify(diagnostics);
    if (onlyIfChanged && json === state.pushedPlanDiagnostics) return;
    state.pushedPlanDiagnostics = json;
    publish(uriOf(planFile), diagnostics);
  }

  /**
   * The plan's unused-event hints and call counts follow the code: once edits of source files pause,
   * they are counted again, and the plan's diagnostics pushed and its code lenses refreshed if they
   * changed. Only while the plan is open in the editor: opening it publishes them afresh anyway, and a
   * recount after every burst of edits is not free (about 90 ms for the 2,000-file bench workspace).
   */
  function schedulePlanUsage(state: FolderState): void {
    const planFile = state.workspace.planFile;
    if (!planFile || !isOpen(planFile) || !state.workspace.knowsEveryFile) return;
    scheduler.schedule(`plan-usage:${state.root}`, state.settings.debounce, () =>
      void guard('recount of the plan usage', undefined, () => {
        if (!isOpen(planFile) || state.workspace.planFile !== planFile) return;
        if (support.pullDiagnostics) refreshPlanPullIfChanged(state);
        else publishPlanDiagnostics(state, true);
        if (!support.codeLensRefresh || state.servedPlanLenses === undefined) return;
        if (lensTitles(state.service.doCodeLens(planFile)) !== state.servedPlanLenses) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      }),
    );
  }

  /**
   * A pull client shows the open plan's diagnostics as it last pulled them, and pulls again on its own only after
   * edits it makes (interFileDependencies); the unused-event hints also change when a check of the closed files ends
   * or a file is closed. Asks it to pull again when what it would get differs from what it has.
   */
  function refreshPlanPullIfChanged(state: FolderState): void {
    const planFile = state.workspace.planFile;
    if (!planFile || !support.pullDiagnostics || !isOpen(planFile)) return;
    if (JSON.stringify(state.service.doValidate(planFile)) !== state.pulledPlanDiagnostics) refreshPulledDiagnostics();
  }

  const lensTitles = (lenses: CodeLens[]) => JSON.stringify(lenses.map((lens) => lens.command?.title));

  /**
   * Reads every file of the folder into this thread's program, for the requests that need every call site
   * (references, rename, coverage). Diagnostics of closed files do not wait for it: {@link checkClosedFiles}.
   */
  async function readFolder(state: FolderState): Promise<void> {
    if (state.scan) return state.scan;
    state.scan = (async () => {
      const progress = support.workDoneProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
      progress?.begin('tracklint', 0, 'Reading the workspace', true);
      let cancelled = false;
      const isCancelled = () => cancelled || !!state.disposed || !!progress?.token.isCancellationRequested;
      try {
        let prepared = 0;
        let reported = 0;
        await state.workspace.scan({
          // A yield after every file: a hover or completion waits for one file's parse at most, not for a chunk of them.
          yieldEvery: 1,
          onProgress: (done, total) => {
            if (performance.now() - reported > 100 || done === total) {
              reported = performance.now();
              progress?.report(total ? Math.round((done / total) * 100) : 100, `Read ${done} of ${total} files`);
            }
            // Binds the files read so far each time they grew by an eighth: otherwise the first request or check after
            // the reading builds the program of the whole folder in one go, blocking every request for a second or more.
            if (done - prepared >= Math.max(10, prepared / 8)) {
              prepared = done;
              state.workspace.program().getTypeChecker();
              state.workspace.wrappers();
            }
          },
          isCancelled,
        });
      } finally {
        cancelled = isCancelled();
        progress?.done();
        // A cancelled reading is forgotten, so the next request that needs it reads the whole folder again.
        if (cancelled) state.scan = undefined;
      }
    })();
    return state.scan;
  }

  function sendStatus(state: FolderState): void {
    // A folder removed from the workspace has no status any more.
    if (state.disposed) return;
    const { planState } = state.workspace;
    const loaded = planState.loaded;
    const plan = state.workspace.plan;
    const status: PlanStatus = {
      folderUri: workspaceFolders.get(state.root) ?? uriOf(state.root),
      state: state.workspace.planCondition,
      planFile: planState.file,
      planName: plan?.name ?? (planState.file ? path.basename(planState.file) : undefined),
      eventCount: plan?.events.size ?? 0,
      problemCount: folderProblemCount(state),
      message: !planState.file
        ? `No tracking-plan.yaml, .yml or .json found in ${state.root}. Create one, or set tracklint.planPath.`
        : !loaded
          ? `The tracking plan ${planState.file} does not exist or cannot be read. Create it, or change tracklint.planPath.`
          : !loaded.plan
            ? `The tracking plan has ${loaded.findings.length} problem(s)${plan ? '; checking with the last valid version' : ''}.`
            : undefined,
    };
    connection.sendNotification(PlanStatusNotification, status).catch(() => undefined);
  }

  // ---- Document events --------------------------------------------------------------------------

  // TextDocuments reports an opened document through onDidChangeContent too: validation starts there.
  documents.onDidOpen((event) => {
    // In pull mode the editor asks for this file's diagnostics; drop what was pushed while it was closed.
    if (support.pullDiagnostics && diagnosticCounts.get(event.document.uri)) publish(event.document.uri, []);
  });

  documents.onDidChangeContent((event) => {
    void guard('change', undefined, async () => {
      const fileName = fsPathOf(event.document.uri);
      const state = await folderFor(fileName);
      if (state.workspace.isPlanFile(fileName)) {
        // Debounced like source files: a large plan is parsed once a burst of typing pauses, not per keystroke.
        const uri = event.document.uri;
        scheduler.schedule(uri, state.settings.debounce, () => {
          const text = documents.get(uri)?.getText();
          if (text !== undefined) void guard('plan change', undefined, () => onPlanText(state, text));
        });
        return;
      }
      // The wrappers the file defined before this edit: their call sites elsewhere may be judged differently now.
      const wrappersBefore = isSourceFileName(fileName) ? state.workspace.wrapperNamesIn(fileName) : [];
      syncDocument(state, event.document);
      scheduleValidation(event.document.uri, state);
      scheduleWrapperCallSites(state, fileName, wrappersBefore);
      if (isSourceFileName(fileName)) schedulePlanUsage(state);
    });
  });

  /**
   * After an edit of a file that defines (or defined) wrappers: validates again the other files that
   * mention them, since their calls of the wrappers may now mean something else: open ones here (push;
   * pull clients re-ask themselves, interFileDependencies), closed ones in the next check of the closed files.
   */
  function scheduleWrapperCallSites(state: FolderState, fileName: string, before: string[]): void {
    scheduler.schedule(`wrappers:${fileName}`, state.settings.debounce, () => {
      void guard('validation of wrapper call sites', undefined, async () => {
        const names = new Set([...before, ...state.workspace.wrapperNamesIn(fileName)]);
        if (!names.size) return;
        scheduleClosedFileCheck(state);
        // Callers of the wrappers, and callers of the wrappers those callers define (chains), a few levels up.
        let dependents: string[] = [];
        for (let level = 0; level < 4; level++) {
          dependents = state.workspace.filesMentioning(names).filter((file) => file !== fileName);
          const size = names.size;
          for (const file of dependents) for (const name of state.workspace.wrapperNamesIn(file)) names.add(name);
          if (names.size === size) break;
        }
        const open = dependents.filter(isOpen);
        if (!open.length) return;
        if (support.pullDiagnostics) refreshPulledDiagnostics();
        else for (const file of open) scheduleValidation(uriOf(file), state);
      });
    });
  }

  documents.onDidClose((event) => {
    void guard('close', undefined, async () => {
      const fileName = fsPathOf(event.document.uri);
      const state = await folderFor(fileName);
      scheduler.cancel(event.document.uri);
      if (state.workspace.isPlanFile(fileName)) return onPlanText(state, undefined);
      state.workspace.removeOverlay(fileName);
      // Closed files keep their problems in the Problems panel, judged on the text on disk.
      const diagnostics = runtime.host.fileExists(fileName) ? await guard('validation', [] as Diagnostic[], () => state.service.doValidate(fileName)) : [];
      publish(event.document.uri, diagnostics);
      sendStatus(state);
      schedulePlanUsage(state);
    });
  });

  async function onPlanText(state: FolderState, text: string | undefined): Promise<void> {
    const changed = state.workspace.reloadPlan(text);
    if (changed) await revalidateFolder(state);
    else publishPlanDiagnostics(state);
    sendStatus(state);
  }

  connection.onDidChangeWatchedFiles((params) => {
    void guard('file change', undefined, async () => {
      const touched = new Set<FolderState>();
      const planTouched = new Set<FolderState>();
      for (const change of params.changes) {
        const fileName = fsPathOf(change.uri);
        const state = await folderFor(fileName);
        const base = path.basename(fileName);
        if (/^tracking-plan\.(ya?ml|json)$/.test(base)) {
          if (!isOpen(fileName)) planTouched.add(state);
        } else if (isSourceFileName(fileName)) {
          state.workspace.refreshFromDisk(fileName);
          state.changedOnDisk.add(fileName);
          if (change.type === FileChangeType.Deleted && diagnosticCounts.get(change.uri)) publish(change.uri, []);
          touched.add(state);
        }
      }
      for (const state of planTouched) await onPlanText(state, undefined);
      for (const state of touched) {
        if (planTouched.has(state)) continue;
        for (const document of documents.all()) if ((await folderFor(fsPathOf(document.uri))) === state) scheduleValidation(document.uri, state);
        // Closed files may import what changed: checked again once the saves pause.
        scheduleClosedFileCheck(state);
        schedulePlanUsage(state);
      }
    });
  });

  connection.onDidChangeConfiguration(() => {
    void guard('configuration change', undefined, async () => {
      for (const pending of folders.values()) {
        const state = await pending;
        state.settings = await readSettings(state.root);
        const { planChanged } = state.workspace.updateOptions(workspaceOptions(state.root, state.settings));
        if (planChanged) publishPlanDiagnostics(state);
        await revalidateFolder(state);
        sendStatus(state);
      }
    });
  });

  // ---- Requests ---------------------------------------------------------------------------------

  // A pull the client cancelled (the document changed meanwhile) gives up and is answered RequestCancelled, without
  // data: vscode-languageclient takes that as the pull it cancelled, quietly, and pulls the newer version. With
  // ServerCancelled data `retriggerRequest: false` (lib/common/diagnostic.js, pullAsync) it rethrows the cancellation
  // and logs "Document pull failed ... Canceled" in the output channel at every keystroke that overtakes a pull.
  connection.languages.diagnostics.on((params, token) =>
    answer('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const items = state.service.doValidate(fileName);
      record(params.textDocument.uri, items);
      if (state.workspace.isPlanFile(fileName)) state.pulledPlanDiagnostics = JSON.stringify(items);
      sendStatus(state);
      return { kind: DocumentDiagnosticReportKind.Full, items };
    }),
  );

  connection.onCompletion((params, token) =>
    answer('completion', null, token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      return token.isCancellationRequested ? null : state.service.doComplete(fileName, params.position);
    }),
  );

  connection.onHover((params, token) =>
    answer('hover', null, token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      return token.isCancellationRequested ? null : state.service.doHover(fileName, params.position);
    }),
  );

  /**
   * Loads an edit of the open plan still waiting for its debounce, before answering a request whose answer edits the
   * plan file (add an event, rename): the plan must be the one the user sees, and the edit is made against its text.
   */
  function loadPendingPlanEdit(state: FolderState): void {
    if (state.workspace.planFile) scheduler.flush(uriOf(state.workspace.planFile));
  }

  connection.onCodeAction((params, token) =>
    answer('code actions', [], token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      loadPendingPlanEdit(state);
      return token.isCancellationRequested ? [] : state.service.doCodeActions(fileName, params.context.diagnostics, params.context.only);
    }),
  );

  connection.onDefinition((params, token) =>
    answer('definition', [], token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      return token.isCancellationRequested ? [] : state.service.doDefinition(fileName, params.position);
    }),
  );

  connection.onReferences((params, token) =>
    answer('references', [], token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      await readFolder(state);
      return token.isCancellationRequested ? [] : state.service.doReferences(fileName, params.position, params.context.includeDeclaration);
    }),
  );

  /**
   * A refused change of the plan as the error the client reads, its reason and location as data: InvalidRequest while
   * the plan file has errors (any change is refused), InvalidParams for a name the plan refuses.
   */
  function refusalError(refusal: AddEventRefusal): ResponseError<never> {
    const data: AddEventRefusalData | RenameRefusalData = { reason: refusal.reason, ...(refusal.location ? { location: refusal.location } : {}) };
    // The handlers' declared error data is void: the data goes as it is all the same.
    return new ResponseError(refusal.reason === 'plan-invalid' ? ErrorCodes.InvalidRequest : ErrorCodes.InvalidParams, refusal.message, data) as ResponseError<never>;
  }

  /** A rename refused while the plan file has errors: the first error, and where. */
  function renameRefused(state: FolderState, fileName: string, position: Position): ResponseError<never> | undefined {
    const refusal = state.service.renameRefusal(fileName, position);
    return refusal && refusalError(refusal);
  }

  connection.onPrepareRename((params, token) =>
    answer<{ range: Range; placeholder: string } | ResponseError<never> | null>('prepare rename', null, token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      loadPendingPlanEdit(state);
      if (token.isCancellationRequested) return null;
      return renameRefused(state, fileName, params.position) ?? state.service.doPrepareRename(fileName, params.position);
    }),
  );

  connection.onRenameRequest((params, token) =>
    answer<WorkspaceEdit | ResponseError<never> | null>('rename', null, token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      loadPendingPlanEdit(state);
      // Refused before the folder is read: the answer does not wait for it.
      const refused = renameRefused(state, fileName, params.position);
      if (refused) return refused;
      await readFolder(state);
      return token.isCancellationRequested ? null : state.service.doRename(fileName, params.position, params.newName);
    }),
  );

  connection.onCodeLens((params, token) =>
    answer('code lens', [], token, async () => {
      const { state, fileName } = await forDocument(params.textDocument.uri);
      if (token.isCancellationRequested) return [];
      const lenses = state.service.doCodeLens(fileName);
      if (state.workspace.isPlanFile(fileName)) state.servedPlanLenses = lensTitles(lenses);
      return lenses;
    }),
  );

  connection.onExecuteCommand((params) =>
    guard<ResponseError<never> | null>('command', null, async () => {
      if (params.command !== SERVER_COMMANDS.addEventToPlan) return new ResponseError(ErrorCodes.InvalidParams, `Unknown command '${params.command}'.`);
      const [argument] = (params.arguments ?? []) as [{ name?: unknown; uri?: unknown; kind?: unknown } | undefined];
      const name = typeof argument?.name === 'string' ? argument.name.trim() : '';
      if (!name) return new ResponseError(ErrorCodes.InvalidParams, 'An event name is required.');
      const fileName = typeof argument?.uri === 'string' ? fsPathOf(argument.uri) : workspaceRoots()[0];
      if (!fileName) return new ResponseError(ErrorCodes.InvalidParams, 'No workspace folder is open.');
      const state = await folderFor(fileName);
      const kind = argument?.kind === 'page' || argument?.kind === 'screen' ? argument.kind : 'track';
      loadPendingPlanEdit(state);
      const refusal = addEventRefusal(state.workspace, name, kind);
      if (refusal) return refusalError(refusal);
      // Commands may come from any editor: use the call under no cursor, only the name.
      const edit = addEventToPlanEdit(state.workspace, undefined, undefined, name, kind);
      if (!edit) return new ResponseError(ErrorCodes.InvalidRequest, 'The tracking plan is missing, invalid, or in a format tracklint cannot add events to in place.');
      const result = await connection.workspace.applyEdit({ label: `Add '${name}' to the tracking plan`, edit });
      return result.applied ? null : new ResponseError(ErrorCodes.InvalidRequest, `The editor did not apply the edit${result.failureReason ? `: ${result.failureReason}` : '.'}`);
    }),
  );

  // Cancelled, it cancels the check of the closed files (it stops between files) and answers RequestCancelled.
  // The token is the last argument: a client that sends `params: null` instead of none passes that null first.
  connection.onRequest(CheckWorkspaceRequest, (...args: unknown[]) => {
    const token = args[args.length - 1] as CancellationToken;
    return answer('check workspace', { fileCount: 0, problemCount: 0 }, token, async () => {
      let fileCount = 0;
      let problemCount = 0;
      for (const root of workspaceRoots()) {
        const state = await folderFor(root);
        const cancellation = token.onCancellationRequested(() => state.closedFiles.cancel());
        try {
          // A check asked for meanwhile (a plan edit) supersedes this one: the answer counts the latest.
          let latest = checkClosedFiles(state, { progress: true });
          while ((await latest) === false && !token.isCancellationRequested && state.closedCheck !== latest) latest = state.closedCheck!;
        } finally {
          cancellation.dispose();
        }
        if (token.isCancellationRequested) break;
        const files = new Set(state.workspace.closedFileSites?.files);
        for (const document of documents.all()) {
          const fileName = fsPathOf(document.uri);
          if ((await folderFor(fileName)) !== state) continue;
          await validateOpenDocument(document.uri);
          if (isSourceFileName(fileName)) files.add(fileName);
        }
        publishPlanDiagnostics(state);
        fileCount += files.size;
        problemCount += folderProblemCount(state);
      }
      return { fileCount, problemCount };
    });
  });

  /** The coverage report of the folder of `target` (a folder or a file); null once the request is cancelled. */
  async function folderCoverage(target: string, token: CancellationToken): Promise<CoverageResult | null> {
    const state = await folderFor(target);
    // Every file of the folder counts, closed ones too: the report waits for the scan (shared with the diagnostics').
    await readFolder(state);
    if (token.isCancellationRequested) return null;
    for (const document of documents.all()) if (state.workspace.contains(fsPathOf(document.uri))) syncDocument(state, document);
    return coverageResult(state.workspace, state.service.doCoverage());
  }

  connection.onRequest(CoverageRequest, (params, token) =>
    answer('coverage', null, token, async () => {
      const target = params?.uri ? fsPathOf(params.uri) : workspaceRoots()[0];
      return target ? folderCoverage(target, token) : null;
    }),
  );

  // Each workspace folder with its own plan, in order. The token is the last argument (see CheckWorkspaceRequest).
  connection.onRequest(WorkspaceCoverageRequest, (...args: unknown[]) => {
    const token = args[args.length - 1] as CancellationToken;
    return answer('workspace coverage', [] as CoverageResult[], token, async () => {
      const results: CoverageResult[] = [];
      for (const root of workspaceRoots()) {
        const result = await folderCoverage(root, token);
        if (!result) return [];
        results.push(result);
      }
      return results;
    });
  });

  connection.onShutdown(async () => {
    scheduler.dispose();
    for (const pending of folders.values()) (await pending).closedFiles.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
