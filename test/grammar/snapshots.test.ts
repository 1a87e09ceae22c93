import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { scopeForFixture, tokenizeLines, type Token } from './tokenizer';

/**
 * Every token of every fixture line with all its scopes, compared exactly with the committed
 * snapshot in __snapshots__/. A grammar change, or a base-grammar update that changes how our
 * injection interacts with it, shows up as a reviewable diff.
 *
 * After an intended change: `UPDATE_SNAPSHOTS=1 npx tsx --test test/grammar/snapshots.test.ts`, then review the diff.
 */

const fixturesDir = path.join(__dirname, 'fixtures');
const snapshotsDir = path.join(__dirname, '__snapshots__');
const updating = process.env.UPDATE_SNAPSHOTS === '1';

/** One line of source, then one line per token: its text (JSON-quoted, so spaces show) and its scopes below the root. */
function renderSnapshot(source: string, lines: Token[][]): string {
  const sourceLines = source.split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((tokens, i) => {
    if (sourceLines[i] === '' && i === sourceLines.length - 1) return; // the file's final newline
    out.push(`> ${sourceLines[i]}`);
    for (const token of tokens) out.push(`  ${JSON.stringify(token.text).padEnd(24)} ${token.scopes.slice(1).join(' ')}`.trimEnd());
  });
  return `${out.join('\n')}\n`;
}

const fixtures = readdirSync(fixturesDir).filter((f) => f.endsWith('.fixture')).sort();

test('there are grammar fixtures to snapshot', () => {
  assert.ok(fixtures.length >= 4, `expected fixtures for ts, tsx, js and jsx in ${fixturesDir}`);
});

for (const fixture of fixtures) {
  test(`tokens of ${fixture} match __snapshots__/${fixture}.snap`, async () => {
    const scope = scopeForFixture(fixture);
    const source = readFileSync(path.join(fixturesDir, fixture), 'utf8');
    const actual = `# ${fixture}, tokenized as ${scope}\n${renderSnapshot(source, await tokenizeLines(source, scope))}`;
    const snapshotFile = path.join(snapshotsDir, `${fixture}.snap`);
    if (updating) {
      mkdirSync(snapshotsDir, { recursive: true });
      writeFileSync(snapshotFile, actual);
      return;
    }
    assert.ok(existsSync(snapshotFile), `${snapshotFile} is missing: run with UPDATE_SNAPSHOTS=1 to write it, then review it`);
    assert.equal(actual, readFileSync(snapshotFile, 'utf8'));
  });
}
