import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { createApp, type App, type AppStore } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger, type Logger } from '../../bot/logger';
import type { Feature } from '../../dialogs/feature';
import type { Understand } from '../../dialogs/shared/understanding';
import type { Server } from 'restify';

export interface RunningApp {
  baseUrl: string;
  app: App;
  store: AppStore;
  close(): Promise<void>;
}

/** Starts the real HTTP server on a free loopback port. */
export async function startApp(
  options: {
    env?: NodeJS.ProcessEnv;
    store?: AppStore;
    features?: Feature[];
    apiRoutes?: ReadonlyArray<(server: Server) => void>;
    logger?: Logger;
    understand?: Understand;
  } = {},
): Promise<RunningApp> {
  // Tests open many conversations from one address: limits high unless a test sets its own.
  const roomy = { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_TOKENS_PER_MINUTE: '100000', TURNS_PER_MINUTE: '100000' };
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', ...roomy, ...options.env });
  const store: AppStore = options.store ?? { kind: 'memory', stateStorage: new MemoryStorage(), ping: async () => true };
  const app = createApp({ config, logger: options.logger ?? createLogger('silent'), store, features: options.features ?? [], apiRoutes: options.apiRoutes, understand: options.understand });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    store,
    close: () => new Promise<void>((resolve) => app.server.close(() => resolve())),
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/**
 * A web chat conversation over the bot's own Direct Line, as Web Chat drives it (token, conversation,
 * polling): `say` posts a message and returns the HTTP status and the bot's replies since the last poll.
 */
export async function directLineChat(baseUrl: string): Promise<{
  say(text: string): Promise<{ status: number; replies: string }>;
  post(text: string): Promise<Response>;
}> {
  const session = (await (await postJson(`${baseUrl}/directline/tokens/generate`, { locale: 'fr-FR' })).json()) as { conversationId: string; token: string };
  const headers = { Authorization: `Bearer ${session.token}` };
  const base = `${baseUrl}/directline/conversations/${session.conversationId}`;
  let watermark = 0;
  const poll = async () => {
    const page = (await (await fetch(`${base}/activities?watermark=${watermark}`, { headers })).json()) as { activities: Array<{ text?: string; from: { role?: string } }>; watermark: string };
    watermark = Number(page.watermark);
    return page.activities.filter((a) => a.from.role !== 'user').map((a) => a.text ?? '').join('\n');
  };
  await fetch(`${baseUrl}/directline/conversations`, { method: 'POST', headers });
  await poll();
  const post = (text: string) => postJson(`${base}/activities`, { type: 'message', text, locale: 'fr-FR' }, headers);
  return {
    say: async (text: string) => {
      const res = await post(text);
      return { status: res.status, replies: await poll() };
    },
    post,
  };
}
