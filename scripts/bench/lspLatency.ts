import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';

export interface LatencyResult {
  initializeToFirstDiagnosticsMs: number;
  scanToAllDiagnosticsMs: number;
  edits: number;
  editToDiagnosticsMs: { median: number; p95: number };
  completionMs: { median: number; p95: number };
  hoverMs: { median: number; p95: number };
  /** Hover and completion asked back to back on the opened file while the workspace scan runs. */
  duringScan: { requests: number; hoverMs: { median: number; p95: number; max: number }; completionMs: { median: number; p95: number; max: number } };
  serverRssBytes: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Drives the shipped server (dist/server.js --stdio) like an editor does, with debounce 0, and times it. */
export async function measureLsp(root: string, workspace: string, fileToEdit: string, edits = 300): Promise<LatencyResult> {
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server while it is measured.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map<string, { version: number; resolve: () => void }>();
  let scanDone: (() => void) | undefined;
  const scanFinished = new Promise<void>((resolve) => (scanDone = resolve));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ debounce: 0 })));
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
    if (params.value.kind === 'end') scanDone?.();
  });
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const waiter = waiters.get(params.uri);
    if (waiter && params.version === waiter.version) {
      waiters.delete(params.uri);
      waiter.resolve();
    }
  });
  connection.listen();
  const uri = URI.file(fileToEdit).toString();
  const diagnosticsOf = (version: number) => new Promise<void>((resolve) => waiters.set(uri, { version, resolve }));

  const start = performance.now();
  await connection.sendRequest('initialize', {
    processId: null,
    rootUri: URI.file(workspace).toString(),
    workspaceFolders: [{ uri: URI.file(workspace).toString(), name: 'bench' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
  });
  connection.sendNotification('initialized', {});
  const original = readFileSync(fileToEdit, 'utf8');
  let version = 1;
  const first = diagnosticsOf(version);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text: original } });
  await first;
  const initializeToFirstDiagnosticsMs = performance.now() - start;

  const originalLines = original.split('\n');
  const callLine = originalLines.findIndex((l) => l.includes(".track('") || l.includes('.track(EVENTS.'));
  const character = originalLines[callLine].indexOf('track(') + 8;
  const at = { textDocument: { uri }, position: { line: callLine, character } };
  const timed = async (method: string) => {
    const t = performance.now();
    await connection.sendRequest(method, at);
    return performance.now() - t;
  };
  let scanning = true;
  void scanFinished.then(() => (scanning = false));
  const scanHovers: number[] = [];
  const scanCompletions: number[] = [];
  while (scanning) {
    scanHovers.push(await timed('textDocument/hover'));
    scanCompletions.push(await timed('textDocument/completion'));
  }
  const scanToAllDiagnosticsMs = performance.now() - start;

  // Typing: append characters to a comment at the end, one keystroke per edit, waiting for each result.
  const editTimes: number[] = [];
  let text = original + '\n// ';
  for (let i = 0; i < edits; i++) {
    text += String.fromCharCode(97 + (i % 26));
    version++;
    const done = diagnosticsOf(version);
    const t = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    await done;
    editTimes.push(performance.now() - t);
  }

  // The edits appended to the end: the call is where it was.
  const completionTimes: number[] = [];
  const hoverTimes: number[] = [];
  for (let i = 0; i < 100; i++) {
    completionTimes.push(await timed('textDocument/completion'));
    hoverTimes.push(await timed('textDocument/hover'));
  }
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const serverRssBytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  connection.dispose();
  const stats = (values: number[]) => ({ median: percentile(values, 50), p95: percentile(values, 95) });
  const withMax = (values: number[]) => ({ ...stats(values), max: Math.max(...values) });
  return {
    initializeToFirstDiagnosticsMs,
    scanToAllDiagnosticsMs,
    edits,
    editToDiagnosticsMs: stats(editTimes),
    completionMs: stats(completionTimes),
    hoverMs: stats(hoverTimes),
    duringScan: { requests: scanHovers.length, hoverMs: withMax(scanHovers), completionMs: withMax(scanCompletions) },
    serverRssBytes,
  };
}
