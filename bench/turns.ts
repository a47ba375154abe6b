import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Turn bench: `POST /api/messages` with `deliveryMode: 'expectReplies'` (the replies come back in the
 * response), driven by autocannon against servers started here, each in its own process: a bare
 * restify JSON echo (the HTTP ceiling), a bare botbuilder echo bot on the same stack (the framework
 * ceiling), that echo bot with state on the embedded store and one echoing dialog (the design's ceiling), then the bot itself (`dist/bot/index.js`) on one store.
 */

export interface Endpoint {
  name: string;
  port: number;
  pid: number;
  /** Process start to the first `/readyz` 200. */
  readyMs: number;
  /** Process start to the end of the warm-up that follows listening (the bot's recognizers), when it has one. */
  warmMs?: number;
  /** CPU the process used to start listening, and to the end of its warm-up (its own log): unlike wall times, not inflated by other work on the machine. */
  listenCpuMs?: number;
  warmCpuMs?: number;
  child: ChildProcess;
}

export interface LoadResult {
  scenario: string;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** Replies (activities) the first turn of the scenario got, checked before the run. */
  replies?: number;
  /** CPU the server process used per answered turn during the run (user + system, /proc): unlike turns/s, not shared with the load generator. */
  cpuMsPerTurn?: number;
}

const distRoot = join(__dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** CPU time a process used so far in ms (user + system, Linux /proc, 100 ticks a second); undefined elsewhere. */
export function cpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Resident memory of a process in MB (Linux /proc); undefined elsewhere. */
export function rssMb(pid: number): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function ready(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts `node <script>` with PORT set and waits for `/readyz` 200 (and, with `warmEvent`, for that
 * event in its JSON logs). Its stdout is read line by line and otherwise dropped.
 */
export async function startEndpoint(name: string, script: string, env: NodeJS.ProcessEnv, warmEvent?: string, timeoutMs = 180_000, nodeFlags: readonly string[] = []): Promise<Endpoint> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, '--disable-warning=DEP0111', script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let warmMs: number | undefined;
  const cpu: { listening?: number; warm?: number } = {};
  const cpuOf = (line: string) => {
    try {
      const value = (JSON.parse(line) as { cpuMs?: unknown }).cpuMs;
      return typeof value === 'number' ? value : undefined;
    } catch {
      return undefined;
    }
  };
  const warmed = new Promise<void>((resolve) => {
    if (!warmEvent) return resolve();
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"event":"listening"')) cpu.listening = cpuOf(line);
      if (warmMs === undefined && line.includes(`"event":"${warmEvent}"`)) {
        warmMs = performance.now() - started;
        cpu.warm = cpuOf(line);
        resolve();
      }
    });
  });
  if (!warmEvent) child.stdout!.resume();
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!(await ready(port))) {
    if (exited) throw new Error(`${name} exited before it was ready`);
    if (performance.now() - started > timeoutMs) throw new Error(`${name} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = performance.now() - started;
  await Promise.race([warmed, new Promise((r) => setTimeout(r, timeoutMs))]);
  return { name, port, pid: child.pid!, readyMs, warmMs, listenCpuMs: cpu.listening, warmCpuMs: cpu.warm, child };
}

export async function stopEndpoint(endpoint: Endpoint): Promise<void> {
  if (endpoint.child.exitCode !== null) return;
  const exited = new Promise((r) => endpoint.child.once('exit', r));
  endpoint.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (endpoint.child.exitCode === null) endpoint.child.kill('SIGKILL');
}

let counter = 0;
const runId = randomBytes(3).toString('hex');

/** A new conversation id (unique in this run). */
export function newConversation(): string {
  counter += 1;
  return `bench-${runId}-${counter}`;
}

export function activity(conversation: string, text: string | undefined): Record<string, unknown> {
  const user = `user-${conversation}`;
  const base = {
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/unused',
    from: { id: user },
    recipient: { id: 'bot' },
    conversation: { id: conversation },
    locale: 'fr-FR',
    deliveryMode: 'expectReplies',
  };
  if (text === undefined) return { ...base, type: 'conversationUpdate', membersAdded: [{ id: user }] };
  return { ...base, type: 'message', text };
}

/** One turn sent outside the measured runs: how many activities came back (checks the scenario does something). */
export async function probe(port: number, turns: ReadonlyArray<string | undefined>): Promise<{ replies: number; texts: string[] }> {
  const conversation = newConversation();
  let last: Array<{ text?: string }> = [];
  for (const text of turns) {
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(conversation, text)),
    });
    if (res.status !== 200) throw new Error(`probe: status ${res.status} for ${JSON.stringify(text)}`);
    last = ((await res.json()) as { activities?: Array<{ text?: string }> }).activities ?? [];
  }
  return { replies: last.length, texts: last.map((a) => (a.text ?? '').slice(0, 80)) };
}

export interface LoadOptions {
  /** The server's process, to measure its CPU per turn. */
  pid?: number;
  connections: number;
  durationS: number;
  /** Offered rate over all connections (open loop at a constant rate); absent = as fast as answered. */
  overallRate?: number;
  /** Total requests instead of a duration. */
  amount?: number;
}

/**
 * Runs autocannon on `POST /api/messages`. `script` is the conversation each connection plays in a
 * loop (undefined = the conversation-start event); every time it starts over, it is a new conversation.
 */
export async function load(port: number, scenario: string, script: ReadonlyArray<string | undefined>, options: LoadOptions): Promise<LoadResult> {
  const requests = script.map((text, i) => ({
    method: 'POST' as const,
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
      if (i === 0 || typeof context.conversation !== 'string') context.conversation = newConversation();
      return { ...request, body: JSON.stringify(activity(context.conversation as string, text)) };
    },
  }));
  const cpuBefore = options.pid === undefined ? undefined : cpuMs(options.pid);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    duration: options.durationS,
    amount: options.amount,
    overallRate: options.overallRate,
    timeout: 30,
    requests: requests as unknown as autocannon.Request[],
  });
  return {
    scenario,
    turnsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerTurn: perTurn(cpuBefore, options.pid === undefined ? undefined : cpuMs(options.pid), result['2xx']),
  };
}

export function perTurn(before: number | undefined, after: number | undefined, turns: number): number | undefined {
  if (before === undefined || after === undefined || turns <= 0) return undefined;
  return Math.round(((after - before) / turns) * 100) / 100;
}

/** The command `npm start` runs the bot with (package.json's `start`, its part that runs dist/bot/index.js). */
function startCommandWords(): string[] {
  // dist/bench/turns.js, or bench/turns.ts when a test imports the sources.
  const manifest = [join(distRoot, '..', 'package.json'), join(distRoot, 'package.json')].find((file) => existsSync(file));
  if (!manifest) return [];
  const start = (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts: Record<string, string> }).scripts.start ?? '';
  const command = start.split('&&').map((part) => part.trim()).find((part) => part.includes('dist/bot/index.js')) ?? '';
  return command.split(/\s+/);
}

const START_WORDS = startCommandWords();

/** The node flags `npm start` gives the bot (package.json), read from there so the bench starts it the same way. */
export const BOT_NODE_FLAGS: readonly string[] = START_WORDS.filter((word) => word.startsWith('--') && word !== '--disable-warning=DEP0111');

/** The environment `npm start` sets before `node` (`NAME=value` words, e.g. glibc's MALLOC_TRIM_THRESHOLD_), given to the bench's bot too. */
export const BOT_START_ENV: Readonly<Record<string, string>> = Object.fromEntries(
  START_WORDS.slice(0, Math.max(0, START_WORDS.indexOf('node')))
    .map((word) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [match[1]!, match[2]!]),
);

/** Starts the bot built in dist/ on a fresh embedded data folder, or on MongoDB (a fresh database). */
export async function startBot(store: { mongodbUri?: string }): Promise<Endpoint & { cleanup: () => void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-bot-'));
  // Every bench connection comes from 127.0.0.1: the per-address limit (240/min) would answer 429 to almost all of them.
  const env: NodeJS.ProcessEnv = { ...BOT_START_ENV, DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'development', MONGODB_URI: '', RATE_LIMIT_PER_MINUTE: '1000000' };
  if (store.mongodbUri) Object.assign(env, { MONGODB_URI: store.mongodbUri, MONGODB_DB: `bench_${runId}_${Date.now() % 100000}` });
  const endpoint = await startEndpoint(store.mongodbUri ? 'bot (mongodb)' : 'bot (embedded)', join(distRoot, 'bot', 'index.js'), env, 'recognizers_warmed', 180_000, BOT_NODE_FLAGS);
  return { ...endpoint, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export const echoScripts = {
  restify: join(distRoot, 'bench', 'servers', 'restifyEcho.js'),
  botbuilder: join(distRoot, 'bench', 'servers', 'botbuilderEcho.js'),
  dialogs: join(distRoot, 'bench', 'servers', 'botbuilderDialogs.js'),
};
