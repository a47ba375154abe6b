import restify from 'restify';

/**
 * The HTTP ceiling for the turn bench: restify with the same body parser as the bot, answering
 * `POST /api/messages` with the activity's text, and `/readyz`. Run by bench/turns.ts as its own process.
 */
const server = restify.createServer({ name: 'bench-restify-echo' });
server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
server.post('/api/messages', async (req, res) => {
  res.send(200, { activities: [{ type: 'message', text: (req.body as { text?: string })?.text ?? '' }] });
});
server.get('/readyz', async (_req, res) => {
  res.send(200, { status: 'ready' });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
