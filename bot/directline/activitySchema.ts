import { z } from 'zod';

/** Longest message a person may send; Teams' own limit is near 28 KB, a person types far less. */
export const MAX_TEXT_LENGTH = 4000;

/** A card's submitted value: a few fields, never a document. */
export const MAX_VALUE_BYTES = 8 * 1024;
export const MAX_VALUE_DEPTH = 6;

/** Nesting depth of a JSON value (a scalar is 0), without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > 64) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const cardValueSchema = z
  .unknown()
  .refine((v) => jsonDepth(v) <= MAX_VALUE_DEPTH, { message: `must be nested at most ${MAX_VALUE_DEPTH} levels` })
  .refine((v) => Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8') <= MAX_VALUE_BYTES, {
    message: `must be at most ${MAX_VALUE_BYTES} bytes`,
  });

/**
 * What the web chat page may post. Only these fields reach the bot; the sender, the conversation and
 * the channel are set by the server, never taken from the client.
 */
export const clientActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(MAX_TEXT_LENGTH).optional(),
  value: cardValueSchema.optional(),
  name: z.string().max(200).optional(),
  locale: z.string().max(35).optional(),
  textFormat: z.string().max(20).optional(),
  channelData: z.object({ clientActivityID: z.string().max(100).optional() }).loose().optional(),
  from: z.object({ id: z.string().max(200).optional(), name: z.string().max(200).optional() }).loose().optional(),
}).loose();

export type ClientActivity = z.infer<typeof clientActivitySchema>;
