import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { collectSourceFiles } from '../../server/src/core/workspace';
import { countByRule, matchCallSites, missedCount, missedSites, parseCallSummary, seededSample, type CallSummary, type PatternSite, type ReportedPlace } from './measure';

/**
 * `npx tsx scripts/corpus/run.ts [--only NAME] [--corpus DIR] [--reuse] [--json | --markdown] [--sample SEED]`:
 * runs the built CLI's check, coverage and wrappers over the public repositories listed in
 * scripts/corpus/corpus.json, checked out (never committed) at DIR/<owner>+<name>, and prints per
 * repository the call sites judged, dynamic, not judged and missed against an independent count made
 * with the list's patterns, and the findings per rule. Raw outputs go to DIR/results/<owner>+<name>/;
 * --reuse reads them instead of running the CLI again. --sample SEED writes, per rule, the findings to
 * read by hand (all under 60, else a seeded random 30) to DIR/results/<owner>+<name>/sample.txt.
 */

interface CorpusEntry {
  repo: string;
  commit: string;
  /** A tracking plan inside the repository, or null: a plan drafted by `init --from-code` into DIR/plans. */
  plan: string | null;
  /** Regular expressions that match every analytics call site (SDK calls and calls of the wrappers). */
  patterns: string[];
  ignore: string[];
  /** `file:line` of pattern matches that are not call sites: the SDK call inside a wrapper's own body. */
  excludeSites?: string[];
  shape: string;
}

interface CommandRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  seconds: number;
}

interface EslintMessage {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

interface CoverageSiteJson {
  file: string;
  line: number;
  column: number;
}

interface CoverageJson {
  planned: { sites: CoverageSiteJson[] }[];
  unplanned: { sites: CoverageSiteJson[] }[];
  dynamic: CoverageSiteJson[];
}

export interface RepositoryRow {
  name: string;
  commit: string;
  plan: string;
  files: number;
  independent: number;
  judged: number;
  dynamic: number;
  notJudged: number;
  missed: number;
  countedBy: 'summary line' | 'fallback: coverage sites + dynamic-event-name + unchecked-call findings';
  findings: Record<string, number>;
  wrappers: number | null;
  seconds: { init: number | null; check: number; coverage: number; wrappers: number };
  missedSites: { file: string; line: number; text: string }[];
  /** Commands that failed (no JSON): their counts are missing from the row. */
  errors: string[];
}

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/tracklint.js');
const SAMPLE_ALL_BELOW = 60;
const SAMPLE_SIZE = 30;
const COMMAND_TIMEOUT_MS = 30 * 60 * 1000;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

function runCliCommand(args: string[], cwd: string, outputDir: string, label: string): Promise<CommandRun> {
  const stdoutFile = path.join(outputDir, `${label}.stdout`);
  const stderrFile = path.join(outputDir, `${label}.stderr`);
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const start = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=6144', cli, ...args], { cwd, stdio: ['ignore', out, err] });
    const timer = setTimeout(() => child.kill('SIGTERM'), COMMAND_TIMEOUT_MS);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      const seconds = (performance.now() - start) / 1000;
      const run = { stdout: readFileSync(stdoutFile, 'utf8'), stderr: readFileSync(stderrFile, 'utf8'), exitCode, seconds };
      writeFileSync(path.join(outputDir, `${label}.meta.json`), JSON.stringify({ exitCode, seconds }));
      resolve(run);
    });
  });
}

function cachedRun(outputDir: string, label: string): CommandRun | undefined {
  const meta = path.join(outputDir, `${label}.meta.json`);
  if (!existsSync(meta)) return undefined;
  const { exitCode, seconds } = JSON.parse(readFileSync(meta, 'utf8')) as { exitCode: number | null; seconds: number };
  return { stdout: readFileSync(path.join(outputDir, `${label}.stdout`), 'utf8'), stderr: readFileSync(path.join(outputDir, `${label}.stderr`), 'utf8'), exitCode, seconds };
}

function checkedOutCommit(dir: string): string | undefined {
  const marker = path.join(dir, '.corpus-commit');
  if (existsSync(marker)) return readFileSync(marker, 'utf8').trim();
  const head = path.join(dir, '.git', 'HEAD');
  if (!existsSync(head)) return undefined;
  const ref = readFileSync(head, 'utf8').trim();
  if (!ref.startsWith('ref: ')) return ref;
  const refFile = path.join(dir, '.git', ref.slice(5));
  return existsSync(refFile) ? readFileSync(refFile, 'utf8').trim() : undefined;
}

/** The command's JSON, or undefined (and the failure in `errors`) when it printed none: a crash is a result too. */
function parseJson<T>(run: CommandRun, label: string, errors: string[]): T | undefined {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    errors.push(`${label} printed no JSON (exit ${run.exitCode}): ${run.stderr.split('\n').slice(0, 2).join(' ').slice(0, 300)}`);
    return undefined;
  }
}

function distinctSites(sites: CoverageSiteJson[]): CoverageSiteJson[] {
  const byPosition = new Map<string, CoverageSiteJson>();
  for (const site of sites) byPosition.set(`${site.file}:${site.line}:${site.column}`, site);
  return [...byPosition.values()];
}

function relativeTo(dir: string, file: string): string {
  return path.relative(dir, path.resolve(dir, file)).split(path.sep).join('/');
}

async function measureRepository(entry: CorpusEntry, corpusDir: string, reuse: boolean, sampleSeed: number | undefined): Promise<RepositoryRow> {
  const name = entry.repo.replace('/', '+');
  const dir = path.join(corpusDir, name);
  if (!existsSync(dir)) throw new Error(`${name}: no checkout at ${dir}`);
  const commit = checkedOutCommit(dir);
  if (commit !== entry.commit) throw new Error(`${name}: checked out ${commit ?? 'an unknown commit'}, the list says ${entry.commit}`);
  const outputDir = path.join(corpusDir, 'results', name);
  mkdirSync(outputDir, { recursive: true });

  const plan = entry.plan ? path.join(dir, entry.plan) : path.join(corpusDir, 'plans', `${name}.yaml`);
  let initSeconds: number | null = null;
  if (!existsSync(plan)) {
    mkdirSync(path.dirname(plan), { recursive: true });
    const init = await runCliCommand(['init', '--from-code', '.', '--out', plan], dir, outputDir, 'init');
    if (init.exitCode !== 0) throw new Error(`${name}: init --from-code failed (exit ${init.exitCode}): ${init.stderr.slice(-2000)}`);
    initSeconds = init.seconds;
  } else if (existsSync(path.join(outputDir, 'init.meta.json'))) {
    initSeconds = (JSON.parse(readFileSync(path.join(outputDir, 'init.meta.json'), 'utf8')) as { seconds: number }).seconds;
  }
  const ignores = entry.ignore.flatMap((glob) => ['--ignore', glob]);
  const run = async (label: string, args: string[]) => (reuse && cachedRun(outputDir, label)) || runCliCommand(args, dir, outputDir, label);
  const check = await run('check', ['check', '.', '--plan', plan, '--format', 'json', ...ignores]);
  const coverage = await run('coverage', ['coverage', '.', '--plan', plan, '--format', 'json', ...ignores]);
  const wrappers = await run('wrappers', ['wrappers', '.', '--plan', plan, '--format', 'json', ...ignores]);

  const errors: string[] = [];
  const results = parseJson<{ filePath: string; messages: EslintMessage[] }[]>(check, 'check', errors) ?? [];
  const findings = results.flatMap((r) => r.messages.map((m) => ({ ...m, file: relativeTo(dir, r.filePath) })));
  const coverageReport = parseJson<CoverageJson>(coverage, 'coverage', errors) ?? { planned: [], unplanned: [], dynamic: [] };
  // Coverage lists a call once per name it can send (a union-typed name, many): a site is one position.
  const judgedSites = distinctSites([...coverageReport.planned.flatMap((p) => p.sites), ...coverageReport.unplanned.flatMap((u) => u.sites)]);
  let wrapperCount: number | null = null;
  try {
    const listed = JSON.parse(wrappers.stdout) as unknown;
    wrapperCount = Array.isArray(listed) ? listed.length : Array.isArray((listed as { wrappers?: unknown[] }).wrappers) ? (listed as { wrappers: unknown[] }).wrappers.length : null;
  } catch {
    wrapperCount = null;
    errors.push(`wrappers printed no JSON (exit ${wrappers.exitCode})`);
  }

  const summary: CallSummary | undefined = parseCallSummary(check.stderr);
  const counts = summary ?? {
    calls: 0,
    judged: judgedSites.length,
    dynamic: findings.filter((f) => f.ruleId === 'dynamic-event-name').length,
    notJudged: findings.filter((f) => f.ruleId === 'unchecked-call').length,
  };

  const files = await collectSourceFiles([dir], { ignore: entry.ignore });
  const sites: PatternSite[] = [];
  const excluded = new Set(entry.excludeSites ?? []);
  for (const file of files) sites.push(...matchCallSites(relativeTo(dir, file), readFileSync(file, 'utf8'), entry.patterns).filter((s) => !excluded.has(`${s.file}:${s.line}`)));
  const reported: ReportedPlace[] = [
    ...findings.map((f) => ({ file: f.file, line: f.line })),
    ...judgedSites.map((s) => ({ file: relativeTo(dir, s.file), line: s.line })),
    ...coverageReport.dynamic.map((s) => ({ file: relativeTo(dir, s.file), line: s.line })),
  ];
  const missed = missedSites(sites, reported);
  writeFileSync(path.join(outputDir, 'sites.json'), JSON.stringify({ sites, missed }, null, 1));

  if (sampleSeed !== undefined) writeFileSync(path.join(outputDir, 'sample.txt'), drawSample(dir, findings, sampleSeed));

  return {
    name,
    commit: entry.commit,
    plan: entry.plan ?? 'drafted by init --from-code',
    files: files.length,
    independent: sites.length,
    judged: counts.judged,
    dynamic: counts.dynamic,
    notJudged: counts.notJudged,
    missed: missedCount(sites.length, counts),
    countedBy: summary ? 'summary line' : 'fallback: coverage sites + dynamic-event-name + unchecked-call findings',
    findings: countByRule(findings.map((f) => f.ruleId)),
    wrappers: wrapperCount,
    seconds: { init: initSeconds, check: check.seconds, coverage: coverage.seconds, wrappers: wrappers.seconds },
    missedSites: missed.map((s) => ({ file: s.file, line: s.line, text: s.text })),
    errors,
  };
}

/** Per rule, the findings to read by hand with the source line each points at. */
function drawSample(dir: string, findings: (EslintMessage & { file: string })[], seed: number): string {
  const byRule = new Map<string, (EslintMessage & { file: string })[]>();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  const lines: string[] = [];
  for (const [rule, all] of [...byRule.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const drawn = all.length < SAMPLE_ALL_BELOW ? all : seededSample(all, SAMPLE_SIZE, seed);
    lines.push(`## ${rule}: ${drawn.length} of ${all.length} (seed ${seed})`);
    for (const f of drawn) {
      const source = readFileSync(path.join(dir, f.file), 'utf8').split('\n')[f.line - 1]?.trim() ?? '';
      lines.push(`${f.file}:${f.line}:${f.column}  ${f.message}`, `    ${source.slice(0, 200)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatRow(row: RepositoryRow): string {
  const rules = Object.entries(row.findings).map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none';
  const s = row.seconds;
  const seconds = `check ${s.check.toFixed(0)} s, coverage ${s.coverage.toFixed(0)} s, wrappers ${s.wrappers.toFixed(0)} s${s.init !== null ? `, init ${s.init.toFixed(0)} s` : ''}`;
  const missedList = row.missedSites.slice(0, 8).map((m) => `    missed ${m.file}:${m.line}  ${m.text.slice(0, 120)}`);
  return [
    `${row.name} @ ${row.commit.slice(0, 12)}  (${row.files} files, plan: ${row.plan})`,
    `  call sites (independent count): ${row.independent}  judged ${row.judged}  dynamic ${row.dynamic}  not judged ${row.notJudged}  missed ${row.missed} (${row.missedSites.length} pattern sites with no report nearby)`,
    `  counted by: ${row.countedBy}`,
    `  wrappers listed: ${row.wrappers ?? '?'}`,
    `  findings: ${rules}`,
    `  time: ${seconds}`,
    ...row.errors.map((e) => `  FAILED: ${e}`),
    ...missedList,
  ].join('\n');
}

/** The baseline table of docs/accuracy.md. */
function markdownTable(rows: RepositoryRow[]): string {
  const lines = [
    '| repository | files | call sites | judged | dynamic | not judged | missed | sites with no report | judged or reported | findings per rule | check / coverage / wrappers (s) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const row of rows) {
    // Seen = pattern sites with a report near them: the arithmetic count can pair a judged call with another site.
    const reported = row.independent ? `${Math.round((100 * (row.independent - row.missedSites.length)) / row.independent)} %` : '—';
    const rules = Object.entries(row.findings).map(([rule, n]) => `${rule} ${n}`).join(', ') || '—';
    const s = row.seconds;
    const failed = row.errors.length ? ` (${row.errors.map((e) => e.split(' ')[0]).join(', ')} failed)` : '';
    lines.push(`| ${row.name.replace('+', '/')}${failed} | ${row.files} | ${row.independent} | ${row.judged} | ${row.dynamic} | ${row.notJudged} | ${row.missed} | ${row.missedSites.length} | ${reported} | ${rules} | ${s.check.toFixed(0)} / ${s.coverage.toFixed(0)} / ${s.wrappers.toFixed(0)} |`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const corpusDir = path.resolve(option(args, '--corpus') ?? '/work/corpus');
  const only = option(args, '--only');
  const sampleSeed = option(args, '--sample');
  const list = JSON.parse(readFileSync(path.join(__dirname, 'corpus.json'), 'utf8')) as { repositories: CorpusEntry[] };
  const entries = list.repositories.filter((e) => !only || e.repo === only || e.repo.replace('/', '+') === only);
  if (!entries.length) throw new Error(`No repository in corpus.json is named ${only}`);
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const rows: RepositoryRow[] = [];
  for (const entry of entries) {
    const row = await measureRepository(entry, corpusDir, args.includes('--reuse'), sampleSeed === undefined ? undefined : Number(sampleSeed));
    rows.push(row);
    if (!args.includes('--json') && !args.includes('--markdown')) process.stdout.write(`${formatRow(row)}\n\n`);
  }
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  if (args.includes('--markdown')) process.stdout.write(markdownTable(rows));
}

main().catch((error: Error) => {
  process.stderr.write(`corpus: ${error.message}\n`);
  process.exitCode = 1;
});
