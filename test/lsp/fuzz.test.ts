import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver-types';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadPlan } from '../../server/src/core/plan/load';
import { IDLE_COLLECTION_DELAY_MS } from '../../server/src/node/closedFileWorker';
import { comparable, freshDiagnostics } from '../helpers/fuzzOracle';
import { fuzzOperationCount, fuzzSeed, Random } from '../helpers/fuzzRandom';
import { FuzzSession } from '../helpers/fuzzSession';
import type { Vocabulary } from '../helpers/fuzzText';
import { LspTestClient } from '../helpers/lspClient';
import { captureProcessFaults, fullCollection, settledMemory } from '../helpers/serverFaults';

const repo = path.resolve(__dirname, '../..');
const seed = fuzzSeed();
/** Operations after the warm-up; CI runs the default, `npm run fuzz` 100,000. */
const operations = fuzzOperationCount(10_000);
/**
 * Operations per session before memory is first measured: enough for the closed-file worker to reach the size
 * it keeps (its program grows from 42 MB after the first check to about 84 MB after some fifty), so growth
 * measured after it is what a long session adds, not the servers filling up.
 */
const warmUp = 1000;
const replay = `replay with TRACKLINT_FUZZ_SEED=${seed}`;
/**
 * Growth allowed between after the warm-up and after the run. Measured growth is 5-10 MB (noise of
 * two measurements after full collections). A program or checker kept per edit (megabytes each, one
 * per edit, ~6,000 edits) passes this bound within the first few hundred edits; so does any cache
 * keyed by document version. Leaks smaller than 25 KB per edit would hide below it.
 */
const MAX_HEAP_GROWTH_MB = 150;
/** RSS also counts what lives outside the JS heap (buffers, compiled code); it wanders by tens of MB between runs. */
const MAX_RSS_GROWTH_MB = 300;
/** How long the open documents' diagnostics may take to reach those of a fresh check once the session settled. */
const CONVERGENCE_MS = 10_000;

/**
 * Real workspaces: the LSP fixture (push, checked on every change), the CLI fixture with path aliases
 * and JS (push, with the default debounce, so edits pile up before a check), the shop example with
 * wrappers (pull, like VS Code).
 */
const WORKSPACES = [
  { name: 'lsp', fixture: 'test/fixtures/workspaces/lsp', files: ['src/events.ts', 'src/closed.ts', 'src/clean.ts'], pull: false, debounce: 0 },
  { name: 'basic', fixture: 'test/fixtures/workspaces/basic', files: ['src/app.ts', 'src/events.ts', 'src/legacy.js'], pull: false, debounce: 150 },
  {
    name: 'shop',
    fixture: 'examples/shop',
    files: ['src/pages/cart.ts', 'src/pages/checkout.ts', 'src/pages/product.tsx', 'src/analytics/trackEvent.ts', 'src/analytics/events.ts', 'src/server/webhooks.ts'],
    pull: true,
    debounce: 0,
  },
];

function vocabularyOf(planFile: string): Vocabulary {
  const plan = loadPlan(planFile, readFileSync(planFile, 'utf8')).plan!;
  const properties = new Set<string>();
  for (const entry of [...plan.events.values(), ...plan.pages.values()]) for (const name of Object.keys(entry.properties ?? {})) properties.add(name);
  return { events: [...plan.events.keys(), ...plan.pages.keys(), 'Order Complete', 'order_completed', ''], properties: [...properties, 'unplanned_key', 'Bad Key'] };
}

/** Memory once the servers are idle: each closed-file worker has collected its garbage, this thread its own. */
async function idleMemory(): Promise<{ heapUsed: number; rss: number }> {
  await new Promise((resolve) => setTimeout(resolve, IDLE_COLLECTION_DELAY_MS + 500));
  return settledMemory();
}

const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/**
 * Far above a healthy run (~150 MB live): a runaway allocation stops the run with its last operations, before
 * node aborts out of memory. Only live memory counts: after a moment with much alive (three servers each building
 * a program), V8 lets garbage pile up to a few times that before its next full collection (heap 1,559 MB, of
 * which 134 MB alive, in one traced run), so a heap past the alarm is collected and measured again.
 */
const HEAP_ALARM = 1536 * 1024 * 1024;

describe(`protocol fuzzer (seed ${seed}; ${replay})`, () => {
  const capture = captureProcessFaults();
  const sessions: FuzzSession[] = [];
  let afterWarmUp: { heapUsed: number; rss: number };

  before(async () => {
    for (const [index, workspace] of WORKSPACES.entries()) {
      const client = await LspTestClient.start({ fixture: path.join(repo, workspace.fixture), pullDiagnostics: workspace.pull, settings: { debounce: workspace.debounce } });
      const planFile = 'tracking-plan.yaml';
      const afterBatch = () => {
        client.forgetHistory();
        let { heapUsed } = process.memoryUsage();
        if (heapUsed <= HEAP_ALARM) return;
        fullCollection();
        heapUsed = process.memoryUsage().heapUsed;
        if (heapUsed > HEAP_ALARM) throw new Error(`heap at ${mb(heapUsed)} MB; ${replay}; last operations:\n${sessions.map((s) => `${s.options.name}:\n${s.recent.join('\n')}`).join('\n')}`);
      };
      // One generator per session, so each session's sequence depends on the seed alone, not on how the sessions interleave.
      sessions.push(
        new FuzzSession(client, new Random(seed + index * 7919), { name: workspace.name, files: workspace.files, planFile, vocabulary: vocabularyOf(client.path(planFile)), pull: workspace.pull, afterBatch }),
      );
    }
    await Promise.all(sessions.map((session) => session.run(warmUp)));
    afterWarmUp = await idleMemory();
  });

  after(async () => {
    for (const session of sessions) await session.client.stop();
    capture.dispose();
  });

  test(`${operations} operations: the server never crashes, never answers an error, never logs a failure`, async (t) => {
    const started = Date.now();
    const shares = WORKSPACES.map((_, i) => Math.floor(operations / WORKSPACES.length) + (i < operations % WORKSPACES.length ? 1 : 0));
    await Promise.all(sessions.map((session, i) => session.run(shares[i])));
    const seconds = (Date.now() - started) / 1000;
    const total = sessions.reduce((sum, s) => sum + s.operations, 0);
    t.diagnostic(`${total - warmUp * sessions.length} operations in ${seconds.toFixed(1)} s (seed ${seed})`);
    for (const session of sessions) t.diagnostic(`${session.options.name}: ${JSON.stringify(session.counts)}`);
    const recent = (session: FuzzSession) => `${replay}; last operations of ${session.options.name}:\n${session.recent.join('\n')}`;
    assert.deepEqual(capture.faults, [], replay);
    for (const session of sessions) {
      assert.deepEqual(session.client.errorLogs, [], recent(session));
      assert.deepEqual(session.unexpectedErrors, [], recent(session));
    }
  });

  test('then every open document shows the diagnostics of a fresh check of its final text', async () => {
    for (const session of sessions) {
      const { client } = session;
      const texts = session.finalTexts();
      // Settled: every check of the workspace ended, every open source file was published for its last version, and nothing more came for a while.
      await client.waitFor('every check of the workspace to end', () => [...client.progress.values()].every((values) => values.some((v) => v.kind === 'end')));
      if (!session.options.pull) {
        await client.waitFor('diagnostics of the final versions', () =>
          [...texts].every(([uri, { relative, version }]) => relative === session.options.planFile || client.diagnostics.get(uri)?.version === version),
        );
      }
      for (let seen = -1; seen !== client.publicationCount; ) {
        seen = client.publicationCount;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const fresh = await freshDiagnostics(client.root, texts, session.planTextsInOrder);
      // Converges, not "is equal at one instant": under load a plan reload (debounced) and the re-check it
      // starts may still be on their way after a quiet spell. A server that stays wrong fails after the wait.
      const matches = (shown: Map<string, Diagnostic[]>) => [...texts.keys()].every((uri) => isDeepStrictEqual(comparable(shown.get(uri)!), comparable(fresh.get(uri)!)));
      let shown = await session.shownDiagnostics();
      for (const deadline = Date.now() + CONVERGENCE_MS; !matches(shown) && Date.now() < deadline; shown = await session.shownDiagnostics()) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      for (const [uri, { relative, text }] of texts) {
        assert.deepEqual(comparable(shown.get(uri)!), comparable(fresh.get(uri)!), `${session.options.name} ${relative}; ${replay}; final text:\n${text}`);
      }
    }
  });

  test(`memory after the run stays within ${MAX_HEAP_GROWTH_MB} MB (heap) and ${MAX_RSS_GROWTH_MB} MB (RSS) of memory after the warm-up`, async (t) => {
    const afterRun = await idleMemory();
    t.diagnostic(`heap ${mb(afterWarmUp.heapUsed)} MB → ${mb(afterRun.heapUsed)} MB, RSS ${mb(afterWarmUp.rss)} MB → ${mb(afterRun.rss)} MB (after warm-up → after the run)`);
    assert.ok(afterRun.heapUsed - afterWarmUp.heapUsed < MAX_HEAP_GROWTH_MB * 1024 * 1024, `heap grew from ${mb(afterWarmUp.heapUsed)} MB to ${mb(afterRun.heapUsed)} MB; ${replay}`);
    assert.ok(afterRun.rss - afterWarmUp.rss < MAX_RSS_GROWTH_MB * 1024 * 1024, `RSS grew from ${mb(afterWarmUp.rss)} MB to ${mb(afterRun.rss)} MB; ${replay}`);
  });
});
