import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { generateWorkspace } from './generate';
import { measureLsp, type LatencyResult } from './lspLatency';

/**
 * `npm run bench [-- --sizes 500,2000,5000] [--skip-lsp]`: tracklint side by side with the TypeScript
 * compiler on generated workspaces. Prints a table and writes build/bench/results.json.
 */
const root = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1] : '500,2000,5000').split(',').map(Number);
const skipLsp = args.includes('--skip-lsp');
const cacheDir = path.join(tmpdir(), 'tracklint-bench');

interface Run {
  wallMs: number;
  peakRssBytes: number;
  exitCode: number | null;
}

/** Runs a command; peak RSS comes from the preload for Node processes and from /proc polling otherwise. */
function measure(command: string, commandArgs: string[], isNode: boolean): Promise<Run> {
  const rssFile = path.join(cacheDir, `rss-${process.pid}-${Date.now()}`);
  const env = { ...process.env, TRACKLINT_BENCH_RSS_FILE: rssFile };
  const start = performance.now();
  const child = isNode
    ? spawn(process.execPath, ['--require', path.join(__dirname, 'rss-preload.cjs'), command, ...commandArgs], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    : spawn(command, commandArgs, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  let polledPeak = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      polledPeak = Math.max(polledPeak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The process has exited.
    }
  }, 10);
  return new Promise((resolve) => {
    child.on('exit', (exitCode) => {
      clearInterval(poll);
      const wallMs = performance.now() - start;
      let peakRssBytes = polledPeak;
      if (existsSync(rssFile)) {
        peakRssBytes = Number(readFileSync(rssFile, 'utf8'));
        rmSync(rssFile);
      }
      resolve({ wallMs, peakRssBytes, exitCode });
    });
  });
}

const node = (script: string, ...rest: string[]) => measure(script, rest, true);

async function best(times: number, run: () => Promise<Run>): Promise<Run> {
  let result: Run | undefined;
  for (let i = 0; i < times; i++) {
    const next = await run();
    if (!result || next.wallMs < result.wallMs) result = next;
  }
  return result!;
}

interface SizeResult {
  files: number;
  tracklint: Run;
  /** The same check with wrapper inference turned off (`wrappers: { infer: false }`): what inference costs. */
  tracklintNoInference: Run;
  tsc6: Run;
  tsc7?: Run;
  parseFloor: Run;
  lsp?: LatencyResult;
}

async function main(): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(path.join(root, 'build/bench'), { recursive: true });
  const results: SizeResult[] = [];
  // The floor runs as plain JavaScript, like the tools it is compared with.
  const parseFloorScript = path.join(root, 'build/bench/parse-floor.js');
  await build({ entryPoints: [path.join(__dirname, 'parse-floor.ts')], outfile: parseFloorScript, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' });
  // The native compiler itself, not its Node launcher, so its own memory is what gets measured.
  const tsc7 = path.join(root, `node_modules/@typescript/typescript-${process.platform}-${process.arch}/lib/tsc`);
  for (const size of sizes) {
    const workspace = path.join(cacheDir, `ws-${size}`);
    generateWorkspace(workspace, size);
    process.stderr.write(`bench: ${size} files in ${workspace}\n`);
    const repeat = size >= 5000 ? 1 : 2;
    const tracklint = await best(repeat, () => node(path.join(root, 'dist/tracklint.js'), 'check', workspace, '--format', 'json'));
    const noInferencePlan = path.join(workspace, 'tracking-plan.no-inference.yaml');
    writeFileSync(noInferencePlan, `${readFileSync(path.join(workspace, 'tracking-plan.yaml'), 'utf8')}wrappers:\n  infer: false\n`);
    const tracklintNoInference = await best(repeat, () => node(path.join(root, 'dist/tracklint.js'), 'check', workspace, '--plan', noInferencePlan, '--format', 'json'));
    const tsc6 = await best(repeat, () => node(path.join(root, 'node_modules/typescript6/lib/tsc.js'), '--noEmit', '-p', workspace));
    const native = existsSync(tsc7) ? await best(repeat, () => measure(tsc7, ['--noEmit', '-p', workspace], false)) : undefined;
    const parseFloor = await best(repeat, () => node(parseFloorScript, workspace));
    const result: SizeResult = { files: size, tracklint, tracklintNoInference, tsc6, tsc7: native, parseFloor };
    if (!skipLsp && size === 2000) {
      const fileToEdit = path.join(workspace, 'src/features/f0/module3.ts');
      result.lsp = await measureLsp(root, workspace, fileToEdit);
    }
    results.push(result);
  }
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  mkdirSync(path.join(root, 'build/bench'), { recursive: true });
  writeFileSync(path.join(root, 'build/bench/results.json'), JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2));
  printTable(results, machine);
}

function printTable(results: SizeResult[], machine: Record<string, unknown>): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(`machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
  console.log('| files | tracklint check | tsc 6 --noEmit | tsc 7 (native) --noEmit | parse floor | ÷ tsc 6 | ÷ tsc 7 | ÷ parse | RSS tracklint | RSS tsc 6 | RSS ÷ tsc 6 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.files} | ${s(r.tracklint.wallMs)} | ${s(r.tsc6.wallMs)} | ${r.tsc7 ? s(r.tsc7.wallMs) : 'n/a'} | ${s(r.parseFloor.wallMs)} | ${ratio(r.tracklint.wallMs, r.tsc6.wallMs)} | ${r.tsc7 ? ratio(r.tracklint.wallMs, r.tsc7.wallMs) : 'n/a'} | ${ratio(r.tracklint.wallMs, r.parseFloor.wallMs)} | ${mb(r.tracklint.peakRssBytes)} | ${mb(r.tsc6.peakRssBytes)} | ${ratio(r.tracklint.peakRssBytes, r.tsc6.peakRssBytes)} |`,
    );
  }
  console.log('\nWrapper inference cost (cold check with inference ÷ without):');
  console.log('| files | with inference | without | cost |\n|---|---|---|---|');
  for (const r of results) console.log(`| ${r.files} | ${s(r.tracklint.wallMs)} | ${s(r.tracklintNoInference.wallMs)} | ${(((r.tracklint.wallMs / r.tracklintNoInference.wallMs) - 1) * 100).toFixed(0)} % |`);
  for (const r of results) {
    if (!r.lsp) continue;
    const l = r.lsp;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    console.log(`\nEditor latency over LSP (stdio), ${r.files} files, debounce 0:`);
    console.log('| measure | value |\n|---|---|');
    console.log(`| initialize → first diagnostics of an opened file | ${ms(l.initializeToFirstDiagnosticsMs)} |`);
    console.log(`| initialize → workspace scan done (all diagnostics published) | ${ms(l.scanToAllDiagnosticsMs)} |`);
    console.log(`| edit → diagnostics (${l.edits} edits), median / p95 | ${ms(l.editToDiagnosticsMs.median)} / ${ms(l.editToDiagnosticsMs.p95)} |`);
    console.log(`| completion, median / p95 | ${ms(l.completionMs.median)} / ${ms(l.completionMs.p95)} |`);
    console.log(`| hover, median / p95 | ${ms(l.hoverMs.median)} / ${ms(l.hoverMs.p95)} |`);
    const scan = l.duringScan;
    const triple = (v: { median: number; p95: number; max: number }) => (scan.requests ? `${ms(v.median)} / ${ms(v.p95)} / ${ms(v.max)}` : 'none: the scan ended first');
    console.log(`| during the scan (${scan.requests} of each): hover, median / p95 / max | ${triple(scan.hoverMs)} |`);
    console.log(`| during the scan: completion, median / p95 / max | ${triple(scan.completionMs)} |`);
    console.log(`| server RSS at the end | ${mb(l.serverRssBytes)} |`);
  }
}

void main();
