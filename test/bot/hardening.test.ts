import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter } from 'botbuilder';
import { ConfigError, isOpenWithoutAuthentication, listenHost, loadConfig } from '../../bot/config';
import { createRateLimits, limitedRequests } from '../../bot/rateLimits';
import { scheduleRequestsPurge } from '../../bot/startup';
import { createLogger } from '../../bot/logger';
import { openEmbeddedDatabase, StoreLockedError } from '../../stores/embeddedDatabase';
import { FollowUpLockedError } from '../../stores/requests/errors';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import { postJson, startApp, type RunningApp } from '../support/appServer';
import { forClient, turnClientAddress } from '../../dialogs/shared/turnClient';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('rate limits (429 with Retry-After)', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ env: { RATE_LIMIT_TOKENS_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '40', TURNS_PER_MINUTE: '2' } });
  });
  afterAll(() => running.close());

  it('limits token generation per address, tighter than the rest', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await postJson(`${running.baseUrl}/directline/tokens/generate`, {});
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it('limits the messages of one conversation', async () => {
    // A token from a fresh limiter budget: the route limit is per address, so reuse one opened above is not possible.
    const other = await startApp({ env: { TURNS_PER_MINUTE: '2' } });
    try {
      const session = (await (await postJson(`${other.baseUrl}/directline/tokens/generate`, {})).json()) as { conversationId: string; token: string };
      const say = () => postJson(`${other.baseUrl}/directline/conversations/${session.conversationId}/activities`, { type: 'message', text: 'aide' }, bearer(session.token));
      expect((await say()).status).toBe(200);
      expect((await say()).status).toBe(200);
      const third = await say();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await other.close();
    }
  });

  it('limits every endpoint per address, but never the health probes', async () => {
    const limited = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${limited.baseUrl}/webchat/page.css`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      for (let i = 0; i < 5; i++) expect((await fetch(`${limited.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('limits follow-up checks per client address, whatever the conversation', async () => {
    const limits = createRateLimits(loadConfig({ RATE_LIMIT_FOLLOW_UP_PER_HOUR: '2' }));
    let checks = 0;
    const requests = limitedRequests({ verifyFollowUp: async () => (checks++, null) } as unknown as RequestRepository, limits);
    await requests.verifyFollowUp('GI-AAAAAA', '000000', { clientAddress: '192.0.2.7' });
    await requests.verifyFollowUp('GI-BBBBBB', '000000', { clientAddress: '192.0.2.7' });
    await expect(requests.verifyFollowUp('GI-CCCCCC', '000000', { clientAddress: '192.0.2.7' })).rejects.toThrow(FollowUpLockedError);
    await requests.verifyFollowUp('GI-CCCCCC', '000000', { clientAddress: '192.0.2.8' });
    expect(checks).toBe(3);
  });

  it('limits submissions per client address and never hands the address to the store', async () => {
    const limits = createRateLimits(loadConfig({ RATE_LIMIT_SUBMISSIONS_PER_HOUR: '1' }));
    const given: unknown[] = [];
    const requests = limitedRequests({ submit: async (...args: unknown[]) => (given.push(args[2]), {}) } as unknown as RequestRepository, limits);
    const draft = {} as Parameters<RequestRepository['submit']>[0];
    await requests.submit(draft, 'key-1', { followUpCode: '123456', clientAddress: '192.0.2.7' });
    await expect(requests.submit(draft, 'key-2', { clientAddress: '192.0.2.7' })).rejects.toThrow(/too many submissions/);
    await requests.submit(draft, 'key-3');
    expect(given).toEqual([{ followUpCode: '123456' }, undefined]);
  });

  it("gives a turn the address of the HTTP request it came from, and none to a turn that has no request", async () => {
    const seen: Array<string | undefined> = [];
    await new TestAdapter(forClient('192.0.2.9', async (context) => void seen.push(turnClientAddress(context)))).send('bonjour');
    await new TestAdapter(async (context) => void seen.push(turnClientAddress(context))).send('bonjour');
    expect(seen).toEqual(['192.0.2.9', undefined]);
  });
});

describe('unauthenticated mode', () => {
  it('listens on loopback by default, and another interface needs an explicit setting', () => {
    expect(listenHost(loadConfig({}))).toBe('127.0.0.1');
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/ALLOW_UNAUTHENTICATED_NETWORK/);
    const open = loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_NETWORK: 'true' });
    expect(isOpenWithoutAuthentication(open)).toBe(true);
    const authenticated = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 't' });
    expect(listenHost(authenticated)).toBe('0.0.0.0');
    expect(isOpenWithoutAuthentication(authenticated)).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_NETWORK: 'true' })).toThrow(/MicrosoftAppId/);
  });

  it('never calls back a serviceUrl off this machine, and trusts no Teams identity', async () => {
    const running = await startApp();
    try {
      const activity = (serviceUrl: string, channelId = 'emulator') => ({
        type: 'message',
        text: 'aide',
        channelId,
        serviceUrl,
        conversation: { id: 'c1' },
        from: { id: 'u1', aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001' },
        recipient: { id: 'bot' },
      });
      for (const url of ['http://169.254.169.254/latest', 'http://10.0.0.5:8080/internal-admin', 'https://example.org/']) {
        const res = await postJson(`${running.baseUrl}/api/messages`, activity(url));
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('service_url_refused');
      }
      expect((await postJson(`${running.baseUrl}/api/messages`, activity('http://127.0.0.1:9/', 'msteams'))).status).toBe(403);
    } finally {
      await running.close();
    }
  });
});

describe('errors say nothing of the internals', () => {
  it('answers a 500 with a plain body, and looks assets up by own property', async () => {
    const running = await startApp({
      apiRoutes: [
        (server) =>
          server.get('/api/boom', async () => {
            throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:27017'), { name: 'MongoServerSelectionError' });
          }),
      ],
    });
    try {
      const res = await fetch(`${running.baseUrl}/api/boom`);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(body).not.toMatch(/ECONNREFUSED|Mongo|27017/);
      expect(JSON.parse(body)).toEqual({ error: { code: 'internal_error', message: 'internal error' } });
      for (const name of ['constructor', '__proto__', 'hasOwnProperty', 'toString']) {
        expect((await fetch(`${running.baseUrl}/webchat/${name}`)).status).toBe(404);
      }
    } finally {
      await running.close();
    }
  });
});

describe('embedded store: one process, private files', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'guichet-lock-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is refused to a second process while the first holds it, with a sentence naming the holder', async () => {
    const dir = path.join(root, 'held');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const first = openEmbeddedDatabase(dir);
      await openEmbeddedDatabase(dir).close(); // the same process again: allowed
      await first.close();
      // Play another process: the lock names a live pid that is not ours.
      writeFileSync(path.join(dir, '.lock'), String(holder.pid));
      let refused: unknown;
      try {
        openEmbeddedDatabase(dir);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(StoreLockedError);
      expect((refused as Error).message).toMatch(new RegExp(`in use by another process \\(pid ${holder.pid}\\).*bot`));
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that is gone, and writes files 0600', async () => {
    const dir = path.join(root, 'stale');
    const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    await openEmbeddedDatabase(dir).close();
    writeFileSync(path.join(dir, '.lock'), String(gone.pid));
    const database = openEmbeddedDatabase(dir);
    const collection = await database.collection('people');
    await collection.insertAsync({ name: 'x' });
    await database.close();
    expect(statSync(path.join(dir, 'people.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});

describe('retention purge in the bot', () => {
  it('runs at start and then every day', async () => {
    jest.useFakeTimers();
    try {
      let runs = 0;
      const requests = { purgeExpired: async () => (runs++, { total: 0, byStatus: {} }) } as unknown as RequestRepository;
      const stop = scheduleRequestsPurge(requests, createLogger('silent'));
      expect(runs).toBe(1);
      await jest.advanceTimersByTimeAsync(24 * 3600 * 1000);
      expect(runs).toBe(2);
      stop();
      await jest.advanceTimersByTimeAsync(24 * 3600 * 1000);
      expect(runs).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
