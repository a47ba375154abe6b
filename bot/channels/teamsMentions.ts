import { TurnContext, type Middleware } from 'botbuilder';

/** In Teams, "@Guichet IAE aide" arrives with an <at> mention: the bot reads only "aide". */
export const teamsMentions: Middleware = {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.channelId === 'msteams' && activity.type === 'message' && activity.text) {
      TurnContext.removeRecipientMention(activity);
      activity.text = activity.text.replace(/<at>[^<]*<\/at>/g, '').trim();
    }
    await next();
  },
};
