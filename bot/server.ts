import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import { z } from 'zod';
import { clientAddressOf, isLoopbackUrl } from './clientAddress';
import { forClient } from '../dialogs/shared/turnClient';
import type { Config } from './config';
import { withTimeout } from '../stores/timeouts';
import type { TurnOrder } from '../stores/turnOrder';
import type { Lifecycle } from './lifecycle';
import { perAddressLimit, sendTooMany, take, type RateLimits } from './rateLimits';
import { sendProblem, sendValidationProblem } from './http/problem';
import { registerWebChatPage } from './http/webchatPage';
import type { Logger } from './logger';

/** The least a Bot Framework activity must carry before the adapter sees it. */
const channelActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().max(64).optional(),
    serviceUrl: z.string().min(1).max(2048),
    conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
    text: z.string().max(28000).optional(),
  })
  .loose();

/** Largest request body; a Bot Framework activity is far smaller. */
export const MAX_BODY_BYTES = 256 * 1024;

/** `application/json` or a `+json` type, with or without parameters. */
const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/i;

/** A request with a body must send JSON: anything else (multipart, form, text…) is a 415. */
export function jsonOnly(req: Request, res: Response, next: (err?: unknown) => void): void {
  const length = Number(req.headers['content-length'] ?? 0);
  const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (hasBody && !JSON_TYPE.test(type)) {
    res.header('Connection', 'close');
    sendProblem(res, 415, 'unsupported_media_type', 'the body must be JSON (Content-Type: application/json)', 'body');
    return next(false);
  }
  next();
}

export interface ServerDeps {
  config: Config;
  logger: Logger;
  cloudAdapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  /** Whether the store answers; drives /readyz. */
  storeReady: () => Promise<boolean>;
  storeKind: string;
  /** Other route groups (Direct Line, public API), each registering its own routes. */
  routes: ReadonlyArray<(server: Server) => void>;
  rateLimits: RateLimits;
  lifecycle: Lifecycle;
  /** Turns of one conversation one at a time (across instances when shared). */
  turnOrder: TurnOrder;
}

export function createServer(deps: ServerDeps): Server {
  const server = restify.createServer({ name: 'guichet-iae', handleUncaughtExceptions: false });
  server.use(deps.lifecycle.track);
  server.use(perAddressLimit(deps.rateLimits, deps.config));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only: any other body is refused before it is read (nothing buffered, nothing on disk).
  server.use(jsonOnly);
  // The types omit it, but the body reader inside jsonBodyParser honours maxBodySize (413 beyond).
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, maxBodySize: MAX_BODY_BYTES } as restify.plugins.JsonBodyParserOptions));
  server.use((_req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('X-Frame-Options', 'DENY');
    next();
  });

  // Restify's own errors (bad JSON, unknown route, body too large) get the project's error body.
  server.on('restifyError', (_req: Request, _res: Response, err: Error & { statusCode?: number; body?: { code?: string } }, callback: () => void) => {
    // A thrown library error (a driver's, say) has no status: make it a 500 restify sends as it is,
    // with the body below (otherwise restify would quote its message).
    if (typeof err.statusCode !== 'number') err.statusCode = 500;
    const status = err.statusCode;
    const code = (err.body?.code ?? err.name ?? 'error').replace(/Error$/, '');
    const errorCode = code.charAt(0).toLowerCase() + code.slice(1);
    // A body the parser refused (not JSON, too large) is the body's fault: name it.
    const field = status === 400 || status === 413 ? { field: 'body' } : {};
    // A 5xx body is ours, plain: never the message of a driver or library error.
    (err as { toJSON?: () => unknown }).toJSON = () =>
      status >= 500
        ? { error: { code: 'internal_error', message: 'internal error' } }
        : { error: { code: errorCode, message: err.message, ...field } };
    if (status >= 500) deps.logger.error({ event: 'http_error', errorName: err.name, status }, 'request failed');
    return callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const parsed = channelActivitySchema.safeParse(req.body);
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    if (!deps.config.MicrosoftAppId) {
      // No authentication: nobody proves who they are, so the bot trusts no channel identity and
      // calls back only its own machine (no request to an address the caller chose).
      if (parsed.data.channelId === 'msteams') {
        return sendProblem(res, 403, 'unauthenticated_channel', 'Teams activities need channel authentication (MicrosoftAppId)');
      }
      if (!isLoopbackUrl(parsed.data.serviceUrl)) {
        return sendProblem(res, 403, 'service_url_refused', 'without channel authentication the serviceUrl must be on this machine', 'serviceUrl');
      }
    }
    const wait = await take(deps.rateLimits.turns, `messages:${parsed.data.conversation.id}`);
    if (wait > 0) return sendTooMany(res, wait);
    const address = clientAddressOf(req, deps.config.TRUST_PROXY);
    await deps.turnOrder.run(`messages:${parsed.data.conversation.id}`, () => deps.cloudAdapter.process(req, res, forClient(address, deps.logic)));
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    if (deps.lifecycle.draining) return sendProblem(res, 503, 'shutting_down', 'this instance is stopping');
    // A store that hangs is a store that is not ready: the probe answers within STORE_TIMEOUT_MS.
    const ready = await withTimeout({ ping: deps.storeReady }, deps.config.STORE_TIMEOUT_MS, 'store').ping().catch(() => false);
    if (ready) res.send(200, { status: 'ready', store: deps.storeKind });
    else sendProblem(res, 503, 'store_unavailable', `the ${deps.storeKind} store does not answer`);
  });

  if (deps.config.WEBCHAT_ENABLED) registerWebChatPage(server, deps.config);
  for (const register of deps.routes) register(server);
  return server;
}
