import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadPlan } from '../../server/src/core/plan/load';
import { nodeWorkspaceHost } from '../../server/src/node/nodeHost';

/**
 * The threat model of SECURITY.md, as tests: a workspace (its sources, plan and settings) may be hostile.
 * The server reads it but never executes it, never reaches the network, and a plan cannot make it read
 * other files.
 */

const REPO = path.resolve(__dirname, '../..');
const SERVER = path.join(REPO, 'server/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** What could run code that is not ours, load a module chosen at run time, or reach the network. */
const DANGEROUS: Record<string, RegExp> = {
  'require(': /\brequire\s*\(/g,
  // A literal `node:` builtin is not workspace code; any other module name or a computed one could be.
  'import( of a non-builtin': /\bimport\s*\(\s*(?!['"]node:)/g,
  'new Function': /\bnew\s+Function\b/g,
  'eval(': /\beval\s*\(/g,
  'eval: true (worker from a string)': /\beval\s*:\s*true\b/g,
  'new Worker(': /\bnew\s+Worker\s*\(/g,
  'child_process': /['"](node:)?child_process['"]/g,
  'vm': /['"](node:)?vm['"]/g,
  'worker_threads': /['"](node:)?worker_threads['"]/g,
  'network module': /['"](node:)?(http|https|http2|net|tls|dgram|dns|inspector|cluster)['"]/g,
  'fetch(': /\bfetch\s*\(/g,
  'WebSocket': /\bWebSocket\b/g,
  'createRequire / Module._load / process.dlopen': /\bcreateRequire\b|\bModule\._load\b|\bprocess\.dlopen\b/g,
};

/**
 * Every use allowed, with why. A new use fails the test until it is listed here (and SECURITY.md still holds);
 * a use that disappears fails it too, so the list never claims more than the code does.
 */
const ALLOWED: { file: string; what: string; count: number; why: string }[] = [
  { file: 'cli/bin.ts', what: 'worker_threads', count: 1, why: 'the CLI asks whether it runs as a check worker (tracklint check --jobs)' },
  { file: 'cli/parallel/checkWorker.ts', what: 'worker_threads', count: 1, why: 'a type import: the port a check worker answers on' },
  { file: 'cli/parallel/parallelCheck.ts', what: 'worker_threads', count: 1, why: 'the CLI checks in worker threads running its own module (started by node/moduleWorker.ts)' },
  { file: 'node/closedFileWorker.ts', what: 'worker_threads', count: 1, why: "the server checks closed files in a worker thread running its own module (started by node/moduleWorker.ts)" },
  {
    file: 'node/closedFileWorker.ts',
    what: 'vm',
    count: 1,
    why: "runInNewContext('gc') fetches V8's own collector (exposed by a flag) in the worker; it runs no code of the workspace or any other",
  },
  { file: 'node/serverMain.ts', what: 'worker_threads', count: 1, why: 'the server bundle asks whether it runs as the closed-file worker, which opens no connection' },
  { file: 'node/moduleWorker.ts', what: 'worker_threads', count: 1, why: 'starts the workers above' },
  { file: 'node/moduleWorker.ts', what: 'new Worker(', count: 2, why: "a worker runs the calling module's own file (or the bundle holding it), never a workspace file" },
  {
    file: 'node/moduleWorker.ts',
    what: 'require(',
    count: 2,
    why: 'run from TypeScript sources (tests only), the worker first loads tsx then the calling module, both by paths the code computes from itself',
  },
  { file: 'node/moduleWorker.ts', what: 'eval: true (worker from a string)', count: 1, why: 'the string is the two requires above, built from our own paths' },
  { file: 'cli/segment/publicApiClient.ts', what: 'fetch(', count: 1, why: "`tracklint pull`, run by the user, reads a plan from Segment's Public API; neither the server nor check imports it" },
];

describe('the server never executes workspace code and never reaches the network', () => {
  test('server/src uses nothing that loads or runs code chosen at run time, or opens a connection, outside the allowlist', () => {
    const found: { file: string; what: string; count: number }[] = [];
    for (const file of sourceFiles(SERVER)) {
      const text = readFileSync(file, 'utf8');
      for (const [what, pattern] of Object.entries(DANGEROUS)) {
        const count = text.match(pattern)?.length ?? 0;
        if (count) found.push({ file: path.relative(SERVER, file).split(path.sep).join('/'), what, count });
      }
    }
    const key = (e: { file: string; what: string }) => `${e.file} ${e.what}`;
    assert.deepEqual(
      found.sort((a, b) => key(a).localeCompare(key(b))),
      ALLOWED.map(({ file, what, count }) => ({ file, what, count })).sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  test('plan loading and value checking read no files: only plan discovery touches the file system', () => {
    const reading = [...sourceFiles(path.join(SERVER, 'core/plan')), ...sourceFiles(path.join(SERVER, 'core/schema'))]
      .filter((file) => /['"](node:)?fs(\/promises)?['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SERVER, file).split(path.sep).join('/'));
    assert.deepEqual(reading, ['core/plan/findPlanFile.ts']);
  });

  test('a YAML tag naming a JavaScript function stays a string', () => {
    const result = loadPlan('tracking-plan.yaml', 'events:\n  A:\n    description: !!js/function "function () { globalThis.tracklintPwned = true }"\n');
    assert.deepEqual(result.findings, []);
    assert.equal(result.plan?.events.get('A')?.description, 'function () { globalThis.tracklintPwned = true }');
    assert.equal((globalThis as { tracklintPwned?: boolean }).tracklintPwned, undefined);
  });

  test('the extension declares Restricted Mode support: it behaves the same in an untrusted workspace', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: unknown } };
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
  });
});

describe('paths in a plan cannot make the server read outside the workspace', () => {
  const sandbox = realpathSync(mkdtempSync(path.join(tmpdir(), 'tracklint-security-')));
  const workspace = path.join(sandbox, 'workspace');
  const outside = path.join(sandbox, 'outside');
  const SECRET = 'secret-value-outside-the-workspace';
  mkdirSync(path.join(workspace, 'src'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(workspace, 'src/app.ts'), `analytics.track('Signed Up');\n`);
  writeFileSync(path.join(outside, 'secret.ts'), `export const secret = '${SECRET}';\n`);
  writeFileSync(path.join(outside, 'secret.yaml'), `definitions:\n  money: { type: number, description: ${SECRET} }\n`);
  symlinkSync(outside, path.join(workspace, 'linked-folder'));
  symlinkSync(path.join(outside, 'secret.ts'), path.join(workspace, 'src/linked-file.ts'));
  after(() => rmSync(sandbox, { recursive: true, force: true }));

  test('$ref to another file, by relative path, absolute path or URL, is refused without reading it', () => {
    const refs = ['../outside/secret.yaml#/definitions/money', `${outside}/secret.yaml#/definitions/money`, `file://${outside}/secret.yaml#/definitions/money`, 'https://example.com/schema.json#/money'];
    const text = `events:\n  A:\n    properties:\n${refs.map((ref, i) => `      p${i}: { $ref: "${ref}" }\n`).join('')}`;
    const result = loadPlan(path.join(workspace, 'tracking-plan.yaml'), text);
    assert.equal(result.plan, undefined);
    assert.deepEqual(
      result.findings.map((f) => [f.range.start.line, f.message]),
      refs.map((ref, i) => [3 + i, `\`$ref\` '${ref}' refers to another file; tracklint follows only references within the plan (\`#/…\`) and never reads other files.`]),
    );
    assert.ok(!JSON.stringify(result).includes(SECRET));
  });

  test('ignore globs only remove files, and symbolic links out of the workspace are not followed', async () => {
    assert.deepEqual(await nodeWorkspaceHost.listSourceFiles(workspace, []), [path.join(workspace, 'src/app.ts')]);
    assert.deepEqual(await nodeWorkspaceHost.listSourceFiles(workspace, ['../outside/**', `${outside}/**`]), [path.join(workspace, 'src/app.ts')]);
  });
});
