import { translator } from '../../locales/i18n';
import type { MemoryWebConversations } from '../../bot/directline/conversationLog';
import { postJson, startApp, type RunningApp } from '../support/appServer';

const fr = translator('fr');
interface Session { conversationId: string; token: string; userId: string }
interface Page { activities: Array<{ id: string; type: string; text?: string; from: { id: string; role?: string }; channelData?: { clientActivityID?: string } }>; watermark: string }

describe('Direct Line 3.0 subset', () => {
  let running: RunningApp;
  const url = (path: string) => `${running.baseUrl}/directline${path}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function open(locale?: string): Promise<Session> {
    const res = await postJson(url('/tokens/generate'), locale ? { locale } : {});
    expect(res.status).toBe(200);
    return (await res.json()) as Session;
  }
  async function poll(session: Session, watermark = 0): Promise<Page> {
    const res = await fetch(url(`/conversations/${session.conversationId}/activities?watermark=${watermark}`), { headers: bearer(session.token) });
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  }

  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('starts a conversation with a welcome, echoes messages with their client id, and answers', async () => {
    const session = await open('fr-FR');
    const start = await fetch(url('/conversations'), { method: 'POST', headers: bearer(session.token) });
    expect(start.status).toBe(201);
    expect(await start.json()).toMatchObject({ conversationId: session.conversationId, token: session.token });

    const first = await poll(session);
    expect(first.activities.map((a) => a.text).join('\n')).toContain(fr('common:welcome.hello'));

    const posted = await postJson(
      url(`/conversations/${session.conversationId}/activities`),
      { type: 'message', text: 'aide', locale: 'fr-FR', from: { id: 'someone-else', role: 'bot' }, channelData: { clientActivityID: 'c-1' } },
      bearer(session.token),
    );
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };

    const next = await poll(session, Number(first.watermark));
    const echo = next.activities[0];
    expect(echo).toMatchObject({ id, text: 'aide', channelData: { clientActivityID: 'c-1' } });
    expect(echo.from).toEqual({ id: session.userId, role: 'user' }); // the client cannot choose who it is
    expect(next.activities.slice(1).map((a) => a.text).join('\n')).toContain(fr('common:help.commands'));
    expect(Number(next.watermark)).toBe(Number(first.watermark) + next.activities.length);
    expect((await poll(session, Number(next.watermark))).activities).toEqual([]);
  });

  it('forgets the dialog state of a web conversation the log forgets (nobody can open it again)', async () => {
    const session = await open('fr-FR');
    await fetch(url('/conversations'), { method: 'POST', headers: bearer(session.token) });
    await postJson(url(`/conversations/${session.conversationId}/activities`), { type: 'message', text: 'english' }, bearer(session.token));
    await poll(session);
    const storage = running.store.stateStorage;
    const keys = [`webchat/conversations/${session.conversationId}/`, `webchat/users/${session.userId}/`];
    expect(Object.keys(await storage.read(keys)).sort()).toEqual([...keys].sort());
    const { log } = running.app.conversationLog as MemoryWebConversations;
    log.onForget!(log.byToken(session.token)!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await storage.read(keys)).toEqual({});
  });

  it('writes no user document for a person who chose no language or wording', async () => {
    const session = await open('fr-FR');
    await fetch(url('/conversations'), { method: 'POST', headers: bearer(session.token) });
    await postJson(url(`/conversations/${session.conversationId}/activities`), { type: 'message', text: 'aide' }, bearer(session.token));
    await poll(session);
    const read = await running.store.stateStorage.read([`webchat/conversations/${session.conversationId}/`, `webchat/users/${session.userId}/`]);
    expect(Object.keys(read)).toEqual([`webchat/conversations/${session.conversationId}/`]);
  });

  it('a second start of the same conversation does not welcome twice', async () => {
    const session = await open();
    await fetch(url('/conversations'), { method: 'POST', headers: bearer(session.token) });
    const again = await fetch(url('/conversations'), { method: 'POST', headers: bearer(session.token) });
    expect(again.status).toBe(200);
    const texts = (await poll(session)).activities.map((a) => a.text ?? '').join('\n');
    expect(texts.split(fr('common:welcome.hello')).length - 1).toBe(1);
  });

  it('welcomes in English when the page asks for English', async () => {
    const session = await open('en-US');
    await fetch(url('/conversations'), { method: 'POST', headers: bearer(session.token) });
    expect((await poll(session)).activities.map((a) => a.text).join('\n')).toContain(translator('en')('common:welcome.hello'));
  });

  it('refreshes a token and describes the conversation', async () => {
    const session = await open();
    const refreshed = await fetch(url('/tokens/refresh'), { method: 'POST', headers: bearer(session.token) });
    expect(refreshed.status).toBe(200);
    const described = await fetch(url(`/conversations/${session.conversationId}`), { headers: bearer(session.token) });
    expect(await described.json()).toMatchObject({ conversationId: session.conversationId });
  });

  it('refuses a missing token (401), a wrong token (403) and another conversation (403)', async () => {
    const a = await open();
    const b = await open();
    expect((await fetch(url(`/conversations/${a.conversationId}/activities`))).status).toBe(401);
    expect((await fetch(url(`/conversations/${a.conversationId}/activities`), { headers: bearer('forged') })).status).toBe(403);
    expect((await fetch(url(`/conversations/${a.conversationId}/activities`), { headers: bearer(b.token) })).status).toBe(403);
  });

  it.each([
    ['an unknown type', { type: 'invoke' }],
    ['a text too long', { type: 'message', text: 'x'.repeat(5000) }],
    ['a text that is not a string', { type: 'message', text: 12 }],
    ['no type', { text: 'bonjour' }],
  ])('answers 400 for %s', async (_name, body) => {
    const session = await open();
    const res = await postJson(url(`/conversations/${session.conversationId}/activities`), body, bearer(session.token));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });

  it.each(['-1', 'abc', '1.5'])('answers 400 for watermark=%s', async (watermark) => {
    const session = await open();
    const res = await fetch(url(`/conversations/${session.conversationId}/activities?watermark=${watermark}`), { headers: bearer(session.token) });
    expect(res.status).toBe(400);
  });

  it('answers 400 for unknown fields when asking for a token', async () => {
    expect((await postJson(url('/tokens/generate'), { admin: true })).status).toBe(400);
  });

  it('does not offer uploads', async () => {
    const session = await open();
    const res = await fetch(url(`/conversations/${session.conversationId}/upload`), { method: 'POST', headers: bearer(session.token) });
    expect(res.status).toBe(415);
  });

  it('runs the messages of one conversation one after the other', async () => {
    const session = await open();
    await fetch(url('/conversations'), { method: 'POST', headers: bearer(session.token) });
    const sends = ['aide', 'menu', 'aide', 'menu'].map((text) =>
      postJson(url(`/conversations/${session.conversationId}/activities`), { type: 'message', text }, bearer(session.token)),
    );
    expect((await Promise.all(sends)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const texts = (await poll(session)).activities.map((a) => a.text ?? '');
    expect(texts.filter((t) => t.includes(fr('common:help.commands')))).toHaveLength(2);
  });
});

describe('web chat page', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('serves the page in French by default and in English with ?lang=en', async () => {
    const page = await (await fetch(`${running.baseUrl}/`)).text();
    expect(page).toContain(`<html lang="fr">`);
    expect(page).toContain('data-locale="fr-FR"');
    expect(page).toContain(fr('common:page.privacy'));
    const en = await (await fetch(`${running.baseUrl}/?lang=en`)).text();
    expect(en).toContain('data-locale="en-US"');
  });

  it('serves the Web Chat bundle from node_modules, not a CDN', async () => {
    const res = await fetch(`${running.baseUrl}/webchat/webchat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    expect((await fetch(`${running.baseUrl}/webchat/../../package.json`)).status).toBe(404);
  });
});
