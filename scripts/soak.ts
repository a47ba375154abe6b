import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { createApp } from '../bot/app';
import { loadConfig, DEVELOPMENT_SUBJECT_KEY_SECRET } from '../bot/config';
import { createLogger } from '../bot/logger';
import { recognizerWarmSteps, warmUp } from '../bot/startup';
import { registerDirectoryRoutes } from '../bot/api/directoryRoutes';
import { registerEligibilityRoutes } from '../bot/api/eligibilityRoutes';
import { createFeatures } from '../dialogs/features';
import { loadMartiniqueDemo } from '../knowledge/directory/demo';
import { understand } from '../knowledge/understanding/understand';
import { openStore } from '../stores/appStore';
import { openDirectory } from '../stores/directory';
import { openRequestStores } from '../stores/requests/openRequests';

/**
 * `npm run soak`: mixed load on a bot started in this process, on 127.0.0.1 only, for
 * SOAK_SECONDS (default and most 600). Web chat users open a conversation, talk and poll; others
 * call the public API; some send what a client should not (too large, wrong type). Prints the
 * counts, the errors (5xx or no answer) and the memory: sampled every second, its peak (V8 heap used,
 * RSS) as well as the start and the end. Exits 1 when there was an error, or when the peak of the
 * heap went above SOAK_HEAP_MB (default 450) or the peak RSS above SOAK_RSS_MB (default 650): the
 * bounds `npm run soak` holds with the heap flags package.json's scripts give node. They come from the
 * first quiet 10-minute run with the Direct Line log at its caps (5 000 conversations, 64 MB;
 * 2026-12-07, 700 000 requests): heap used peaked at 406 MB (it swings 280–400 MB between
 * collections under the 512 MB old generation) and RSS at 593 MB, flat for the last 7 minutes.
 */
const SECONDS = Math.min(600, Number(process.env.SOAK_SECONDS ?? 600));
const USERS = Math.min(50, Number(process.env.SOAK_USERS ?? 20));
const HEAP_BOUND_MB = Number(process.env.SOAK_HEAP_MB ?? 450);
const RSS_BOUND_MB = Number(process.env.SOAK_RSS_MB ?? 650);
const MESSAGES = ['bonjour', 'aide', 'chercher une structure', 'Fort-de-France', 'menu', 'suis-je éligible', 'recommencer', 'suivre ma demande', 'GI-7K3P9Q', '123456', 'english', 'français'];

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_TOKENS_PER_MINUTE: '1000000', TURNS_PER_MINUTE: '1000000' });
  const store = await openStore({ dataDir: null, mongodbDb: 'unused' });
  const directory = await openDirectory(store.backend);
  await directory.upsertMany(loadMartiniqueDemo());
  const { requests, advisers } = await openRequestStores(store.backend);
  const app = createApp({
    config,
    logger: createLogger('silent'),
    store,
    understand,
    features: createFeatures({ directory, requests, advisers, subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET }),
    apiRoutes: [(s) => registerEligibilityRoutes(s), (s) => registerDirectoryRoutes(s, directory)],
  });
  // Warmed as the bot warms itself before and just after it listens, so that the soak measures a started bot.
  const warmStarted = process.cpuUsage();
  warmUp(createLogger('silent'));
  for (const step of recognizerWarmSteps()) step();
  const warmCpu = process.cpuUsage(warmStarted);
  console.log(`soak: warmed up in ${Math.round((warmCpu.user + warmCpu.system) / 1000)} ms of CPU`);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const counts = { requests: 0, conversations: 0, errors: 0, byStatus: {} as Record<number, number>, failures: {} as Record<string, number> };
  const call = async (path: string, init: RequestInit = {}): Promise<Response | undefined> => {
    try {
      const res = await fetch(base + path, { ...init, signal: AbortSignal.timeout(20_000) });
      counts.requests += 1;
      counts.byStatus[res.status] = (counts.byStatus[res.status] ?? 0) + 1;
      if (res.status >= 500) counts.errors += 1;
      return res;
    } catch (error) {
      counts.errors += 1;
      // Which call got no answer, and why (the route without its ids, the error's name and cause).
      const route = `${init.method ?? 'GET'} ${path.split('?')[0]!.replace(/\/conversations\/[^/]+/, '/conversations/:id')}`;
      const cause = error instanceof Error ? `${error.name}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : 'unknown';
      const key = `${route}: ${cause}`;
      counts.failures[key] = (counts.failures[key] ?? 0) + 1;
      return undefined;
    }
  };
  const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  global.gc?.();
  const start = process.memoryUsage();
  const until = Date.now() + SECONDS * 1000;
  let seed = 7;
  const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;

  const webUser = async () => {
    while (Date.now() < until) {
      const token = await call('/directline/tokens/generate', json({ locale: 'fr-FR' }));
      if (!token?.ok) continue;
      const { conversationId, token: bearer } = (await token.json()) as { conversationId: string; token: string };
      const auth = { Authorization: `Bearer ${bearer}` };
      counts.conversations += 1;
      await call('/directline/conversations', { method: 'POST', headers: auth });
      let watermark = '0';
      for (let i = 0; i < 8 && Date.now() < until; i++) {
        const kind = next(10);
        const body = kind === 0 ? { type: 'message', value: { blob: 'x'.repeat(20_000) } } : kind === 1 ? { type: 'message', text: 'y'.repeat(5000) } : { type: 'message', text: MESSAGES[next(MESSAGES.length)] };
        (await call(`/directline/conversations/${conversationId}/activities`, json(body, auth)))?.body?.cancel();
        const page = await call(`/directline/conversations/${conversationId}/activities?watermark=${watermark}`, { headers: auth });
        if (page?.ok) watermark = ((await page.json()) as { watermark: string }).watermark;
      }
    }
  };
  const apiUser = async () => {
    while (Date.now() < until) {
      const pick = next(4);
      const res =
        pick === 0 ? await call('/api/v1/structures?q=insertion') : pick === 1 ? await call('/api/v1/criteria') : pick === 2 ? await call('/api/v1/eligibility', json({ age: 30, criteria: ['RSA'] })) : await call('/healthz');
      await res?.body?.cancel();
    }
  };
  const tokenFlood = async () => {
    while (Date.now() < until) (await call('/directline/tokens/generate', json({})))?.body?.cancel();
  };

  // The peak, not only the end: between two collections V8 lets garbage pile up to its limit.
  const peak = { heapUsed: start.heapUsed, heapTotal: start.heapTotal, rss: start.rss };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.heapTotal = Math.max(peak.heapTotal, m.heapTotal);
    peak.rss = Math.max(peak.rss, m.rss);
  }, 1000);
  const reporter = setInterval(() => {
    const m = process.memoryUsage();
    console.log(`soak: ${Math.round((until - Date.now()) / 1000)} s left, ${counts.requests} requests, ${counts.errors} errors, heap ${mb(m.heapUsed)} MB, rss ${mb(m.rss)} MB, web conversations kept ${app.conversationLog.usage.conversations}`);
  }, 30_000);
  await Promise.all([...Array.from({ length: USERS }, webUser), ...Array.from({ length: Math.ceil(USERS / 4) }, apiUser), tokenFlood()]);
  clearInterval(reporter);
  clearInterval(sampler);

  global.gc?.();
  const end = process.memoryUsage();
  // V8 gives freed heap pages back to the system a few seconds after a collection: RSS once settled.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  global.gc?.();
  const settled = process.memoryUsage();
  console.log(
    JSON.stringify(
      {
        seconds: SECONDS,
        users: USERS,
        requests: counts.requests,
        conversations: counts.conversations,
        errors: counts.errors,
        byStatus: counts.byStatus,
        failures: counts.failures,
        heapStartMB: mb(start.heapUsed),
        heapPeakMB: mb(peak.heapUsed),
        heapTotalPeakMB: mb(peak.heapTotal),
        heapEndMB: mb(end.heapUsed),
        heapLimitMB: mb(getHeapStatistics().heap_size_limit),
        rssStartMB: mb(start.rss),
        rssPeakMB: mb(peak.rss),
        rssEndMB: mb(end.rss),
        rssSettledMB: mb(settled.rss),
        heapTotalSettledMB: mb(settled.heapTotal),
        directLine: app.conversationLog.usage,
        heapBoundMB: HEAP_BOUND_MB,
        rssBoundMB: RSS_BOUND_MB,
        loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
      },
      null,
      2,
    ),
  );
  await new Promise<void>((resolve) => app.server.close(() => resolve()));
  await store.close();
  const within = mb(peak.heapUsed) <= HEAP_BOUND_MB && mb(peak.rss) <= RSS_BOUND_MB;
  if (!within) console.error(`soak: memory above its bound (heap peak ${mb(peak.heapUsed)} MB, bound ${HEAP_BOUND_MB}; RSS peak ${mb(peak.rss)} MB, bound ${RSS_BOUND_MB})`);
  process.exit(counts.errors === 0 && within ? 0 : 1);
}

main().catch((error) => {
  console.error('soak failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
