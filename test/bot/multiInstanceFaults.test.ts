import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { MemoryWebConversations } from '../../bot/directline/conversationLog';
import { createLogger } from '../../bot/logger';
import type { WebConversationStore } from '../../stores/directline/webConversations';
import { StoreTimeoutError } from '../../stores/timeouts';
import { memoryTurnOrder } from '../../stores/turnOrder';
import { postJson } from '../support/appServer';

/**
 * With the conversations shared in the store, a store that stops answering makes the web chat
 * routes answer 503 with Retry-After (Web Chat tries again), never a 500 with the driver's words;
 * they work again once it answers.
 */
describe('shared web chat conversations: the store stops answering', () => {
  it('answers 503 with Retry-After, then works again', async () => {
    const inner = new MemoryWebConversations();
    let down = false;
    const conversations = new Proxy(inner, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => (down ? Promise.reject(new StoreTimeoutError(`webConversations.${String(property)}`, 10)) : value.apply(target, args));
      },
    }) as WebConversationStore;
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1' });
    const app = createApp({
      config,
      logger: createLogger('silent'),
      store: { kind: 'memory', stateStorage: new MemoryStorage(), ping: async () => true },
      features: [],
      shared: { conversations, turnOrder: memoryTurnOrder() },
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/directline`;
    try {
      const session = (await (await postJson(`${base}/tokens/generate`, {})).json()) as { conversationId: string; token: string };
      const headers = { Authorization: `Bearer ${session.token}` };
      down = true;
      for (const res of [
        await postJson(`${base}/tokens/generate`, {}),
        await fetch(`${base}/conversations/${session.conversationId}/activities?watermark=0`, { headers }),
        await postJson(`${base}/conversations/${session.conversationId}/activities`, { type: 'message', text: 'aide' }, headers),
      ]) {
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        const body = JSON.stringify(await res.json());
        expect(body).toContain('store_unavailable');
        expect(body).not.toMatch(/StoreTimeoutError|webConversations\./);
      }
      down = false;
      expect((await fetch(`${base}/conversations/${session.conversationId}/activities?watermark=0`, { headers })).status).toBe(200);
    } finally {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
    }
  });
});
