/**
 * The few calls of Segment's Public API that `tracklint pull` makes: read a tracking plan and list its rules,
 * page by page. Rate-limited answers (429) are retried with exponential backoff, honouring Retry-After.
 * The token goes in the Authorization header only, and is cut out of every message this module produces.
 */

export const DEFAULT_SEGMENT_API_URL = 'https://api.segmentapis.com';

export interface PublicApiOptions {
  baseUrl: string;
  token: string;
  /** Attempts per request, the first included, before a 429 is given up on. */
  maxAttempts?: number;
  /** The first backoff delay; each retry doubles it. Retry-After wins when the server sends it. */
  baseDelayMs?: number;
  /** The longest wait for one retry, whatever Retry-After asks. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
}

/** A failure to report to the user as is: the message says what happened and what to do. */
export class PublicApiError extends Error {}

export interface PulledPlan {
  name?: string;
  rules: unknown[];
}

/** The plan's name and all its rules. */
export async function pullTrackingPlan(id: string, options: PublicApiOptions): Promise<PulledPlan> {
  const client = new PublicApiClient(options);
  const planBody = await client.get(`/tracking-plans/${encodeURIComponent(id)}`, id);
  const trackingPlan = record(record(planBody).data).trackingPlan;
  const name = typeof record(trackingPlan).name === 'string' ? (record(trackingPlan).name as string) : undefined;
  const rules: unknown[] = [];
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const query = new URLSearchParams({ 'pagination.count': '200' });
    if (cursor !== undefined) query.set('pagination.cursor', cursor);
    const body = record(record(await client.get(`/tracking-plans/${encodeURIComponent(id)}/rules?${query}`, id)).data);
    if (!Array.isArray(body.rules)) throw new PublicApiError(`Segment's answer for the rules of ${id} has no \`data.rules\` list; tracklint cannot read it.`);
    rules.push(...body.rules);
    const next = record(body.pagination).next;
    if (typeof next !== 'string' || next === '') break;
    // A server that hands out the same cursor again would loop forever.
    if (seen.has(next)) throw new PublicApiError(`Segment returned the page cursor '${next}' twice while listing the rules of ${id}; stopping.`);
    seen.add(next);
    cursor = next;
  }
  return { name, rules };
}

class PublicApiClient {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: PublicApiOptions) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 60_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.fetch = options.fetch ?? fetch;
  }

  async get(pathAndQuery: string, id: string): Promise<unknown> {
    const url = `${this.options.baseUrl.replace(/\/+$/, '')}${pathAndQuery}`;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetch(url, { headers: { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' } });
      } catch (error) {
        const detail = (error as { cause?: { code?: string; message?: string } }).cause;
        const cause = detail?.code ?? detail?.message ?? (error as Error).message;
        throw new PublicApiError(this.redact(`Cannot reach ${this.options.baseUrl}: ${cause}.`));
      }
      if (response.status === 429 && attempt < this.maxAttempts) {
        await response.body?.cancel();
        await this.sleep(this.delay(attempt, response.headers.get('retry-after')));
        continue;
      }
      const text = await response.text();
      if (response.ok) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new PublicApiError(`Segment answered ${url.replace(this.options.baseUrl, '')} with something that is not JSON.`);
        }
      }
      throw new PublicApiError(this.redact(this.failure(response.status, text, id, attempt)));
    }
  }

  /** Retry-After (seconds, or an HTTP date) when given, else base × 2^(attempt-1); never more than maxDelayMs. */
  private delay(attempt: number, retryAfter: string | null): number {
    let ms = this.baseDelayMs * 2 ** (attempt - 1);
    if (retryAfter !== null && retryAfter.trim() !== '') {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds) && seconds >= 0) ms = seconds * 1000;
      else if (!Number.isNaN(Date.parse(retryAfter))) ms = Math.max(0, Date.parse(retryAfter) - Date.now());
    }
    return Math.min(ms, this.maxDelayMs);
  }

  private failure(status: number, body: string, id: string, attempts: number): string {
    const detail = serverMessage(body);
    const said = detail ? ` Segment said: ${detail}` : '';
    switch (status) {
      case 401:
        return `Segment refused the token (401 Unauthorized): check SEGMENT_TOKEN; it must be a Public API token of the workspace.${said}`;
      case 403:
        return `The token may not read tracking plans (403 Forbidden): it needs the Tracking Plan Read-only (or Workspace Owner) role.${said}`;
      case 404:
        return `There is no tracking plan '${id}' in the token's workspace (404 Not Found).${said}`;
      case 429:
        return `Segment kept rate-limiting the requests (429 Too Many Requests, ${attempts} attempts); try again in a minute.${said}`;
      default:
        return `Segment answered ${status}.${said}`;
    }
  }

  private redact(text: string): string {
    return this.options.token ? text.split(this.options.token).join('***') : text;
  }
}

/** The first message of Segment's `{ errors: [{ type, message }] }` body. */
function serverMessage(body: string): string | undefined {
  try {
    const errors = record(JSON.parse(body)).errors;
    const first = Array.isArray(errors) ? record(errors[0]) : {};
    return typeof first.message === 'string' ? first.message.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
