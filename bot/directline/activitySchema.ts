import { z } from 'zod';

/** Longest message a person may send; Teams' own limit is near 28 KB, a person types far less. */
export const MAX_TEXT_LENGTH = 4000;

/**
 * What the web chat page may post. Only these fields reach the bot; the sender, the conversation and
 * the channel are set by the server, never taken from the client.
 */
export const clientActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  value: z.unknown().optional(),
  name: z.string().max(200).optional(),
  locale: z.string().max(35).optional(),
  textFormat: z.string().max(20).optional(),
  channelData: z.object({ clientActivityID: z.string().max(100).optional() }).loose().optional(),
  from: z.object({ id: z.string().max(200).optional(), name: z.string().max(200).optional() }).loose().optional(),
}).loose();

export type ClientActivity = z.infer<typeof clientActivitySchema>;
