import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constantRate, latencyByTurn, rotation, summarize, type Sent } from '../../bench/openLoop';
import { benchParts } from '../../bench/parts';

/**
 * The bench's open loop (bench/openLoop.ts): requests leave spread over time at the offered rate,
 * not in a burst each second (autocannon's `overallRate` sends a second's requests together), and
 * the conversations it plays never see two of their turns close together. No timing of the bot.
 */

describe('rotation over conversations', () => {
  const slots = 109;
  const length = 9;
  const ticks = Array.from({ length: 5000 }, (_, k) => rotation(k, slots, length));

  it('plays each turn of the script once in any run of `length` consecutive ticks', () => {
    ticks.forEach((t, k) => expect(t.turn).toBe(k % length));
    for (let k = 0; k + length <= ticks.length; k++) {
      const turns = new Set(ticks.slice(k, k + length).map((t) => t.turn));
      expect(turns.size).toBe(length);
    }
  });

  it('gives a conversation its next turn `slots` ticks later, in script order, starting over after the last', () => {
    for (let k = 0; k + slots < ticks.length; k++) {
      const [now, next] = [ticks[k]!, ticks[k + slots]!];
      expect(next.slot).toBe(now.slot);
      expect(next.turn).toBe((now.turn + 1) % length);
      expect(next.round).toBe(now.turn === length - 1 ? now.round + 1 : now.round);
      // No other tick in between goes to that slot.
      expect(ticks.slice(k + 1, k + slots).some((t) => t.slot === now.slot)).toBe(false);
    }
  });

  it('starts slot s at turn s mod length (its first turns are played before the run)', () => {
    for (let s = 0; s < slots; s++) expect(ticks[s]).toEqual({ slot: s, turn: s % length, round: 0 });
  });
});

describe('constantRate', () => {
  let server: Server;
  let url: string;
  const arrivals: number[] = [];
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        arrivals.push(performance.now());
        bodies.push(body);
        res.setHeader('content-type', 'application/json');
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends at the offered rate spread over time, not a burst per second, and answers them all', async () => {
    const rate = 100;
    const requests = 150;
    const records = await constantRate({ url, rate, requests, body: (k) => JSON.stringify({ k }) });

    expect(records).toHaveLength(requests);
    expect(records.every((r) => r.status === 200 && r.done !== undefined)).toBe(true);
    expect(bodies.map((b) => (JSON.parse(b) as { k: number }).k).sort((a, b) => a - b)).toEqual(records.map((_, k) => k));
    // Requests cannot leave ahead of their schedule (the timer waits, to the millisecond), so the
    // last one arrives at least (requests - 1) / rate after the first.
    arrivals.sort((a, b) => a - b);
    expect(arrivals[arrivals.length - 1]! - arrivals[0]!).toBeGreaterThan(((requests - 1) / rate) * 1000 * 0.9);
    // No 100 ms window holds half a second's requests (a stalled timer catches up, but not that much).
    const busiest = Math.max(...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 100).length));
    expect(busiest).toBeLessThanOrEqual(rate / 2);

    const summary = summarize(records);
    expect(summary.errors).toBe(0);
    expect(summary.non2xx).toBe(0);
    expect(summary.p50).toBeLessThanOrEqual(summary.p99);
    expect(summary.p99).toBeLessThanOrEqual(summary.max);
  });

  it('counts a request that got no answer as an error, and a 4xx or 5xx as non-2xx', async () => {
    const failing = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        // Every third request is cut without an answer, every other one gets a 503.
        const { k } = JSON.parse(body) as { k: number };
        if (k % 3 === 0) return req.socket.destroy();
        res.statusCode = 503;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const port = (failing.address() as AddressInfo).port;
    try {
      const records = await constantRate({
        url: `http://127.0.0.1:${port}/`,
        rate: 50,
        requests: 9,
        body: (k) => JSON.stringify({ k }),
      });
      const summary = summarize(records);
      expect(summary.errors).toBe(3);
      expect(summary.non2xx).toBe(6);
      expect(Object.values(summary.failures).reduce((a, b) => a + b, 0)).toBe(3);
    } finally {
      failing.closeAllConnections();
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});

describe('latencyByTurn', () => {
  it('splits the answered turns by the script turn each played, latency from the scheduled send', () => {
    const script = [undefined, 'menu', 'aide'];
    // Request k played turn k mod 3; latency 10 * (k + 1) ms from its schedule, the sixth sent late.
    const records: Sent[] = Array.from({ length: 7 }, (_, k) => ({ scheduled: 100 * k, sent: 100 * k + (k === 5 ? 30 : 0), done: 100 * k + 10 * (k + 1), status: 200 }));
    records[4] = { scheduled: 400, sent: 400, error: 'timed out' };
    records[6] = { ...records[6]!, status: 503 };
    const byTurn = latencyByTurn(records, (k) => k % 3, script, 25);
    expect(byTurn.map((t) => t.text)).toEqual(script);
    expect(byTurn.map((t) => t.turn)).toEqual([0, 1, 2]);
    // Turn 0: k = 0, 3 (6 got a 503); turn 1: k = 1 (4 unanswered); turn 2: k = 2, 5.
    expect(byTurn.map((t) => t.answered)).toEqual([2, 1, 2]);
    expect(byTurn[0]).toMatchObject({ p50: 10, p99: 40, max: 40, slow: 1 });
    expect(byTurn[1]).toMatchObject({ p50: 20, p99: 20, max: 20, slow: 0 });
    expect(byTurn[2]).toMatchObject({ p50: 30, p99: 60, max: 60, slow: 2 });
  });
});

describe('BENCH_ONLY', () => {
  it('runs everything but the open loop alone and the conversations alone by default', () => {
    expect(benchParts(undefined)).toEqual({ turns: true, conversations: false, openLoop: false, directory: true });
    expect(benchParts('')).toEqual(benchParts(undefined));
  });

  it('runs one part for each value', () => {
    expect(benchParts('turns')).toEqual({ turns: true, conversations: false, openLoop: false, directory: false });
    expect(benchParts('directory')).toEqual({ turns: false, conversations: false, openLoop: false, directory: true });
    expect(benchParts('conversations')).toEqual({ turns: false, conversations: true, openLoop: false, directory: false });
    expect(benchParts('openloop')).toEqual({ turns: false, conversations: false, openLoop: true, directory: false });
  });

  it('refuses a value it does not know instead of running the whole bench', () => {
    expect(() => benchParts('open-loop')).toThrow(/BENCH_ONLY=open-loop: expected one of turns, directory, conversations, openloop/);
  });
});
