import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countByRule, matchCallSites, missedCount, missedSites, parseCallSummary, seededSample } from '../../scripts/corpus/measure';

describe('corpus measure: check summary line', () => {
  test('reads the counts from the last summary line of stderr', () => {
    const stderr = 'tracklint: some warning\ntracklint: 12 analytics calls: 9 judged, 2 dynamic, 1 not judged\n';
    assert.deepEqual(parseCallSummary(stderr), { calls: 12, judged: 9, dynamic: 2, notJudged: 1 });
  });

  test('one call, singular', () => {
    assert.deepEqual(parseCallSummary('tracklint: 1 analytics call: 1 judged, 0 dynamic, 0 not judged'), { calls: 1, judged: 1, dynamic: 0, notJudged: 0 });
  });

  test('no summary line (an older build): undefined, for the fallback', () => {
    assert.equal(parseCallSummary('tracklint: tsconfig.json:3:5: Unknown compiler option.\n'), undefined);
    assert.equal(parseCallSummary(''), undefined);
  });
});

describe('corpus measure: independent call sites', () => {
  const text = ["import { analytics } from './a';", "analytics.track('A', {});", 'trackEvent(', "  'B',", '  {});', "analytics.track('C'); trackEvent('D');"].join('\n');

  test('every match of every pattern, one site per position, in source order, with its 1-based line', () => {
    const sites = matchCallSites('src/a.ts', text, ['\\banalytics\\.track\\(', '\\btrackEvent\\(', '\\b(analytics\\.track|trackEvent)\\(']);
    assert.deepEqual(
      sites.map((s) => [s.line, s.pattern, s.text]),
      [
        [2, '\\banalytics\\.track\\(', "analytics.track('A', {});"],
        [3, '\\btrackEvent\\(', 'trackEvent('],
        [6, '\\banalytics\\.track\\(', "analytics.track('C'); trackEvent('D');"],
        [6, '\\btrackEvent\\(', "analytics.track('C'); trackEvent('D');"],
      ],
    );
  });

  test('a match on a comment line is no call site', () => {
    const commented = ["// analytics.track('Old');", '/* analytics.track(', " * analytics.track('Doc')", "  analytics.track('Live');"].join('\n');
    assert.deepEqual(
      matchCallSites('src/c.ts', commented, ['\\banalytics\\.track\\(']).map((s) => [s.line, s.text]),
      [[4, "analytics.track('Live');"]],
    );
  });

  test('a site is seen when a report lies on its line or up to three lines below, in the same file', () => {
    const sites = matchCallSites('src/a.ts', text, ['\\banalytics\\.track\\(', '\\btrackEvent\\(']);
    const missed = missedSites(sites, [
      { file: 'src/a.ts', line: 4 },
      { file: 'src/b.ts', line: 2 },
    ]);
    assert.deepEqual(
      missed.map((s) => s.line),
      [6, 6],
    );
    assert.deepEqual(missedSites(sites, [{ file: 'src/a.ts', line: 7 }]).map((s) => s.line), [2, 3]);
  });

  test("a report anywhere in the call's arguments sees it, however many lines they take", () => {
    const call = ['analytics.track({', '  userId,', '  context: { a: "(" },', '  properties: {},', '  traits: {},', "  event: 'Name',", '});', "analytics.track('Next');"].join('\n');
    const sites = matchCallSites('src/d.ts', call, ['\\banalytics\\.track\\(']);
    assert.deepEqual(
      sites.map((s) => [s.line, s.endLine]),
      [
        [1, 7],
        [8, 8],
      ],
    );
    assert.deepEqual(missedSites(sites, [{ file: 'src/d.ts', line: 6 }]).map((s) => s.line), [8]);
  });

  test('missed = independent − judged − dynamic − not judged, floored at 0', () => {
    assert.equal(missedCount(10, { judged: 6, dynamic: 1, notJudged: 1 }), 2);
    assert.equal(missedCount(10, { judged: 12, dynamic: 0, notJudged: 0 }), 0);
  });
});

describe('corpus measure: findings', () => {
  test('counts per rule, sorted by rule id', () => {
    assert.deepEqual(Object.entries(countByRule(['unknown-property', 'dynamic-event-name', 'unknown-property'])), [
      ['dynamic-event-name', 1],
      ['unknown-property', 2],
    ]);
  });

  test('a seeded sample: the same draw for the same seed, all items when there are no more than asked', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const first = seededSample(items, 30, 15);
    assert.equal(first.length, 30);
    assert.equal(new Set(first).size, 30);
    assert.deepEqual(seededSample(items, 30, 15), first);
    assert.notDeepEqual(seededSample(items, 30, 16), first);
    assert.deepEqual(seededSample([3, 1, 2], 30, 15), [3, 1, 2]);
  });
});
