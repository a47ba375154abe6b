import { createHmac } from 'node:crypto';

/**
 * The pseudonymous key of a person's channel identity, stored on their requests so that
 * `mes données` and `effacer mes données` find them, without storing the channel's user id.
 * HMAC-SHA-256 of channel and user id with a server secret (kept out of the store): the key cannot
 * be turned back into the id, and the same person on the same channel always gets the same key.
 */
export function subjectKeyOf(channelId: string, userId: string, secret: string): string {
  if (!secret || secret.length < 16) throw new Error('subjectKeyOf: the secret must have at least 16 characters');
  if (!channelId || !userId) throw new Error('subjectKeyOf: channel and user ids are required');
  return createHmac('sha256', secret).update(`${channelId}\u0000${userId}`).digest('base64url');
}
