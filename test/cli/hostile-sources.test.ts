import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const PLAN = 'events:\n  Signed Up: {}\n';
const deep = (open: string, close: string, inner = '') => open.repeat(10_000) + inner + close.repeat(10_000);

/** Each hostile file, and exactly what `tracklint check` reports for it (file, line, column, rule, message). */
const cases: { name: string; file: string; text: string | Buffer; expected: [number, number, string, string][] }[] = [
  {
    name: '10,000 nested parentheses',
    file: 'parens.ts',
    text: `analytics.track('Sign Up');\nexport const x = ${deep('(', ')', '1')};\n`,
    expected: [[1, 1, 'file-too-large', 'tracklint skipped this file: its brackets nest more than 100 levels deep, as only generated code does.']],
  },
  {
    name: '10,000 nested array literals',
    file: 'arrays.ts',
    text: `analytics.track('Sign Up', { a: ${deep('[', ']')} });\n`,
    expected: [[1, 1, 'file-too-large', 'tracklint skipped this file: its brackets nest more than 100 levels deep, as only generated code does.']],
  },
  {
    name: '10,000 nested calls',
    file: 'calls.ts',
    text: `analytics.track('Sign Up', { a: ${deep('f(', ')')} });\n`,
    expected: [[1, 1, 'file-too-large', 'tracklint skipped this file: its brackets nest more than 100 levels deep, as only generated code does.']],
  },
  {
    name: 'a file importing a skipped file is still checked',
    file: 'importer.ts',
    text: `import { x } from './parens';\nanalytics.track('Sign Up', { x });\n`,
    expected: [[2, 17, 'unknown-event', "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?"]],
  },
  {
    name: 'a 10,000-term binary expression parses and is checked',
    file: 'binary.ts',
    text: `analytics.track('Sign Up');\nexport const y = ${Array(10_000).fill('1').join(' + ')};\n`,
    expected: [[1, 17, 'unknown-event', "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?"]],
  },
  {
    name: 'a 5 MB minified bundle is skipped by size',
    file: 'vendor.bundle.js',
    text: `analytics.track('Sign Up');${'var a=1;'.repeat(5 * 131_072)}`,
    expected: [[1, 1, 'file-too-large', 'tracklint skipped this file: it is 5.0 MB, over --max-file-size (1.0 MB).']],
  },
  {
    name: 'binary bytes under a .js name: parsed as garbage, nothing reported',
    file: 'image.js',
    text: Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)),
    expected: [],
  },
  {
    name: 'syntax errors everywhere: the calls that parse are still judged',
    file: 'broken.ts',
    text: `analytics.track('Sign Up' {;\nfunction ( {\nanalytics.track('Signed Up', ]);\nconst = ; analytics.track('Sign Up');\n`,
    expected: [
      [1, 17, 'unknown-event', "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?"],
      [4, 27, 'unknown-event', "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?"],
    ],
  },
  {
    name: 'unterminated string and template: judged as the parser reads them, up to the end of the line or file',
    file: 'unterminated.ts',
    text: "analytics.track('Sign Up);\nanalytics.track(`Sign Up);\n",
    expected: [
      [1, 17, 'unknown-event', "Event 'Sign Up);' is not in the tracking plan."],
      [2, 17, 'unknown-event', "Event 'Sign Up);\n' is not in the tracking plan."],
    ],
  },
  {
    name: 'a BOM and CRLF line endings: columns count neither',
    file: 'bom.ts',
    text: "\ufeffanalytics.track('Sign Up');\r\nanalytics.track('Sign Up');\r\n",
    expected: [
      [1, 17, 'unknown-event', "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?"],
      [2, 17, 'unknown-event', "Event 'Sign Up' is not in the tracking plan. Did you mean 'Signed Up'?"],
    ],
  },
  {
    name: 'surrogate pairs before the call: columns in UTF-16 code units',
    file: 'emoji.ts',
    text: "const s = '😀😀'; analytics.track('Sign Up 😀');\n",
    expected: [[1, 35, 'unknown-event', "Event 'Sign Up 😀' is not in the tracking plan."]],
  },
];

describe('tracklint check on hostile sources', () => {
  let dir: string;
  let results: { filePath: string; messages: { line: number; column: number; ruleId: string; message: string }[] }[];
  let run: { code: number; stderr: string };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'tracklint-hostile-'));
    writeFileSync(path.join(dir, 'tracking-plan.yaml'), PLAN);
    for (const c of cases) writeFileSync(path.join(dir, c.file), c.text);
    let stdout = '';
    let stderr = '';
    const code = await runCli(['check', '.', '--format', 'json', '--jobs', '1'], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
    run = { code, stderr };
    results = JSON.parse(stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the run ends normally: exit 1 for the errors, nothing on stderr but the count of calls', () => {
    assert.equal(run.stderr, 'tracklint: 9 analytics calls: 9 judged, 0 dynamic, 0 not judged\n');
    assert.equal(run.code, 1);
  });

  for (const c of cases) {
    test(c.name, () => {
      const result = results.find((r) => path.basename(r.filePath) === c.file);
      assert.ok(result, `${c.file} is listed`);
      assert.deepEqual(
        result.messages.map((m) => [m.line, m.column, m.ruleId, m.message]),
        c.expected,
      );
    });
  }
});

describe('tracklint check with a broken tsconfig.json', () => {
  const run = async (tsconfig: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tracklint-tsconfig-'));
    try {
      writeFileSync(path.join(dir, 'tracking-plan.yaml'), PLAN);
      writeFileSync(path.join(dir, 'tsconfig.json'), tsconfig);
      writeFileSync(path.join(dir, 'app.ts'), `analytics.track('Sign Up');\n`);
      let stdout = '';
      let stderr = '';
      const code = await runCli(['check', '.', '--format', 'json'], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false });
      const messages = (JSON.parse(stdout) as { messages: { line: number; column: number; ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => [m.line, m.column, m.ruleId]));
      return { code, stderr: stderr.replaceAll(dir, '<dir>'), messages };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  test('a syntax error: a located message on stderr, and the check goes on with the default options', async () => {
    assert.deepEqual(await run('{\n  "compilerOptions": {\n    "strict": true\n    "target": "es2022"\n  }\n}\n'), {
      code: 1,
      stderr: "tracklint: <dir>/tsconfig.json:4:5: ',' expected. tracklint uses the default compiler options.\ntracklint: 1 analytics calls: 1 judged, 0 dynamic, 0 not judged\n",
      messages: [[1, 17, 'unknown-event']],
    });
  });

  test('an unknown option value: located, and the rest of the options still apply', async () => {
    assert.deepEqual(await run('{ "compilerOptions": { "target": "es1999" } }'), {
      code: 1,
      stderr: `tracklint: <dir>/tsconfig.json:1:34: Argument for '--target' option must be: 'es6', 'es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022', 'es2023', 'es2024', 'es2025', 'esnext'.\ntracklint: 1 analytics calls: 1 judged, 0 dynamic, 0 not judged\n`,
      messages: [[1, 17, 'unknown-event']],
    });
  });
});
