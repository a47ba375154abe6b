import type { Activity } from 'botbuilder';

/**
 * Whether this turn is a one-to-one chat between one person and the bot. Teams says which kind of
 * conversation it is (`personal`, `groupChat`, `channel`); the web chat page and the kiosk are
 * always one-to-one. Anything private (an adviser's requests) is shown only here.
 */
export function isPersonalConversation(activity: Partial<Activity>): boolean {
  if (activity.channelId === 'msteams') return activity.conversation?.conversationType === 'personal';
  return activity.conversation?.isGroup !== true;
}
