import { CardFactory, type Activity, type Attachment, type CardAction, type Middleware, type TurnContext } from 'botbuilder';
import { isPersonalConversation } from '../../dialogs/shared/conversationScope';

/**
 * What Teams shows, from its documentation: at most 3 suggested actions (personal chats only, none
 * in channels), at most 6 buttons on a hero card (more are not shown), Adaptive Cards up to version
 * 1.5 and 28 KB.
 */
export const TEAMS_LIMITS = {
  suggestedActions: 3,
  heroCardButtons: 6,
  adaptiveCardVersion: '1.5',
  adaptiveCardBytes: 28 * 1024,
} as const;

const HERO_CARD = 'application/vnd.microsoft.card.hero';
const CARD_TYPES = /^application\/vnd\.microsoft\.(card\.|teams\.card\.)/;

/** A card action as an Adaptive Card action that does the same in Teams (imBack stays imBack). */
function toAdaptiveAction(action: CardAction): object {
  if (action.type === 'openUrl') return { type: 'Action.OpenUrl', title: action.title, url: String(action.value) };
  if (action.type === 'messageBack') {
    return { type: 'Action.Submit', title: action.title, data: { msteams: { type: 'messageBack', text: action.text, displayText: action.displayText, value: action.value } } };
  }
  return { type: 'Action.Submit', title: action.title, data: { msteams: { type: 'imBack', value: String(action.value ?? action.title) } } };
}

/**
 * Buttons as Teams shows them all: a hero card up to 6, beyond that one Adaptive Card with one
 * full-width button per line (Teams would drop a hero card's seventh button).
 */
export function teamsButtons(actions: CardAction[]): Attachment {
  if (actions.length <= TEAMS_LIMITS.heroCardButtons) return CardFactory.heroCard('', '', undefined, actions);
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: TEAMS_LIMITS.adaptiveCardVersion,
    body: actions.map((action) => ({ type: 'ActionSet', actions: [toAdaptiveAction(action)] })),
  });
}

/** A file sent inline (an export): Teams shows no such attachment from a bot, so its content goes in the text. */
function inlineFileAsText(attachment: Attachment): string {
  const content = typeof attachment.content === 'string' ? attachment.content : JSON.stringify(attachment.content, null, 2);
  return [attachment.name ?? '', '```', content, '```'].filter(Boolean).join('\n');
}

/** One outgoing message rewritten for Teams: choices it can show, files it can show. */
export function forTeams(activity: Partial<Activity>, personal: boolean): Partial<Activity> {
  if (activity.type !== undefined && activity.type !== 'message') return activity;
  const texts = [activity.text ?? ''];
  const attachments: Attachment[] = [];
  for (const attachment of activity.attachments ?? []) {
    const buttons = (attachment.content as { buttons?: CardAction[] } | undefined)?.buttons ?? [];
    if (attachment.contentType === HERO_CARD && buttons.length > TEAMS_LIMITS.heroCardButtons) {
      const card = attachment.content as { title?: string; text?: string };
      texts.push(card.title ?? '', card.text ?? '');
      attachments.push(teamsButtons(buttons));
    } else if (attachment.content !== undefined && !CARD_TYPES.test(attachment.contentType)) {
      texts.push(inlineFileAsText(attachment));
    } else {
      attachments.push(attachment);
    }
  }
  const suggested = activity.suggestedActions?.actions ?? [];
  const keepSuggested = personal && suggested.length <= TEAMS_LIMITS.suggestedActions;
  if (suggested.length > 0 && !keepSuggested) attachments.push(teamsButtons(suggested));
  const text = texts.filter(Boolean).join('\n\n');
  return {
    ...activity,
    ...(text ? { text } : {}),
    attachments,
    suggestedActions: keepSuggested ? activity.suggestedActions : undefined,
  };
}

/** Rewrites every message the bot sends in Teams (see forTeams). Other channels are untouched. */
export const teamsRendering: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId === 'msteams') {
      const personal = isPersonalConversation(context.activity);
      context.onSendActivities(async (_ctx, activities, sendNext) => {
        activities.splice(0, activities.length, ...activities.map((a) => forTeams(a, personal)));
        return sendNext();
      });
    }
    await next();
  },
};
