import { loadConfig } from '../../bot/config';
import { createCloudAdapter } from '../../bot/channels/cloudAdapter';
import { DirectLineAdapter } from '../../bot/channels/directLineAdapter';
import { createProactiveSender } from '../../bot/channels/proactive';
import { ConversationLog, MemoryWebConversations } from '../../bot/directline/conversationLog';

describe('proactive sender', () => {
  const conversationLog = new ConversationLog();
  const conversations = new MemoryWebConversations(conversationLog);
  const sender = createProactiveSender({
    cloudAdapter: createCloudAdapter(loadConfig({})),
    directLineAdapter: new DirectLineAdapter(conversations),
    conversationLog: conversations,
  });

  it('writes into an open web chat conversation', async () => {
    const conversation = conversationLog.open()!;
    const ok = await sender.send({ channelId: 'webchat', conversation: { id: conversation.conversationId } as never, user: { id: 'u', name: 'u' }, bot: { id: 'b', name: 'b' } }, 'Du nouveau');
    expect(ok).toBe(true);
    expect(conversationLog.since(conversation, 0).activities.map((a) => a.text)).toContain('Du nouveau');
  });

  it('says false for a web chat conversation that has closed, and for an unreachable channel', async () => {
    expect(await sender.send({ channelId: 'webchat', conversation: { id: 'gone' } as never }, 'x')).toBe(false);
    expect(await sender.send({ channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' } as never, user: { id: 'u', name: 'u' }, bot: { id: 'b', name: 'b' } }, 'x')).toBe(false);
  });
});
