import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEmploisJson, territoryCommuneResolver } from '../../knowledge/directory/import';
import { EmploisApiError, RollingThrottle, fetchEmploisStructures, retryAfterMs, type EmploisClientDeps } from '../../scripts/emploisClient';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', 'emplois', name), 'utf8');
const BASE = 'https://emplois.inclusion.beta.gouv.fr';

/** A fake clock: sleep advances time at once and records the waits. */
function fakeClock(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    elapsed: () => now - start,
  };
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/** A scripted fetch: replies in order, records the URLs and the clock time of each call. */
function fakeFetch(clock: { now(): number }, replies: Array<Reply | ((url: string) => Reply)>) {
  const calls: Array<{ url: string; at: number }> = [];
  const fetchFn = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push({ url, at: clock.now() });
    const next = replies.shift();
    if (!next) throw new Error(`unexpected request ${url}`);
    const reply = typeof next === 'function' ? next(url) : next;
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    return new Response(body, { status: reply.status, headers: { 'content-type': 'application/json', ...(reply.headers ?? {}) } });
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

function deps(clock: ReturnType<typeof fakeClock>, f: { fetch: typeof fetch }, extra: Partial<EmploisClientDeps> = {}): EmploisClientDeps {
  return { fetch: f.fetch, sleep: clock.sleep, now: clock.now, ...extra };
}

const page = (n: number, total: number, query = 'departement=972'): Reply => ({
  status: 200,
  body: {
    count: total,
    next: n < total ? `${BASE}/api/v1/siaes/?${query}&page=${n + 1}` : null,
    previous: null,
    results: [{ id: n, type: 'ACI', raison_sociale: `S${n}`, code_postal: '97200', ville: 'Fort-de-France' }],
  },
});

describe('fetchEmploisStructures', () => {
  test('follows next pages and returns every record; the records parse', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, [{ status: 200, body: JSON.parse(fixture('page1.json')) }, { status: 200, body: JSON.parse(fixture('page2.json')) }]);
    const result = await fetchEmploisStructures({ departement: '972' }, deps(clock, f));
    expect(f.calls.map((c) => c.url)).toEqual([`${BASE}/api/v1/siaes/?departement=972`, `${BASE}/api/v1/siaes/?departement=972&page=2`]);
    expect(result).toMatchObject({ count: 3, pages: 2, truncated: false });
    expect(result.results.map((r) => r.id)).toEqual([101, 102, 103]);
    const parsed = parseEmploisJson(result.results, territoryCommuneResolver, { today: '2026-11-23' });
    expect(parsed.structures.map((s) => s.id)).toEqual(['emplois:101', 'emplois:102']);
    expect(clock.sleeps).toEqual([]);
  });

  test('asks around a commune with a distance', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, [page(1, 1)]);
    await fetchEmploisStructures({ codeInsee: '97209', distanceKm: 25 }, deps(clock, f, { baseUrl: 'https://demo.example' }));
    expect(f.calls[0]!.url).toBe('https://demo.example/api/v1/siaes/?code_insee=97209&distance_max_km=25');
  });

  test('the 13th request waits until the first one is a minute old', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, Array.from({ length: 14 }, (_, i) => page(i + 1, 14)));
    const result = await fetchEmploisStructures({ departement: '972' }, deps(clock, f));
    expect(result.pages).toBe(14);
    expect(f.calls.slice(0, 12).every((c) => c.at === f.calls[0]!.at)).toBe(true);
    expect(f.calls[12]!.at - f.calls[0]!.at).toBe(60_000);
    for (let i = 12; i < f.calls.length; i++) {
      const window = f.calls.filter((c) => c.at > f.calls[i]!.at - 60_000 && c.at <= f.calls[i]!.at);
      expect(window.length).toBeLessThanOrEqual(12);
    }
  });

  test('a shared throttle counts requests across imports', async () => {
    const clock = fakeClock();
    const throttle = new RollingThrottle(clock);
    const f = fakeFetch(clock, Array.from({ length: 13 }, () => page(1, 1)));
    for (let i = 0; i < 13; i++) await fetchEmploisStructures({ departement: '972' }, deps(clock, f, { throttle }));
    expect(f.calls[12]!.at - f.calls[0]!.at).toBe(60_000);
  });

  test('429: waits Retry-After seconds, then retries', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, [{ status: 429, headers: { 'Retry-After': '30' } }, page(1, 1)]);
    const result = await fetchEmploisStructures({ departement: '972' }, deps(clock, f));
    expect(result.results).toHaveLength(1);
    expect(clock.sleeps).toEqual([30_000]);
    expect(f.calls[1]!.at - f.calls[0]!.at).toBe(30_000);
  });

  test('429 with an HTTP date, and without header', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryAfterMs('Mon, 23 Nov 2026 10:00:45 GMT', now)).toBe(45_000);
    expect(retryAfterMs(null, now)).toBe(60_000);
    expect(retryAfterMs('999999', now)).toBe(600_000);
  });

  test('429 again and again: a rate_limited error', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, Array.from({ length: 4 }, () => ({ status: 429 })));
    await expect(fetchEmploisStructures({ departement: '972' }, deps(clock, f))).rejects.toMatchObject({ name: 'EmploisApiError', code: 'rate_limited' });
    expect(f.calls).toHaveLength(4);
  });

  test.each([
    [500, 'http_status'],
    [404, 'http_status'],
    [403, 'http_status'],
  ])('HTTP %i gives a clear error naming the status', async (status, code) => {
    const clock = fakeClock();
    const f = fakeFetch(clock, [{ status, body: 'oops' }]);
    const error = await fetchEmploisStructures({ departement: '972' }, deps(clock, f)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmploisApiError);
    expect(error).toMatchObject({ code, details: { status } });
    expect((error as Error).message).toContain(`HTTP ${status}`);
  });

  test('a response of the wrong shape or not JSON is refused', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, [{ status: 200, body: { count: 'x', results: 'nope' } }, { status: 200, body: '<html>' }]);
    await expect(fetchEmploisStructures({ departement: '972' }, deps(clock, f))).rejects.toMatchObject({ code: 'invalid_response' });
    await expect(fetchEmploisStructures({ departement: '972' }, deps(clock, f))).rejects.toMatchObject({ code: 'invalid_response' });
  });

  test('a network failure keeps its cause', async () => {
    const clock = fakeClock();
    const cause = new Error('ECONNRESET');
    const failing = (async () => {
      throw cause;
    }) as typeof fetch;
    await expect(fetchEmploisStructures({ departement: '972' }, { fetch: failing, sleep: clock.sleep, now: clock.now })).rejects.toMatchObject({ code: 'network', cause });
  });

  test('never follows next to another host', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, [{ status: 200, body: { count: 2, next: 'https://evil.example/api/v1/siaes/?page=2', previous: null, results: [] } }]);
    await expect(fetchEmploisStructures({ departement: '972' }, deps(clock, f))).rejects.toMatchObject({ code: 'foreign_next' });
  });

  test('stops at the page cap and says so', async () => {
    const clock = fakeClock();
    const f = fakeFetch(clock, Array.from({ length: 3 }, (_, i) => page(i + 1, 10)));
    const result = await fetchEmploisStructures({ departement: '972' }, deps(clock, f, { maxPages: 3 }));
    expect(result).toMatchObject({ pages: 3, truncated: true, count: 10 });
    expect(f.calls).toHaveLength(3);
  });

  test.each([[{ departement: '9720' }], [{ codeInsee: '97209', distanceKm: 0 }], [{ codeInsee: '97209', distanceKm: 101 }], [{ codeInsee: 'abc', distanceKm: 5 }]])('invalid query %j is refused before any request', async (query) => {
    const clock = fakeClock();
    const f = fakeFetch(clock, []);
    await expect(fetchEmploisStructures(query as never, deps(clock, f))).rejects.toMatchObject({ code: 'invalid_query' });
    expect(f.calls).toHaveLength(0);
  });
});
