import { Agent } from 'node:http';
import { percentile } from './stats';
import { activity, cpuMs, newConversation, perTurn, type LoadResult } from './turns';

/**
 * Open-loop load at a constant rate: request k leaves at start + k / rate whether or not the earlier
 * ones were answered, sent by loadtest (`requestsPerSecond`: a high-resolution timer that catches up
 * when it falls behind, a new client whenever none is free). autocannon's `overallRate` is no such
 * thing: each connection sends its rate / connections requests back to back at the start of each of
 * its 1 s ticks, all connections together, so the second's requests leave in a burst.
 * Latency runs from the scheduled send time (or the actual one, if that was earlier): a late timer
 * in the load generator counts against the figure instead of hiding (no coordinated omission).
 */

export interface ConstantRateOptions {
  url: string;
  rate: number;
  /** Requests to send (at `rate`, they take requests / rate seconds to leave). */
  requests: number;
  /** Body of request k (JSON), called when it leaves. */
  body: (k: number) => string;
  timeoutMs?: number;
  /** Called when request k leaves and when its answer (or failure) is complete. */
  onSent?: (k: number) => void;
  onDone?: (k: number) => void;
}

export interface Sent {
  /** performance.now() times, ms. */
  scheduled: number;
  sent: number;
  /** When the answer was complete, and its status. */
  done?: number;
  status?: number;
  /** Why there was no answer (refused, reset, timed out). */
  error?: string;
}

/** The parts of loadtest 8 used here (its index.d.ts predates the promise API and the ESM package). */
interface LoadtestRequest {
  write(chunk: string): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'timeout', listener: () => void): void;
  labels?: unknown;
}
interface LoadtestParams {
  headers: Record<string, string | number>;
  agent?: unknown;
}
interface LoadtestOptions {
  url: string;
  method: 'POST';
  requestsPerSecond: number;
  maxRequests: number;
  maxSeconds: number;
  timeout: number;
  agentKeepAlive: boolean;
  quiet: boolean;
  requestGenerator: (options: unknown, params: LoadtestParams, client: (params: LoadtestParams, callback: unknown) => LoadtestRequest, callback: unknown) => LoadtestRequest;
  statusCallback: (error: unknown, result: { statusCode?: number; labels?: unknown } | undefined) => void;
}
type LoadTestFn = (options: LoadtestOptions) => Promise<unknown>;

/** loadtest is an ES module only, which Node (20.19+, 22.12+) requires from this CommonJS build, when first used. */
function loadtest(): LoadTestFn {
  return (require('loadtest') as { loadTest: LoadTestFn }).loadTest;
}

/** Sends `requests` POSTs at a constant `rate`; returns each one's scheduled, sent and done times. */
export async function constantRate(options: ConstantRateOptions): Promise<Sent[]> {
  const loadTest = loadtest();
  const interval = 1000 / options.rate;
  const records: Sent[] = [];
  let start: number | undefined;
  // One keep-alive agent for all requests (loadtest's `agentKeepAlive` gives each of its clients an
  // agentkeepalive 2 agent, which on Node 20 still opened a connection for about every third request).
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  // An answer (any status), or a failure without one (refused, reset, timed out): whichever comes first.
  const finish = (k: number, outcome: { status: number } | { error: string }) => {
    const record = records[k];
    if (!record || record.done !== undefined || record.error !== undefined) return;
    if ('status' in outcome) {
      record.done = performance.now();
      record.status = outcome.status;
    } else {
      record.error = outcome.error;
    }
    options.onDone?.(k);
  };
  await loadTest({
    url: options.url,
    method: 'POST',
    requestsPerSecond: options.rate,
    maxRequests: options.requests,
    // A backstop only: requests still unanswered then have no `done` and count as failed.
    maxSeconds: options.requests / options.rate + (options.timeoutMs ?? 30_000) / 1000 + 5,
    timeout: options.timeoutMs ?? 30_000,
    agentKeepAlive: false,
    quiet: true,
    requestGenerator: (_options, params, client, callback) => {
      const now = performance.now();
      start ??= now;
      const k = records.length;
      records.push({ scheduled: start + k * interval, sent: now });
      const body = options.body(k);
      params.headers['Content-Type'] = 'application/json';
      params.headers['Content-Length'] = Buffer.byteLength(body);
      params.agent = agent;
      const request = client(params, callback);
      // An object: loadtest passes on only truthy labels.
      request.labels = { k };
      request.on('error', (error: Error) => finish(k, { error: error.message }));
      request.on('timeout', () => finish(k, { error: 'timed out' }));
      options.onSent?.(k);
      request.write(body);
      return request;
    },
    statusCallback: (_error, result) => {
      // A failed connection comes without a result (nor its label): the request's own events above.
      const k = (result?.labels as { k?: unknown } | undefined)?.k;
      if (typeof k === 'number' && typeof result?.statusCode === 'number') finish(k, { status: result.statusCode });
    },
  });
  agent.destroy();
  return records;
}

/**
 * Which conversation and which turn of the script tick k plays, `slots` conversations at a time
 * (one more than a multiple of the script's length): tick k goes to slot k mod slots, which plays
 * its script in order, starting over with a new conversation after the last turn. Slot s starts at
 * turn s mod length (its first turns are played before the measured run), so tick k plays turn
 * k mod length: any `length` consecutive ticks play each turn of the script once (the mix is the
 * same at every moment of the run), and a conversation gets a turn every `slots` ticks.
 */
export function rotation(k: number, slots: number, length: number): { slot: number; turn: number; round: number } {
  const slot = k % slots;
  const visit = Math.floor(k / slots);
  const position = visit + (slot % length);
  return { slot, turn: position % length, round: Math.floor(position / length) };
}

export interface OpenLoadOptions {
  pid?: number;
  rate: number;
  durationS: number;
  /** Smallest time between two turns of one conversation (s); 0.5 by default. */
  gapS?: number;
}

export interface OpenLoadResult extends LoadResult {
  offered: number;
  /** Conversations played at once; a conversation gets a turn every `slots` / rate seconds. */
  slots: number;
  /** Turns sent while the same conversation's previous turn was still unanswered (0 expected). */
  overlaps: number;
  /** Requests without an answer, by reason. */
  failures: Record<string, number>;
  /** How late the load generator sent (p99 and max, ms): large values mean it, not the bot, was slow. */
  sendLagP99: number;
  sendLagMax: number;
  /** Latency by turn of the script (from the scheduled send, answered turns only). */
  byTurn: TurnLatency[];
}

export interface TurnLatency {
  /** Position in the script and its text (undefined = the conversation-start event). */
  turn: number;
  text: string | undefined;
  answered: number;
  p50: number;
  p99: number;
  max: number;
  /** Answered turns slower than `slowMs` (50 ms, the target's p99). */
  slow: number;
}

/** Latency percentiles of the answered records by the script turn each one played (`turnOf(k)`). */
export function latencyByTurn(records: readonly Sent[], turnOf: (k: number) => number, script: ReadonlyArray<string | undefined>, slowMs = 50): TurnLatency[] {
  const latencies = script.map(() => [] as number[]);
  records.forEach((r, k) => {
    if (ok(r)) latencies[turnOf(k)]?.push(r.done! - Math.min(r.scheduled, r.sent));
  });
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return script.map((text, turn) => {
    const sorted = latencies[turn]!.sort((a, b) => a - b);
    return {
      turn,
      text,
      answered: sorted.length,
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? Number.NaN),
      slow: sorted.filter((ms) => ms > slowMs).length,
    };
  });
}

/**
 * The conversation `script` at a constant `rate` for `durationS`, over enough conversations at once
 * that turns of one conversation are `gapS` apart (see rotation). Every conversation plays the
 * script from its start; those that begin mid-script in the run had their first turns played before.
 */
export async function openLoad(port: number, scenario: string, script: ReadonlyArray<string | undefined>, options: OpenLoadOptions): Promise<OpenLoadResult> {
  const length = script.length;
  const slots = length * Math.ceil((options.rate * (options.gapS ?? 0.5)) / length) + 1;
  const requests = Math.round(options.rate * options.durationS);
  const url = `http://127.0.0.1:${port}/api/messages`;
  const conversations: string[] = [];
  // Before the run: each slot's first turns, so that slots start at every turn of the script.
  await Promise.all(
    Array.from({ length: slots }, async (_, slot) => {
      conversations[slot] = newConversation();
      for (let turn = 0; turn < slot % length; turn++) {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(conversations[slot]!, script[turn])) });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`open loop: status ${res.status} before the run`);
      }
    }),
  );
  const busy = new Array<boolean>(slots).fill(false);
  let overlaps = 0;
  const cpuBefore = options.pid === undefined ? undefined : cpuMs(options.pid);
  const records = await constantRate({
    url,
    rate: options.rate,
    requests,
    body: (k) => {
      const { slot, turn } = rotation(k, slots, length);
      if (turn === 0 && k >= slots) conversations[slot] = newConversation();
      return JSON.stringify(activity(conversations[slot]!, script[turn]));
    },
    onSent: (k) => {
      const { slot } = rotation(k, slots, length);
      if (busy[slot]) overlaps += 1;
      busy[slot] = true;
    },
    onDone: (k) => {
      busy[rotation(k, slots, length).slot] = false;
    },
  });
  const cpuAfter = options.pid === undefined ? undefined : cpuMs(options.pid);
  return {
    scenario,
    ...summarize(records),
    offered: options.rate,
    slots,
    overlaps,
    cpuMsPerTurn: perTurn(cpuBefore, cpuAfter, records.filter(ok).length),
    byTurn: latencyByTurn(records, (k) => rotation(k, slots, length).turn, script),
  };
}

const ok = (r: Sent) => r.done !== undefined && r.status !== undefined && r.status >= 200 && r.status < 300;

/** Achieved rate, latency percentiles from the scheduled time, failures and the generator's lag. */
export function summarize(records: readonly Sent[]) {
  const answered = records.filter(ok);
  const latencies = answered.map((r) => r.done! - Math.min(r.scheduled, r.sent)).sort((a, b) => a - b);
  const lags = records.map((r) => r.sent - r.scheduled).sort((a, b) => a - b);
  const first = records[0]?.scheduled ?? 0;
  const last = Math.max(first, ...answered.map((r) => r.done!));
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    turnsPerSecond: last > first ? (answered.length * 1000) / (last - first) : 0,
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies[latencies.length - 1] ?? Number.NaN),
    /** No answer: refused, reset, timed out, or still unanswered when loadtest gave up. */
    errors: records.filter((r) => r.done === undefined).length,
    non2xx: records.filter((r) => r.done !== undefined && !ok(r)).length,
    failures: records.reduce<Record<string, number>>((counts, r) => {
      if (r.done === undefined) counts[r.error ?? 'no answer'] = (counts[r.error ?? 'no answer'] ?? 0) + 1;
      return counts;
    }, {}),
    sendLagP99: round(percentile(lags, 99)),
    sendLagMax: round(lags[lags.length - 1] ?? Number.NaN),
  };
}
