import { z } from 'zod';

/**
 * Online import from Les emplois de l'inclusion: `GET /api/v1/siaes/?departement=972` or
 * `?code_insee=97209&distance_max_km=25`, following `next` pages. The anonymous API allows 12
 * requests per minute: every request (retries included) goes through a rolling-window throttle;
 * a 429 waits for Retry-After. Clock, sleep and fetch are injected (tests run instantly, offline).
 * Returns the raw records; `parseEmploisJson(results, resolver)` turns them into structures.
 */

export const EMPLOIS_BASE_URL = 'https://emplois.inclusion.beta.gouv.fr';
export const EMPLOIS_SIAES_PATH = '/api/v1/siaes/';
export const EMPLOIS_RATE_LIMIT = { requests: 12, windowMs: 60_000 } as const;
/** Hard cap on pages followed in one import (a bigger answer is `truncated`). */
export const EMPLOIS_MAX_PAGES = 50;
const MAX_RETRIES_429 = 3;
const DEFAULT_RETRY_AFTER_MS = 60_000;
const MAX_RETRY_AFTER_MS = 10 * 60_000;

export const emploisQuerySchema = z.union([
  z.object({ departement: z.string().regex(/^(\d{2,3}|2[AB])$/, 'departement must be a code like 972, 01 or 2A') }).strict(),
  z
    .object({
      codeInsee: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'codeInsee must be an INSEE code'),
      distanceKm: z.number().int().min(1).max(100),
    })
    .strict(),
]);
export type EmploisQuery = z.infer<typeof emploisQuerySchema>;

const pageSchema = z.object({
  count: z.number().int().min(0),
  next: z.string().nullable(),
  previous: z.string().nullable().optional(),
  results: z.array(z.record(z.string(), z.unknown())),
});

export interface EmploisClientDeps {
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
  now(): number;
  baseUrl?: string;
  /** Share one throttle between imports of the same process (the limit is per client). */
  throttle?: RollingThrottle;
  maxPages?: number;
}

export interface EmploisFetchResult {
  /** Raw SIAE records, in the API's order. */
  results: Record<string, unknown>[];
  /** `count` announced by the API. */
  count: number;
  pages: number;
  /** True when the page cap stopped the import before the last page. */
  truncated: boolean;
}

export type EmploisErrorCode = 'invalid_query' | 'http_status' | 'rate_limited' | 'network' | 'invalid_response' | 'foreign_next';

export class EmploisApiError extends Error {
  constructor(
    readonly code: EmploisErrorCode,
    message: string,
    readonly details: { url?: string; status?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmploisApiError';
  }
}

/** At most `limit` calls in any window of `windowMs`: waits (through the injected sleep) when full. */
export class RollingThrottle {
  private readonly sent: number[] = [];
  constructor(
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> },
    readonly limit: number = EMPLOIS_RATE_LIMIT.requests,
    readonly windowMs: number = EMPLOIS_RATE_LIMIT.windowMs,
  ) {}

  async acquire(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (this.sent.length > 0 && this.sent[0]! <= now - this.windowMs) this.sent.shift();
      if (this.sent.length < this.limit) {
        this.sent.push(now);
        return;
      }
      await this.clock.sleep(this.sent[0]! + this.windowMs - now);
    }
  }
}

/** Retry-After: seconds or an HTTP date; default one minute, capped at ten. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header) {
    const seconds = Number(header.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(Math.max(seconds * 1000, 1000), MAX_RETRY_AFTER_MS);
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.min(Math.max(date - now, 1000), MAX_RETRY_AFTER_MS);
  }
  return DEFAULT_RETRY_AFTER_MS;
}

export function emploisFirstUrl(query: EmploisQuery, baseUrl: string = EMPLOIS_BASE_URL): string {
  const url = new URL(EMPLOIS_SIAES_PATH, baseUrl);
  if ('departement' in query) url.searchParams.set('departement', query.departement);
  else {
    url.searchParams.set('code_insee', query.codeInsee);
    url.searchParams.set('distance_max_km', String(query.distanceKm));
  }
  return url.toString();
}

async function getPage(url: string, deps: EmploisClientDeps, throttle: RollingThrottle): Promise<z.infer<typeof pageSchema>> {
  for (let attempt = 0; ; attempt++) {
    await throttle.acquire();
    let response: Response;
    try {
      response = await deps.fetch(url, { headers: { Accept: 'application/json' } });
    } catch (error) {
      throw new EmploisApiError('network', `Les emplois: request failed (${url})`, { url }, { cause: error });
    }
    if (response.status === 429) {
      if (attempt >= MAX_RETRIES_429) throw new EmploisApiError('rate_limited', `Les emplois: still rate limited after ${MAX_RETRIES_429} retries (${url})`, { url, status: 429 });
      await deps.sleep(retryAfterMs(response.headers.get('retry-after'), deps.now()));
      continue;
    }
    if (!response.ok) throw new EmploisApiError('http_status', `Les emplois: HTTP ${response.status} for ${url}`, { url, status: response.status });
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new EmploisApiError('invalid_response', `Les emplois: response is not JSON (${url})`, { url, status: response.status }, { cause: error });
    }
    if (Array.isArray(body)) body = { count: body.length, next: null, results: body };
    const page = pageSchema.safeParse(body);
    if (!page.success) {
      const issue = page.error.issues[0];
      throw new EmploisApiError('invalid_response', `Les emplois: unexpected response shape at ${issue?.path.join('.') || 'root'} (${url})`, { url, status: response.status }, { cause: page.error });
    }
    return page.data;
  }
}

export async function fetchEmploisStructures(query: EmploisQuery, deps: EmploisClientDeps): Promise<EmploisFetchResult> {
  const checked = emploisQuerySchema.safeParse(query);
  if (!checked.success) throw new EmploisApiError('invalid_query', `Les emplois: invalid query (${checked.error.issues.map((i) => i.message).join('; ')})`);
  const baseUrl = deps.baseUrl ?? EMPLOIS_BASE_URL;
  const origin = new URL(baseUrl).origin;
  const throttle = deps.throttle ?? new RollingThrottle(deps);
  const maxPages = deps.maxPages ?? EMPLOIS_MAX_PAGES;
  const results: Record<string, unknown>[] = [];
  let url: string | null = emploisFirstUrl(checked.data, baseUrl);
  let count = 0;
  let pages = 0;
  while (url) {
    if (pages >= maxPages) return { results, count, pages, truncated: true };
    const page = await getPage(url, deps, throttle);
    pages++;
    if (pages === 1) count = page.count;
    results.push(...page.results);
    if (page.next) {
      let next: URL;
      try {
        next = new URL(page.next, url);
      } catch (error) {
        throw new EmploisApiError('invalid_response', `Les emplois: "next" is not a URL (${url})`, { url }, { cause: error });
      }
      // Never follow a link to another host (the API key-less client must not be redirected).
      if (next.origin !== origin) throw new EmploisApiError('foreign_next', `Les emplois: "next" points to another host (${next.origin})`, { url });
      url = next.toString();
    } else url = null;
  }
  return { results, count, pages, truncated: false };
}
