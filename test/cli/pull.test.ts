import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { pullTrackingPlan } from '../../server/src/cli/segment/publicApiClient';
import { loadPlan } from '../../server/src/core/plan/load';

const TOKEN = 'sgp_SECRET_token_value_123';

function rule(key: string, properties: Record<string, unknown>, required: string[] = []) {
  return {
    key,
    type: 'TRACK',
    version: 1,
    jsonSchema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { context: {}, traits: {}, properties: { type: 'object', properties, required } } },
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    deprecatedAt: '0001-01-01T00:00:00.000Z',
  };
}

/** A stand-in for api.segmentapis.com serving the documented shapes: `{ data: … }`, `data.pagination.next`, `{ errors: [...] }`. */
class FakeSegment {
  server!: Server;
  requests: { url: string; authorization?: string }[] = [];
  /** Answers 429 to this many requests for the second rules page before serving it. */
  rateLimits = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url!, 'http://x');
    this.requests.push({ url: req.url!, authorization: req.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return send(401, { errors: [{ type: 'unauthorized', message: `invalid token ${req.headers.authorization}` }] });
    if (url.pathname === '/tracking-plans/tp_shop') return send(200, { data: { trackingPlan: { id: 'tp_shop', name: 'Shop (Segment)', type: 'LIVE' } } });
    if (url.pathname === '/tracking-plans/tp_shop/rules') {
      if (url.searchParams.get('pagination.count') !== '200') return send(400, { errors: [{ type: 'bad-request', message: 'count' }] });
      const cursor = url.searchParams.get('pagination.cursor');
      if (cursor === null) {
        return send(200, { data: { rules: [rule('Order Completed', { order_id: { type: 'string' }, total: { type: 'number' } }, ['order_id'])], pagination: { current: 'MA==', next: 'page2', totalEntries: 2 } } });
      }
      if (cursor === 'page2') {
        if (this.rateLimits > 0) {
          this.rateLimits--;
          return send(429, { errors: [{ type: 'too-many-requests', message: 'slow down' }] }, { 'retry-after': '0' });
        }
        return send(200, { data: { rules: [rule('Signed Up', { method: { type: 'string', enum: ['email'] } })], pagination: { current: 'page2', previous: 'MA==', totalEntries: 2 } } });
      }
    }
    if (url.pathname === '/tracking-plans/tp_forbidden') return send(403, { errors: [{ type: 'forbidden', message: `token ${TOKEN} lacks access` }] });
    return send(404, { errors: [{ type: 'not-found', message: 'Resource not found' }] });
  }
}

describe('tracklint pull --segment', () => {
  const segment = new FakeSegment();
  let apiUrl: string;
  let dir: string;
  before(async () => {
    apiUrl = await segment.start();
    dir = mkdtempSync(path.join(tmpdir(), 'tracklint-pull-'));
  });
  after(async () => {
    await segment.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function pull(args: string[], env: Record<string, string> = { SEGMENT_TOKEN: TOKEN, SEGMENT_API_URL: apiUrl }) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['pull', ...args], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env });
    assert.ok(!stdout.includes(TOKEN) && !stderr.includes(TOKEN), 'the token must never be printed');
    return { code, stdout, stderr };
  }

  test('fetches the plan and every page of rules (a 429 on the way is retried) and writes the native plan', async () => {
    segment.requests = [];
    segment.rateLimits = 2;
    const { code, stdout, stderr } = await pull(['--segment', 'tp_shop', '--out', 'shop.yaml']);
    assert.deepEqual([code, stdout, stderr], [0, 'Wrote shop.yaml: 2 events from Segment tracking plan tp_shop (2 rules).\n', '']);
    assert.deepEqual(
      segment.requests.map((r) => r.url),
      [
        '/tracking-plans/tp_shop',
        '/tracking-plans/tp_shop/rules?pagination.count=200',
        '/tracking-plans/tp_shop/rules?pagination.count=200&pagination.cursor=page2',
        '/tracking-plans/tp_shop/rules?pagination.count=200&pagination.cursor=page2',
        '/tracking-plans/tp_shop/rules?pagination.count=200&pagination.cursor=page2',
      ],
    );
    assert.ok(segment.requests.every((r) => r.authorization === `Bearer ${TOKEN}`));
    const text = readFileSync(path.join(dir, 'shop.yaml'), 'utf8');
    assert.ok(!text.includes(TOKEN));
    assert.equal(
      text,
      [
        '# yaml-language-server: $schema=./node_modules/tracklint/plans/tracking-plan.schema.json',
        '# Pulled by `tracklint pull` from Segment tracking plan tp_shop.',
        '',
        'name: Shop (Segment)',
        'events:',
        '  Order Completed:',
        '    properties:',
        '      order_id: { type: string }',
        '      total: { type: number }',
        '    required: [ order_id ]',
        '  Signed Up:',
        '    properties:',
        '      method: { type: string, enum: [ email ] }',
        '',
      ].join('\n'),
    );
    assert.deepEqual(loadPlan('shop.yaml', text).findings, []);
  });

  test('never overwrites without --force', async () => {
    const { code, stderr } = await pull(['--segment', 'tp_shop', '--out', 'shop.yaml']);
    assert.deepEqual([code, stderr], [2, 'tracklint: shop.yaml already exists; pass --force to overwrite it.\n']);
    assert.equal((await pull(['--segment', 'tp_shop', '--out', 'shop.yaml', '--force'])).code, 0);
  });

  test('an rs_… id is explained: the Public API needs the tp_… id', async () => {
    const { code, stderr } = await pull(['--segment', 'rs_2abc']);
    assert.equal(code, 2);
    assert.match(stderr, /^tracklint: 'rs_2abc' is a Protocols id from the Segment app's URLs \(the legacy Config API's\); the Public API needs the tracking plan's tp_… id\./);
  });

  test('401, 403 and 404 say what is wrong, without the token (even when Segment echoes it)', async () => {
    const wrong = await pull(['--segment', 'tp_shop', '--out', 'x.yaml'], { SEGMENT_TOKEN: 'wrong-token', SEGMENT_API_URL: apiUrl });
    assert.deepEqual([wrong.code, wrong.stderr], [2, 'tracklint: Segment refused the token (401 Unauthorized): check SEGMENT_TOKEN; it must be a Public API token of the workspace. Segment said: invalid token Bearer ***\n']);
    const forbidden = await pull(['--segment', 'tp_forbidden', '--out', 'x.yaml']);
    assert.deepEqual([forbidden.code, forbidden.stderr], [2, 'tracklint: The token may not read tracking plans (403 Forbidden): it needs the Tracking Plan Read-only (or Workspace Owner) role. Segment said: token *** lacks access\n']);
    const missing = await pull(['--segment', 'tp_nope', '--out', 'x.yaml']);
    assert.deepEqual([missing.code, missing.stderr], [2, "tracklint: There is no tracking plan 'tp_nope' in the token's workspace (404 Not Found). Segment said: Resource not found\n"]);
    assert.equal(existsSync(path.join(dir, 'x.yaml')), false);
  });

  test('no token, no request: a clear message', async () => {
    segment.requests = [];
    const { code, stderr } = await pull(['--segment', 'tp_shop'], { SEGMENT_API_URL: apiUrl });
    assert.deepEqual([code, stderr], [2, 'tracklint: set SEGMENT_TOKEN to a Segment Public API token (Settings → Access Management → Tokens) to pull a plan.\n']);
    assert.deepEqual(segment.requests, []);
  });

  test('an unreachable API is a message, not a crash', async () => {
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { code, stderr } = await pull(['--segment', 'tp_shop', '--out', 'y.yaml', '--api-url', `http://127.0.0.1:${port}`], { SEGMENT_TOKEN: TOKEN });
    assert.deepEqual([code, stderr], [2, `tracklint: Cannot reach http://127.0.0.1:${port}: ECONNREFUSED.\n`]);
  });
});

describe('Public API client backoff', () => {
  function rateLimited(retryAfter?: string) {
    let calls = 0;
    const fetch = (async () => {
      calls++;
      return new Response(JSON.stringify({ errors: [{ message: 'rate limited' }] }), { status: 429, headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter } });
    }) as typeof globalThis.fetch;
    return { fetch, calls: () => calls };
  }

  test('429s are retried with doubling delays, then reported after the last attempt', async () => {
    const delays: number[] = [];
    const server = rateLimited();
    await assert.rejects(
      pullTrackingPlan('tp_1', { baseUrl: 'http://api', token: 'sgp_unit_token', fetch: server.fetch, maxAttempts: 4, baseDelayMs: 10, sleep: async (ms) => void delays.push(ms) }),
      { message: "Segment kept rate-limiting the requests (429 Too Many Requests, 4 attempts); try again in a minute. Segment said: rate limited" },
    );
    assert.deepEqual(delays, [10, 20, 40]);
    assert.equal(server.calls(), 4);
  });

  test('Retry-After wins over the backoff, capped at maxDelayMs', async () => {
    const delays: number[] = [];
    await assert.rejects(pullTrackingPlan('tp_1', { baseUrl: 'http://api', token: 'sgp_unit_token', fetch: rateLimited('3').fetch, maxAttempts: 2, baseDelayMs: 10, sleep: async (ms) => void delays.push(ms) }));
    assert.deepEqual(delays, [3000]);
    delays.length = 0;
    await assert.rejects(pullTrackingPlan('tp_1', { baseUrl: 'http://api', token: 'sgp_unit_token', fetch: rateLimited('600').fetch, maxAttempts: 2, maxDelayMs: 5000, sleep: async (ms) => void delays.push(ms) }));
    assert.deepEqual(delays, [5000]);
  });
});
