import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { startServer } from '../../server/src/lsp/server';
import type { PlanStatus } from '../../server/src/lsp/protocol';
import { nodeRuntime } from '../../server/src/node/nodeRuntime';
import { inThreadClosedFileChecker } from '../../server/src/service/closedFiles/inThreadChecker';
import type { WorkspaceHost } from '../../server/src/service/analysisWorkspace';
import type { ClosedFileChecker } from '../../server/src/service/closedFiles/protocol';

export interface LspTestOptions {
  /** Folder copied to a temporary workspace, so tests may edit files on disk. */
  fixture: string;
  /** Offer pull diagnostics (textDocument/diagnostic) like VS Code does; push otherwise. */
  pullDiagnostics?: boolean;
  settings?: Record<string, unknown>;
  /**
   * Answers the server's window/workDoneProgress/create only once this settles. The server awaits it
   * before its workspace scan, so a test can warm the server up and then let the scan start.
   */
  progressCreation?: Promise<void>;
  /**
   * Answers the server's workspace/configuration only once this settles. The server reads a folder's settings
   * before it serves any request about the folder, so a test can hold a request in flight (to cancel it there).
   */
  configurationAnswer?: Promise<void>;
  /**
   * Runs the built server (dist/server.js --stdio) in its own process. For timings: a server in band
   * shares this process's event loop with the client, so every message the client handles waits for
   * the server's work too.
   */
  ownProcess?: boolean;
  /** The file system the in-band server reads through (default: the real one), e.g. one that fails on purpose. */
  host?: WorkspaceHost;
  /** Folders of the fixture (relative) that are the workspace folders, in order (a multi-root workspace); default: its root. */
  workspaceFolders?: string[];
  /** Wraps the closed-file checker the in-band server makes for each folder (to see it disposed, say). */
  wrapClosedFileChecker?: (root: string, checker: ClosedFileChecker) => ClosedFileChecker;
}

/**
 * A language client for tests, talking JSON-RPC to the real server over in-band streams:
 * every message is serialized and parsed exactly as over stdio. With `ownProcess`, to the built
 * server over its stdio.
 */
export class LspTestClient {
  readonly root: string;
  readonly connection: MessageConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly statuses: PlanStatus[] = [];
  private settingsGeneration = 0;
  private settingsPulled: { generation: number; statuses: number } | undefined;
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly logs: string[] = [];
  /** Messages the server logged with type Error (connection.console.error): a handler that failed inside the server. */
  readonly errorLogs: string[] = [];
  /** publishDiagnostics notifications received so far, to tell when the server has gone quiet. */
  publicationCount = 0;
  /** Every publishDiagnostics notification, in the order received. */
  readonly publications: PublishDiagnosticsParams[] = [];
  /** The server's workspace/codeLens/refresh and workspace/diagnostic/refresh requests, by method, in order. */
  readonly refreshes: string[] = [];
  /** What the server answered to initialize. */
  initializeResult!: InitializeResult;
  /** Work-done progress the server created, by token, with what it reported (begin, report..., end). */
  readonly progress = new Map<string | number, { kind: string; message?: string; percentage?: number }[]>();
  private readonly versions = new Map<string, number>();
  private waiters: (() => void)[] = [];
  private settings: Record<string, unknown>;
  private streams: PassThrough[] = [];
  private child?: ChildProcessWithoutNullStreams;
  /** What the server in its own process wrote to stderr (read, so a full pipe never stalls it). */
  stderr = '';

  private constructor(root: string, connection: MessageConnection, settings: Record<string, unknown>) {
    this.root = root;
    this.connection = connection;
    this.settings = settings;
  }

  /**
   * Drops the records of what the server sent so far (publications, refreshes, logs, applied edits, ended
   * progress; the latest status and the latest ended progress stay), so a long fuzz run holds only what it
   * still looks at: over 100,000 operations the kept publications alone grew the heap by about 50 MB. Error
   * logs stay: every one of them fails the run.
   */
  forgetHistory(): void {
    this.publications.length = 0;
    this.refreshes.length = 0;
    this.statuses.splice(0, this.statuses.length - 1);
    this.logs.length = 0;
    this.appliedEdits.length = 0;
    const ended = [...this.progress].filter(([, values]) => values.some((value) => value.kind === 'end'));
    for (const [token] of ended.slice(0, -1)) this.progress.delete(token);
  }

  static async start(options: LspTestOptions): Promise<LspTestClient> {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tracklint-lsp-')));
    cpSync(options.fixture, root, { recursive: true });
    let connection: MessageConnection;
    let streams: PassThrough[] = [];
    let child: ChildProcessWithoutNullStreams | undefined;
    if (options.ownProcess) {
      child = spawn(process.execPath, [path.resolve(__dirname, '../../dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    } else {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      // A host of the test's (one that injects faults) serves the closed-file checks too, on this thread: a worker has its own.
      const base = options.host ? { ...nodeRuntime, host: options.host, closedFileChecker: inThreadClosedFileChecker(options.host) } : nodeRuntime;
      const wrap = options.wrapClosedFileChecker;
      const runtime = wrap ? { ...base, closedFileChecker: (root: string) => wrap(root, base.closedFileChecker(root)) } : base;
      startServer(serverConnection, runtime);
      connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
      streams = [toServer, toClient];
    }
    const client = new LspTestClient(root, connection, { debounce: 0, ...options.settings });
    client.streams = streams;
    client.child = child;
    child?.stderr.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      await options.configurationAnswer;
      client.settingsPulled = { generation: client.settingsGeneration, statuses: client.statuses.length };
      return params.items.map(() => client.settings);
    });
    connection.onRequest('window/workDoneProgress/create', async (params: { token: string | number }) => {
      await options.progressCreation;
      client.progress.set(params.token, []);
      client.notify();
      return null;
    });
    connection.onRequest('client/registerCapability', () => null);
    for (const method of ['workspace/codeLens/refresh', 'workspace/diagnostic/refresh']) {
      connection.onRequest(method, () => {
        client.refreshes.push(method);
        client.notify();
        return null;
      });
    }
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      client.appliedEdits.push(params.edit);
      client.notify();
      return { applied: true };
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params);
      client.publications.push(params);
      client.publicationCount++;
      if (process.env.LSP_DEBUG) console.log("publish", params.uri.split("/").pop(), params.version, JSON.stringify(params.diagnostics.map((d) => d.code)));
      client.notify();
    });
    connection.onNotification('tracklint/planStatus', (status: PlanStatus) => {
      client.statuses.push(status);
      client.notify();
    });
    connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      client.logs.push(params.message);
      if (params.type === 1) client.errorLogs.push(params.message);
    });
    connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; message?: string; percentage?: number } }) => {
      client.progress.get(params.token)?.push(params.value);
      client.notify();
    });
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      // No process id: with one, the server polls for this process every few seconds and the test run never ends.
      processId: null,
      rootUri: URI.file(root).toString(),
      workspaceFolders: options.workspaceFolders
        ? options.workspaceFolders.map((folder) => ({ uri: URI.file(path.join(root, folder)).toString(), name: folder }))
        : [{ uri: URI.file(root).toString(), name: 'test' }],
      capabilities: {
        workspace: {
          configuration: true,
          // As VS Code: the client tells the server when workspace folders are added or removed.
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          codeLens: { refreshSupport: true },
          // As VS Code: a client that pulls diagnostics pulls them again when the server asks.
          ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
        },
        window: { workDoneProgress: true },
        textDocument: {
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
          completion: { completionItem: { snippetSupport: true } },
          // As VS Code: textDocument/prepareRename before a rename.
          rename: { prepareSupport: true },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    connection.sendNotification('initialized', {});
    return client;
  }

  path(relative: string): string {
    return path.join(this.root, relative);
  }

  uri(relative: string): string {
    return URI.file(this.path(relative)).toString();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Resolves when `condition` holds, re-checked on every message from the server; fails after `timeout` ms. */
  /** Waits until the server has reported work-done progress and every one has ended (the workspace checks). */
  waitForChecksToEnd(): Promise<true> {
    return this.waitFor('every workspace check to end', () => (this.progress.size > 0 && [...this.progress.values()].every((values) => values.some((v) => v.kind === 'end'))) || undefined);
  }

  async waitFor<T>(what: string, condition: () => T | undefined, timeout = 20_000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = condition();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Diagnostics published for a file, once a publication satisfies `accept` (default: any, for the current version). */
  waitForDiagnostics(relative: string, accept: (diagnostics: Diagnostic[], version?: number) => boolean = () => true): Promise<Diagnostic[]> {
    const uri = this.uri(relative);
    return this.waitFor(`diagnostics of ${relative}`, () => {
      const published = this.diagnostics.get(uri);
      if (!published) return undefined;
      const current = this.versions.get(uri);
      if (current !== undefined && published.version !== undefined && published.version !== current) return undefined;
      return accept(published.diagnostics, published.version) ? published.diagnostics : undefined;
    });
  }

  open(relative: string, text: string, languageId = 'typescript'): void {
    const uri = this.uri(relative);
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a valid content change in incremental sync too). */
  change(relative: string, text: string): number {
    const uri = this.uri(relative);
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(relative: string): void {
    const uri = this.uri(relative);
    this.versions.delete(uri);
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * Changes the settings the server pulls, and resolves once it has re-read them. Waits until the server has pulled these settings and reported a status after that: a status sent for
   * some earlier validation must not count as the settings being applied.
   */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = { debounce: 0, ...settings };
    const generation = ++this.settingsGeneration;
    this.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await this.waitFor('the server to apply the settings', () => {
      const pulled = this.settingsPulled;
      return (pulled?.generation === generation && this.statuses.length > pulled.statuses) || undefined;
    });
  }

  /** Adds and removes workspace folders (folders of the fixture, relative), as workspace/didChangeWorkspaceFolders. */
  changeWorkspaceFolders(change: { added?: string[]; removed?: string[] }): void {
    const folders = (list: string[] = []) => list.map((folder) => ({ uri: this.uri(folder), name: folder }));
    this.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: folders(change.added), removed: folders(change.removed) } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      // No `exit` in band: the server shares this process, and `exit` ends the process (the stdio test covers it).
      await this.connection.sendRequest('shutdown');
      if (this.child) {
        const exited = new Promise((resolve) => this.child!.once('exit', resolve));
        await this.connection.sendNotification('exit');
        await exited;
      }
    } catch {
      // The server may already be gone.
    }
    this.child?.kill();
    this.connection.dispose();
    for (const stream of this.streams) stream.end();
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Splits `a|b` into the text without the marker and the marker's position (vscode-json-languageservice style). */
export function cursor(textWithCursor: string): { text: string; position: { line: number; character: number } } {
  const offset = textWithCursor.indexOf('|');
  if (offset < 0) throw new Error('no | cursor in the text');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/** Applies LSP text edits to a text (edits must not overlap), as an editor would. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
