import { ActivityTypes, ConversationState, MemoryStorage } from 'botbuilder';
import restify from 'restify';
import { createCloudAdapter } from '../../bot/channels/cloudAdapter';
import { loadConfig } from '../../bot/config';

/**
 * The framework ceiling for the turn bench: the bot's own stack (restify, the same body parser,
 * the CloudAdapter without app id, conversation state read and written each turn in memory) around
 * an echo bot. Run by bench/turns.ts as its own process.
 */
const adapter = createCloudAdapter(loadConfig({}));
const state = new ConversationState(new MemoryStorage());
const turns = state.createProperty<number>('turns');

const server = restify.createServer({ name: 'bench-botbuilder-echo' });
server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    if (context.activity.type === ActivityTypes.Message) {
      await turns.set(context, ((await turns.get(context, 0)) ?? 0) + 1);
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    }
    await state.saveChanges(context);
  });
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
