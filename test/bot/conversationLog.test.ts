import { ConversationLog } from '../../bot/directline/conversationLog';

const message = (bytes: number) => ({ type: 'message', text: 'x'.repeat(bytes) });

describe('Direct Line conversation log: bounded memory', () => {
  it('keeps each conversation within its byte budget (oldest activities go) and the total within its own', () => {
    const log = new ConversationLog({ maxBytesPerConversation: 20_000, maxTotalBytes: 50_000 });
    const conversations = Array.from({ length: 5 }, () => log.open()!);
    for (const c of conversations) log.start(c);
    for (let i = 0; i < 40; i++) for (const c of conversations) log.append(c.conversationId, message(1000));
    for (const c of conversations) expect(c.bytes).toBeLessThanOrEqual(20_000);
    expect(log.usage.bytes).toBeLessThanOrEqual(50_000);
    // Watermarks keep counting: a poll from the start gets what is kept, and the right next watermark.
    const page = log.since(conversations[0]!, 0);
    expect(Number(page.watermark)).toBe(40);
  });

  it('forgets the locale with its conversation (nothing left behind for evicted conversations)', () => {
    const log = new ConversationLog({ maxPending: 10 });
    for (let i = 0; i < 1000; i++) log.open('fr-FR');
    expect(log.usage).toEqual({ conversations: 10, pending: 10, bytes: 0 });
  });

  it('a token flood never evicts a conversation in use; newcomers are refused when every place is live', () => {
    const log = new ConversationLog({ maxConversations: 50, maxPending: 20 });
    const live = log.open('fr-FR')!;
    log.start(live);
    log.append(live.conversationId, message(100));
    for (let i = 0; i < 5000; i++) log.open();
    expect(log.byToken(live.token)).toBe(live);
    expect(log.since(live, 0).activities).toHaveLength(1);

    const full = new ConversationLog({ maxConversations: 3, maxPending: 3 });
    const people = [full.open()!, full.open()!, full.open()!];
    people.forEach((p) => full.start(p));
    expect(full.open()).toBeUndefined();
    for (const p of people) expect(full.byToken(p.token)).toBe(p);
  });

  it('evicts an idle started conversation before refusing a newcomer', () => {
    let now = 0;
    const log = new ConversationLog({ maxConversations: 2, liveSeconds: 60 }, () => now);
    const idle = log.open()!;
    log.start(idle);
    now = 30_000;
    const active = log.open()!;
    log.start(active);
    now = 70_000;
    log.since(active, 0);
    expect(log.open()).toBeDefined();
    expect(log.byToken(idle.token)).toBeUndefined();
    expect(log.byToken(active.token)).toBe(active);
  });

  it('tells who listens when a started conversation is forgotten (its dialog state can go), not for a token never used', () => {
    let now = 0;
    const log = new ConversationLog({ maxConversations: 2, maxPending: 2, liveSeconds: 60, tokenTtlSeconds: 600 }, () => now);
    const forgotten: string[] = [];
    log.onForget = (c) => forgotten.push(c.conversationId);
    const started = log.open()!;
    log.start(started);
    const unused = log.open()!;
    now = 601_000; // both expired
    log.open();
    expect(log.byToken(started.token)).toBeUndefined();
    expect(log.byToken(unused.token)).toBeUndefined();
    expect(forgotten).toEqual([started.conversationId]);
  });

  it('keeps activities as their JSON, so the bytes counted are the bytes kept; a poll gets copies', () => {
    const log = new ConversationLog();
    const c = log.open()!;
    log.start(c);
    // A card of many small objects: as objects it would weigh several times its JSON.
    const card = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: Array.from({ length: 200 }, (_, i) => ({ type: 'TextBlock', text: `t${i}` })) } }] };
    const id = log.append(c.conversationId, card);
    expect(typeof c.activities[0]).toBe('string');
    expect(log.usage.bytes).toBe(Buffer.byteLength(c.activities[0]!, 'utf8'));
    const page = log.since(c, 0);
    page.activities[0]!.text = 'changed by the caller';
    expect(log.since(c, 0).activities[0]).toMatchObject({ id, type: 'message' });
    expect(log.since(c, 0).activities[0]!.text).toBeUndefined();
    expect(log.replace(c.conversationId, { id, text: 'edited' })).toBe(true);
    expect(log.replace(c.conversationId, { id: `${c.conversationId}|0000009`, text: 'no such' })).toBe(false);
    expect(log.since(c, 0).activities[0]).toMatchObject({ id, text: 'edited' });
    expect(log.usage.bytes).toBe(Buffer.byteLength(c.activities[0]!, 'utf8'));
  });
});
