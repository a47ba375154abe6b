import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { WEB_CHANNEL_ID, type DirectLineAdapter } from '../channels/directLineAdapter';
import { sendProblem, sendValidationProblem } from '../http/problem';
import { clientActivitySchema } from './activitySchema';
import { clientAddressOf } from '../clientAddress';
import { forClient } from '../../dialogs/shared/turnClient';
import { sendTooMany, take, type RateLimits } from '../rateLimits';
import type { WebConversation, WebConversationStore } from '../../stores/directline/webConversations';
import type { TurnOrder } from '../../stores/turnOrder';
import { isStoreUnavailable } from '../../stores/timeouts';

export const BOT_ACCOUNT = { id: 'guichet-iae', name: 'Guichet IAE', role: 'bot' } as const;
const SERVICE_URL = 'urn:guichet-iae:webchat';
/** How long a client is told to wait when every conversation place is in use. */
const FULL_RETRY_SECONDS = 60;
/** How long a client is told to wait when the store does not answer. */
const STORE_RETRY_SECONDS = 5;
const tokenRequestSchema = z.object({ locale: z.string().max(35).optional() }).strict();

export interface DirectLineDeps {
  /** The conversations: in memory for one instance, in MongoDB when several share the work. */
  log: WebConversationStore;
  /** Turns of one conversation one at a time, across instances when the order is shared. */
  turnOrder: TurnOrder;
  adapter: DirectLineAdapter;
  logic: (context: TurnContext) => Promise<void>;
  rateLimits: RateLimits;
  trustProxy: boolean;
}

/**
 * The subset of Direct Line 3.0 that Web Chat needs, with polling: tokens, start conversation,
 * post an activity, get activities after a watermark. Mounted under /directline.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineDeps): void {
  const { log } = deps;

  /** Turns of one conversation run one after the other, never at the same time, on any instance. */
  const runTurn = (req: Request, conversation: WebConversation, activity: Partial<Activity>): Promise<void> => {
    const address = clientAddressOf(req, deps.trustProxy);
    return deps.turnOrder.run(`webchat:${conversation.conversationId}`, () => deps.adapter.processActivity(activity, forClient(address, deps.logic)));
  };

  /**
   * A route whose store does not answer says so (503 and Retry-After: Web Chat tries again), never a
   * 500 with the driver's words.
   */
  const route =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await handler(req, res);
      } catch (error) {
        if (!isStoreUnavailable(error) || res.headersSent) throw error;
        res.header('Retry-After', String(STORE_RETRY_SECONDS));
        sendProblem(res, 503, 'store_unavailable', 'the conversation store does not answer: try again in a few seconds');
      }
    };

  const authorised = async (req: Request, res: Response): Promise<WebConversation | undefined> => {
    const header = req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) {
      sendProblem(res, 401, 'missing_token', 'Authorization: Bearer <token> is required');
      return undefined;
    }
    const conversation = await log.byToken(token);
    if (!conversation) {
      sendProblem(res, 403, 'invalid_token', 'the token is unknown or expired');
      return undefined;
    }
    const wanted = req.params?.conversationId as string | undefined;
    if (wanted !== undefined && wanted !== conversation.conversationId) {
      sendProblem(res, 403, 'wrong_conversation', 'the token does not open this conversation');
      return undefined;
    }
    return conversation;
  };

  const describe = (conversation: WebConversation) => ({
    conversationId: conversation.conversationId,
    token: conversation.token,
    expires_in: Math.max(0, Math.round((conversation.expiresAt - Date.now()) / 1000)),
  });

  server.post('/directline/tokens/generate', route(async (req: Request, res: Response) => {
    const parsed = tokenRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    const conversation = await log.open(parsed.data.locale);
    if (!conversation) {
      res.header('Retry-After', String(FULL_RETRY_SECONDS));
      return sendProblem(res, 503, 'busy', 'every conversation place is in use: try again in a minute');
    }
    res.send(200, { ...describe(conversation), userId: conversation.userId });
  }));

  server.post('/directline/tokens/refresh', route(async (req: Request, res: Response) => {
    const conversation = await authorised(req, res);
    if (!conversation) return;
    res.send(200, describe(await log.refresh(conversation)));
  }));

  server.post('/directline/conversations', route(async (req: Request, res: Response) => {
    const conversation = await authorised(req, res);
    if (!conversation) return;
    const firstStart = await log.start(conversation);
    if (firstStart) {
      await runTurn(req, conversation, {
        ...baseActivity(conversation),
        type: 'conversationUpdate',
        locale: conversation.locale,
        membersAdded: [{ id: conversation.userId, name: '' }, { ...BOT_ACCOUNT }],
      });
    }
    res.send(firstStart ? 201 : 200, describe(conversation));
  }));

  server.get('/directline/conversations/:conversationId', route(async (req: Request, res: Response) => {
    const conversation = await authorised(req, res);
    if (conversation) res.send(200, describe(conversation));
  }));

  server.post('/directline/conversations/:conversationId/activities', route(async (req: Request, res: Response) => {
    const conversation = await authorised(req, res);
    if (!conversation) return;
    const parsed = clientActivitySchema.safeParse(req.body);
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    if (parsed.data.type === 'message') {
      const wait = await take(deps.rateLimits.turns, `webchat:${conversation.conversationId}`);
      if (wait > 0) return sendTooMany(res, wait);
    }
    const incoming = parsed.data;
    const activity: Partial<Activity> = {
      ...baseActivity(conversation),
      type: incoming.type,
      text: incoming.text,
      value: incoming.value,
      name: incoming.name,
      locale: incoming.locale,
      textFormat: incoming.textFormat as Activity['textFormat'],
      channelData: incoming.channelData?.clientActivityID
        ? { clientActivityID: incoming.channelData.clientActivityID }
        : undefined,
    };
    // The echo: Web Chat counts a message as sent once it sees it in the stream with an id.
    const id = await log.append(conversation.conversationId, activity);
    await runTurn(req, conversation, { ...activity, id });
    res.send(200, { id });
  }));

  server.get('/directline/conversations/:conversationId/activities', route(async (req: Request, res: Response) => {
    const conversation = await authorised(req, res);
    if (!conversation) return;
    const raw = (req.query as Record<string, unknown> | undefined)?.watermark;
    const watermark = raw === undefined || raw === '' ? 0 : Number(raw);
    if (!Number.isInteger(watermark) || watermark < 0) {
      return sendProblem(res, 400, 'invalid_watermark', 'watermark must be a non-negative integer', 'watermark');
    }
    res.send(200, await log.since(conversation, watermark));
  }));

  server.post('/directline/conversations/:conversationId/upload', route(async (_req: Request, res: Response) => {
    sendProblem(res, 415, 'upload_not_supported', 'file upload is not offered here');
  }));
}

function baseActivity(conversation: WebConversation): Partial<Activity> {
  return {
    channelId: WEB_CHANNEL_ID,
    serviceUrl: SERVICE_URL,
    from: { id: conversation.userId, role: 'user' } as Activity['from'],
    recipient: { ...BOT_ACCOUNT } as Activity['recipient'],
    conversation: { id: conversation.conversationId } as Activity['conversation'],
  };
}
