import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { registerDirectoryRoutes } from '../../bot/api/directoryRoutes';
import { registerEligibilityRoutes } from '../../bot/api/eligibilityRoutes';
import { registerOpenApiRoute } from '../../bot/api/openapiRoute';
import { createFeatures } from '../../dialogs/features';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { openRequestStores, type RequestStores } from '../../stores/requests/openRequests';
import { postJson, startApp, type RunningApp } from '../support/appServer';
import { demoDirectory } from '../support/demoDirectory';

/**
 * Fuzzing every HTTP route with fast-check: generated and mutated activities and API requests.
 * Every answer must be a 2xx, or a 4xx with a message; never a 5xx, never a hang; the bot is
 * healthy afterwards. Fixed seed, bounded number of runs (the CI time stays under a minute).
 */
const SEED = 1414;
/** Runs per property, and the time each may take at most (whichever comes first ends it). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const TIME_LIMIT_MS = Number(process.env.FUZZ_SECONDS ?? 25) * 1000;
const REQUEST_TIMEOUT_MS = 15_000;

let store: OpenedStore;
let directory: DirectoryRepository;
let stores: RequestStores;
let running: RunningApp;
let sink: HttpServer;
let sinkUrl: string;
let sent = 0;
let runs = 0;
const statuses = new Map<number, number>();

beforeAll(async () => {
  ({ store, directory } = await demoDirectory());
  stores = await openRequestStores(store.backend);
  // Where an unauthenticated /api/messages turn replies (loopback): accepts anything.
  sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"id":"1"}'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  running = await startApp({
    env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_TOKENS_PER_MINUTE: '1000000', TURNS_PER_MINUTE: '1000000' },
    features: createFeatures({ directory, requests: stores.requests, advisers: stores.advisers, subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET }),
    // Without the understanding model: learning it under ts-jest takes over a minute (its own
    // tests cover it); menu words and commands still drive the dialogs.
    apiRoutes: [(s) => registerEligibilityRoutes(s), (s) => registerDirectoryRoutes(s, directory), registerOpenApiRoute],
  });
}, 60_000);

afterAll(async () => {
  await running?.close();
  await new Promise((resolve) => sink?.close(resolve));
  await store?.close();
  console.log(`fuzz: ${runs} generated requests (${sent} reached the server), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
});

// ---- generators ------------------------------------------------------------------------------

const nasty = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u0007\u001b[31m',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u2066',
  '\ufeff',
  'e\u0301'.repeat(50),
  '👩🏽‍🚀'.repeat(20),
  'a'.repeat(60_000) + '!',
  '('.repeat(5_000),
  '((a+)+)+$' + 'a'.repeat(5_000),
  '<script>alert(1)</script>',
  '{"$gt":""}',
  '__proto__',
  'constructor',
  'GI-7K3P9Q',
  '123456',
  'aide',
  'menu',
  'suivre ma demande',
  'effacer mes données',
  'demandes reçues',
  'recommencer',
  'english',
  '97200',
  'né le 31/02/1990',
);
const text = fc.oneof(nasty, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }));
const poison = fc.constantFrom<unknown>(
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  { $gt: '' },
  { $where: 'sleep(1000)' },
  { $ne: null, $regex: '.*' },
  [],
  null,
  Number.MAX_SAFE_INTEGER,
  -0,
  1e308,
);
const value: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), poison, text);
const deepJson = fc.integer({ min: 10, max: 20_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

/** A field set from a valid activity, mutated: dropped, retyped or replaced fields, extras. */
const activityBody = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'event', 'typing', 'conversationUpdate', 'invoke', 'messageReaction', 'endOfConversation'), value),
    text,
    value,
    name: fc.oneof(text, value),
    locale: fc.oneof(fc.constantFrom('fr-FR', 'en-US', 'xx', 'fr', ''), value),
    textFormat: fc.oneof(fc.constantFrom('plain', 'markdown'), value),
    channelData: fc.oneof(fc.record({ clientActivityID: fc.oneof(text, value) }), value),
    from: fc.oneof(fc.record({ id: text, role: fc.constantFrom('bot', 'user', 'admin') }), value),
    attachments: fc.oneof(fc.array(value, { maxLength: 3 }), value),
    extra: value,
  },
  { requiredKeys: [] },
);

const channelActivity = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'invoke', 'event'), value),
    text,
    value,
    channelId: fc.oneof(fc.constantFrom('emulator', 'msteams', 'webchat', 'directline', 'unknown-channel', 'slack'), value),
    serviceUrl: fc.oneof(fc.constant('SINK'), fc.constantFrom('http://169.254.169.254/', 'http://10.0.0.1/', 'file:///etc/passwd', 'not a url', ''), value),
    conversation: fc.oneof(fc.record({ id: fc.oneof(text, fc.uuid()), tenantId: text, conversationType: fc.constantFrom('personal', 'groupChat') }), value),
    from: fc.oneof(fc.record({ id: text, aadObjectId: fc.oneof(fc.uuid(), text) }), value),
    recipient: fc.oneof(fc.record({ id: text }), value),
    membersAdded: fc.oneof(fc.array(fc.record({ id: text }), { maxLength: 3 }), value),
    locale: fc.oneof(fc.constantFrom('fr-FR', 'en-US'), value),
  },
  { requiredKeys: [] },
);

type Body = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string };
const jsonBody = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Body> => arb.map((v) => ({ kind: 'json', value: v }));
const rawBody: fc.Arbitrary<Body> = fc.oneof(
  deepJson.map((t) => ({ kind: 'raw' as const, text: t, type: 'application/json' })),
  fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '1e999', '{"a":1}{"b":2}', '\u0000').map((t) => ({ kind: 'raw' as const, text: t, type: 'application/json' })),
  fc.constant({ kind: 'raw' as const, text: JSON.stringify({ type: 'message', text: 'x'.repeat(1024 * 1024) }), type: 'application/json' }),
  fc.tuple(text, fc.constantFrom('text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/xml')).map(([t, type]) => ({ kind: 'raw' as const, text: t, type })),
);

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'OPTIONS';
  route: string;
  /** Which conversation and token: the real ones, another's, or garbage. */
  auth: 'own' | 'none' | 'garbage' | 'other';
  conversation: 'own' | 'other' | 'garbage';
  query: string;
  body?: Body;
}

const directLineCall: fc.Arbitrary<Call> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE'),
  route: fc.constantFrom(
    '/directline/tokens/generate',
    '/directline/tokens/refresh',
    '/directline/conversations',
    '/directline/conversations/:id',
    '/directline/conversations/:id/activities',
    '/directline/conversations/:id/activities',
    '/directline/conversations/:id/activities',
    '/directline/conversations/:id/upload',
  ),
  auth: fc.constantFrom('own', 'own', 'own', 'none', 'garbage', 'other'),
  conversation: fc.constantFrom('own', 'own', 'own', 'other', 'garbage'),
  query: fc.oneof(fc.constant(''), fc.constantFrom('?watermark=0', '?watermark=-1', '?watermark=abc', '?watermark=1e9', '?watermark=99999999999999999999', '?watermark[$gt]=0', '?__proto__[x]=1')),
  body: fc.option(fc.oneof(jsonBody(activityBody), jsonBody(value), rawBody), { nil: undefined }),
});

const apiCall: fc.Arbitrary<Call> = fc.record({
  method: fc.constantFrom('GET', 'POST', 'HEAD', 'OPTIONS'),
  route: fc.constantFrom('/api/messages', '/api/v1/eligibility', '/api/v1/criteria', '/api/v1/places', '/api/v1/structures', '/api/v1/stats', '/api/v1/openapi.json', '/', '/kiosk', '/webchat/constructor', '/webchat/__proto__/x', '/healthz', '/readyz', '/nope'),
  auth: fc.constant('none'),
  conversation: fc.constant('own'),
  query: fc.oneof(
    fc.constant(''),
    fc.tuple(fc.constantFrom('q', 'commune', 'kind', 'limit', 'offset', 'lang', 'near', 'lat', 'lon', 'radiusKm', 'territory', '__proto__', 'q[$regex]'), text).map(([k, v]) => `?${k}=${encodeURIComponent(Buffer.from(v).toString('utf8'))}`),
  ),
  body: fc.option(fc.oneof(jsonBody(channelActivity), jsonBody(fc.record({ text, age: value, criteria: value, commune: value, answers: value }, { requiredKeys: [] })), jsonBody(value), rawBody), { nil: undefined }),
});

// ---- the property ---------------------------------------------------------------------------

interface Session {
  conversationId: string;
  token: string;
}

async function openSession(): Promise<Session> {
  const session = (await (await postJson(`${running.baseUrl}/directline/tokens/generate`, {})).json()) as Session;
  await fetch(`${running.baseUrl}/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` } });
  return session;
}

function withSinkUrl(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && (body as { serviceUrl?: unknown }).serviceUrl === 'SINK') {
    return { ...(body as object), serviceUrl: sinkUrl };
  }
  return body;
}

async function send(call: Call, own: Session, other: Session): Promise<{ status: number; body: string }> {
  const conversationId = call.conversation === 'own' ? own.conversationId : call.conversation === 'other' ? other.conversationId : '..%2F..%2Fetc';
  const path = call.route.replace(':id', conversationId) + call.query;
  const headers: Record<string, string> = {};
  if (call.auth === 'own') headers.Authorization = `Bearer ${own.token}`;
  if (call.auth === 'other') headers.Authorization = `Bearer ${other.token}`;
  if (call.auth === 'garbage') headers.Authorization = 'Bearer \u00ff' + 'x'.repeat(3000);
  let body: string | undefined;
  if (call.body && call.method !== 'GET' && call.method !== 'HEAD') {
    if (call.body.kind === 'json') {
      body = JSON.stringify(withSinkUrl(call.body.value)) ?? 'null';
      headers['Content-Type'] = 'application/json';
    } else {
      body = call.body.text;
      headers['Content-Type'] = call.body.type;
    }
  }
  let res: Response;
  try {
    res = await fetch(`${running.baseUrl}${path}`, { method: call.method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    // Invalid header values are refused by the client itself: nothing reached the server.
    if (error instanceof TypeError && /header/i.test(String(error.message))) return { status: 400, body: '{"error":{"message":"client refused"}}' };
    throw error;
  }
  sent += 1;
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  return { status: res.status, body: await res.text() };
}

function expectSensible(call: Call, answer: { status: number; body: string }): void {
  if (answer.status >= 500) throw new Error(`${call.method} ${call.route}: ${answer.status} ${answer.body.slice(0, 300)}`);
  // 431 (headers or URL too large) is Node's HTTP parser refusing before the application runs.
  if (answer.status >= 400 && call.method !== 'HEAD' && answer.status !== 431) {
    const parsed = JSON.parse(answer.body) as { error?: { message?: unknown }; message?: unknown };
    const message = parsed.error?.message ?? parsed.message;
    if (typeof message !== 'string' || message.length === 0) throw new Error(`${call.method} ${call.route}: ${answer.status} without a message: ${answer.body.slice(0, 200)}`);
  }
}

/** Runs the property; a failure names the counterexample and what went wrong with it. */
async function check<T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<void>, seed: number): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, run), {
    seed,
    numRuns: RUNS,
    endOnFailure: true,
    interruptAfterTimeLimit: TIME_LIMIT_MS,
    markInterruptAsFailure: false,
  });
  runs += details.numRuns;
  if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}`);
}

describe('fuzzing every route (fast-check, fixed seed)', () => {
  jest.setTimeout(240_000);

  it('Direct Line routes: 2xx or 4xx with a message, never a 5xx or a hang', async () => {
    const own = await openSession();
    const other = await openSession();
    await check(directLineCall, async (call) => expectSensible(call, await send(call, own, other)), SEED);
  });

  it('the channel endpoint, the public API and the pages: same rule', async () => {
    const own = await openSession();
    await check(apiCall, async (call) => expectSensible(call, await send(call, own, own)), SEED + 1);
  });

  it('is healthy afterwards: probes answer and a new conversation works', async () => {
    expect((await fetch(`${running.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${running.baseUrl}/readyz`)).status).toBe(200);
    const session = await openSession();
    const res = await postJson(`${running.baseUrl}/directline/conversations/${session.conversationId}/activities`, { type: 'message', text: 'aide' }, { Authorization: `Bearer ${session.token}` });
    expect(res.status).toBe(200);
    const page = (await (await fetch(`${running.baseUrl}/directline/conversations/${session.conversationId}/activities`, { headers: { Authorization: `Bearer ${session.token}` } })).json()) as { activities: unknown[] };
    expect(page.activities.length).toBeGreaterThan(2);
    expect({}.constructor.prototype).not.toHaveProperty('polluted');
  });
});
