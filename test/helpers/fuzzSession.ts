import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { LspTestClient } from './lspClient';
import type { Random } from './fuzzRandom';
import { randomInsertion, type Vocabulary } from './fuzzText';

/** JSON-RPC error codes a client must accept: the server gave up a request because it was cancelled or the text moved on. */
const REQUEST_CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;

export interface FuzzSessionOptions {
  name: string;
  /** Source files of the workspace (relative) the fuzzer opens and edits. */
  files: string[];
  /** The plan file (relative): edited rarely, and whenever a code action's edit targets it. */
  planFile: string;
  vocabulary: Vocabulary;
  /** The client pulls diagnostics (textDocument/diagnostic) instead of receiving them. */
  pull: boolean;
  /** Runs after every batch; may throw to stop the run (a watchdog). */
  afterBatch?: () => void;
}

interface OpenDocument {
  relative: string;
  document: TextDocument;
}

/** A request whose answer is looked at once the batch is awaited (code actions whose edit may be applied). */
interface Followup {
  /** The version of every open document when the request was sent: an edit applies only to those same texts. */
  versions: Map<string, number>;
  actions: Promise<CodeAction[] | null | undefined>;
}

/**
 * One fuzzed editor session: keeps the client's own model of every open document (the text the
 * server must end up with), sends random operations without waiting for their answers, and records
 * every answer that is neither a result nor an allowed cancellation.
 */
export class FuzzSession {
  readonly documents = new Map<string, OpenDocument>();
  readonly unexpectedErrors: string[] = [];
  readonly counts: Record<string, number> = {};
  /** The last operations, to replay a failure by hand. */
  readonly recent: string[] = [];
  /** The plan text the server must be using: the last one that loaded without errors (a broken plan keeps the last good one). */
  planTextsInOrder: string[] = [];
  private inFlight: Promise<unknown>[] = [];
  private followups: Followup[] = [];
  private readonly scratch = 'src/fuzz-scratch.ts';

  constructor(
    readonly client: LspTestClient,
    private readonly random: Random,
    readonly options: FuzzSessionOptions,
  ) {}

  get operations(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + n, 0);
  }

  private log(operation: string): void {
    this.counts[operation.split(' ')[0]] = (this.counts[operation.split(' ')[0]] ?? 0) + 1;
    this.recent.push(operation);
    if (this.recent.length > 40) this.recent.shift();
  }

  private diskText(relative: string): string {
    try {
      return readFileSync(this.client.path(relative), 'utf8');
    } catch {
      // A file that exists only in the editor (never saved).
      return `analytics.track('${this.random.pick(this.options.vocabulary.events)}', {});\n`;
    }
  }

  private languageIdOf(relative: string): string {
    if (relative.endsWith('.yaml') || relative.endsWith('.yml')) return 'yaml';
    if (relative.endsWith('.json')) return 'json';
    if (/\.[mc]?jsx?$/.test(relative)) return relative.endsWith('x') ? 'javascriptreact' : 'javascript';
    return relative.endsWith('x') ? 'typescriptreact' : 'typescript';
  }

  /** Runs `count` operations, awaiting the answers every `batch` operations (pipelined, as a busy editor sends them). */
  async run(count: number, batch = 40): Promise<void> {
    for (let done = 0; done < count; ) {
      let inBatch = 0;
      while (inBatch < batch && done < count) {
        const { sent, endBatch } = this.step();
        done += sent;
        inBatch += sent;
        if (endBatch) break;
      }
      await this.flush();
      this.options.afterBatch?.();
    }
  }

  /** Awaits every request in flight, then applies the edits of code actions answered for a text that has not changed since. */
  async flush(): Promise<void> {
    const inFlight = this.inFlight;
    const followups = this.followups;
    this.inFlight = [];
    this.followups = [];
    await Promise.all(inFlight);
    for (const followup of followups) {
      const withEdits = ((await followup.actions) ?? []).filter((a) => a.edit);
      if (!withEdits.length) continue;
      const edit = this.random.pick(withEdits).edit!;
      const targets = [...Object.keys(edit.changes ?? {}), ...(edit.documentChanges ?? []).flatMap((c) => ('textDocument' in c ? [c.textDocument.uri] : []))];
      if (targets.every((uri) => followup.versions.get(uri) === this.documents.get(uri)?.document.version)) this.applyWorkspaceEdit(edit);
    }
  }

  /** One random operation (a typing burst is several); says how many messages it sent and whether the batch should end (an edit waits to be applied). */
  step(): { sent: number; endBatch: boolean } {
    const open = [...this.documents.keys()];
    const closed = [...this.options.files, this.scratch].filter((f) => !this.documents.has(this.client.uri(f)));
    const weights = {
      open: closed.length ? (open.length ? 2 : 100) : 0,
      close: open.length > 1 ? 1 : 0,
      change: open.length ? 40 : 0,
      completion: open.length ? 12 : 0,
      hover: open.length ? 10 : 0,
      codeAction: open.length ? 10 : 0,
      definition: open.length ? 5 : 0,
      references: open.length ? 3 : 0,
      codeLens: open.length ? 2 : 0,
      pull: open.length && this.options.pull ? 6 : 0,
    };
    const operation = this.random.weighted(weights);
    if (operation === 'open') {
      this.open(this.random.pick(closed));
      return { sent: 1, endBatch: false };
    }
    // The plan is edited far less than code, as in real life: every plan change re-checks the workspace.
    const planUri = this.client.uri(this.options.planFile);
    const sources = open.filter((u) => u !== planUri);
    const uri = operation === 'change' && open.includes(planUri) && (this.random.chance(0.05) || !sources.length) ? planUri : this.random.pick(sources.length ? sources : open);
    const target = this.documents.get(uri)!;
    switch (operation) {
      case 'close':
        this.close(uri);
        return { sent: 1, endBatch: false };
      case 'change':
        return { sent: this.change(uri, target.document), endBatch: false };
      case 'codeAction':
        return { sent: 1, endBatch: this.codeAction(uri, target.document) };
      case 'pull':
        this.request('textDocument/diagnostic', { textDocument: { uri } });
        this.log(`pull ${target.relative}`);
        return { sent: 1, endBatch: false };
      case 'codeLens':
        this.request('textDocument/codeLens', { textDocument: { uri } });
        this.log(`codeLens ${target.relative}`);
        return { sent: 1, endBatch: false };
      default: {
        const position = this.randomPosition(target.document);
        const params = { textDocument: { uri }, position, ...(operation === 'references' ? { context: { includeDeclaration: this.random.chance(0.5) } } : {}) };
        this.request(`textDocument/${operation}`, params);
        this.log(`${operation} ${target.relative} ${position.line}:${position.character}`);
        return { sent: 1, endBatch: false };
      }
    }
  }

  open(relative: string, text = this.diskText(relative)): void {
    const uri = this.client.uri(relative);
    const languageId = this.languageIdOf(relative);
    this.documents.set(uri, { relative, document: TextDocument.create(uri, languageId, 1, text) });
    if (relative === this.options.planFile) this.planTextsInOrder.push(text);
    this.client.diagnostics.delete(uri);
    this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    this.log(`open ${relative} (${text.length} chars)`);
  }

  close(uri: string): void {
    const { relative } = this.documents.get(uri)!;
    this.documents.delete(uri);
    // The server reads the plan from disk again once its editor closes.
    if (relative === this.options.planFile) this.planTextsInOrder.push(this.diskText(relative));
    this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    this.log(`close ${relative}`);
  }

  /** Sends content changes, each relative to the text the previous one left (as LSP specifies). */
  private sendChanges(uri: string, changes: TextDocumentContentChangeEvent[]): void {
    const open = this.documents.get(uri)!;
    const version = open.document.version + 1;
    open.document = TextDocument.update(open.document, changes, version);
    if (open.relative === this.options.planFile) this.planTextsInOrder.push(open.document.getText());
    this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** One didChange, sometimes followed by a few more typing a word one character per message, as an editor sends keystrokes; returns the messages sent. */
  private change(uri: string, document: TextDocument): number {
    const { relative } = this.documents.get(uri)!;
    // Now and then the text goes back to the file on disk (undo all), so it does not decay into pure noise.
    if (document.getText().length > 4_000 || this.random.chance(0.01)) {
      this.sendChanges(uri, [{ text: this.diskText(relative) }]);
      this.log(`change ${relative} reset`);
      return 1;
    }
    const changes: { range: Range; text: string }[] = [];
    // TextDocument.update edits in place: each change is computed on a copy, the model is updated once, in sendChanges.
    const scratch = TextDocument.create(document.uri, document.languageId, document.version, document.getText());
    const count = 1 + (this.random.chance(0.2) ? this.random.int(3) : 0);
    for (let i = 0; i < count; i++) {
      const start = this.randomOffset(scratch);
      const text = scratch.getText();
      const kind = this.random.weighted({ insert: 5, delete: 3, replace: 3 });
      const length = kind === 'insert' ? 0 : Math.min(text.length - start, 1 + this.random.int(this.random.chance(0.1) ? 200 : 12));
      const range: Range = { start: scratch.positionAt(start), end: scratch.positionAt(start + length) };
      const newText = kind === 'delete' ? '' : randomInsertion(this.random, this.options.vocabulary);
      changes.push({ range, text: newText });
      TextDocument.update(scratch, [{ range, text: newText }], scratch.version);
    }
    this.sendChanges(uri, changes);
    this.log(`change ${relative} ${JSON.stringify(changes)}`);
    if (!this.random.chance(0.4)) return 1;
    const word = [...randomInsertion(this.random, this.options.vocabulary)].slice(0, 2 + this.random.int(3));
    // The cursor after the last change: its start did not move, since the change began there.
    const last = changes[changes.length - 1];
    let at = this.documents.get(uri)!.document.offsetAt(last.range.start) + last.text.length;
    for (const character of word) {
      const position = this.documents.get(uri)!.document.positionAt(at);
      this.sendChanges(uri, [{ range: { start: position, end: position }, text: character }]);
      this.log(`change ${relative} type ${JSON.stringify(character)} at ${position.line}:${position.character}`);
      at += character.length;
    }
    return 1 + word.length;
  }

  private codeAction(uri: string, document: TextDocument): boolean {
    const { relative } = this.documents.get(uri)!;
    // The diagnostics the editor shows now, possibly for an older text: exactly what a real editor sends.
    const published = this.options.pull ? [] : (this.client.diagnostics.get(uri)?.diagnostics ?? []);
    const around = published.length && this.random.chance(0.7) ? this.random.pick(published).range : undefined;
    const start = this.randomPosition(document);
    const range: Range = around ?? { start, end: this.random.chance(0.5) ? start : this.randomPosition(document) };
    const ordered = comparePositions(range.start, range.end) <= 0 ? range : { start: range.end, end: range.start };
    const diagnostics = published.filter((d) => overlaps(d.range, ordered));
    const only = this.random.pick([undefined, undefined, ['quickfix'], ['source.fixAll.tracklint'], ['source']]);
    const apply = this.random.chance(0.3);
    const actions = this.request<CodeAction[] | null>('textDocument/codeAction', { textDocument: { uri }, range: ordered, context: { diagnostics, ...(only ? { only } : {}) } });
    if (apply) this.followups.push({ versions: new Map([...this.documents].map(([u, open]) => [u, open.document.version])), actions });
    this.log(`codeAction ${relative} ${JSON.stringify(ordered)} ${diagnostics.length} diagnostics${apply ? ' (apply)' : ''}`);
    return apply;
  }

  /** Applies a workspace edit as an editor does: opening a target that is not open, then one change per edit, last edit first. */
  private applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>(Object.entries(edit.changes ?? {}));
    for (const change of edit.documentChanges ?? []) if ('edits' in change) byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
    for (const [uri, edits] of byUri) {
      if (!this.documents.has(uri)) this.open(path.relative(this.client.root, URI.parse(uri).fsPath).split(path.sep).join('/'));
      const document = this.documents.get(uri)!.document;
      const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
      this.sendChanges(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
      this.log(`apply ${this.documents.get(uri)!.relative} ${JSON.stringify(sorted)}`);
    }
  }

  /** Sends a request, sometimes cancelling it at once or a moment later; any answer but a result or a cancellation is recorded. */
  private request<R>(method: string, params: unknown): Promise<R | undefined> {
    const source = this.random.chance(0.1) ? new CancellationTokenSource() : undefined;
    const sent = source ? this.client.connection.sendRequest<R>(method, params, source.token) : this.client.connection.sendRequest<R>(method, params);
    if (source) {
      if (this.random.chance(0.5)) source.cancel();
      else setTimeout(() => source.cancel(), this.random.int(5));
    }
    const answered = sent.then(
      (result) => result,
      (error: { code?: number; message?: string }) => {
        if (error.code !== REQUEST_CANCELLED && error.code !== CONTENT_MODIFIED) {
          this.unexpectedErrors.push(`${method} ${JSON.stringify(params)} → ${error.code} ${error.message}`);
        }
        return undefined;
      },
    );
    this.inFlight.push(answered);
    return answered;
  }

  /** An offset, most often next to a string or a call (where the features have something to say), else anywhere. */
  private randomOffset(document: TextDocument): number {
    const text = document.getText();
    if (text.length && this.random.chance(0.6)) {
      const anchors: number[] = [];
      for (const match of text.matchAll(/track\(|['"`{},:]/g)) anchors.push(match.index!);
      if (anchors.length) return Math.min(text.length, this.random.pick(anchors) + this.random.int(6));
    }
    return this.random.int(text.length + 1);
  }

  /** A position in the text, and now and then one past the end of its line or of the document (clients do send those). */
  private randomPosition(document: TextDocument): Position {
    if (this.random.chance(0.03)) return { line: document.lineCount + this.random.int(3), character: this.random.int(200) };
    const position = document.positionAt(this.randomOffset(document));
    if (this.random.chance(0.03)) return { line: position.line, character: position.character + 50 + this.random.int(100) };
    return position;
  }

  /** The client's final texts of the open documents, by URI. */
  finalTexts(): Map<string, { relative: string; text: string; version: number }> {
    return new Map([...this.documents].map(([uri, open]) => [uri, { relative: open.relative, text: open.document.getText(), version: open.document.version }]));
  }

  /** The diagnostics the editor would show for each open document now: the last publication (push) or a pull. */
  async shownDiagnostics(): Promise<Map<string, Diagnostic[]>> {
    const shown = new Map<string, Diagnostic[]>();
    for (const uri of this.documents.keys()) {
      if (this.options.pull) {
        const report = await this.client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        shown.set(uri, report.items);
      } else shown.set(uri, this.client.diagnostics.get(uri)?.diagnostics ?? []);
    }
    return shown;
  }
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
