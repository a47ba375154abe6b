import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type Dialog, type DialogTurnResult } from 'botbuilder-dialogs';
import { toLocale } from '../../locales/i18n';
import { setTurnLocale } from '../../dialogs/shared/turnLocale';

/**
 * Runs one dialog on its own through botbuilder's TestAdapter (like DialogTestClient), for tests of
 * prompts and small dialogs: each `say` returns the replies of that turn; `result` is the last turn's.
 */
export class DialogHarness {
  private readonly adapter: TestAdapter;
  result: DialogTurnResult | undefined;

  constructor(dialog: Dialog, options: { locale?: string; begin?: object } = {}) {
    const conversationState = new ConversationState(new MemoryStorage());
    const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    dialogs.add(dialog);
    const locale = options.locale ?? 'fr-FR';
    this.adapter = new TestAdapter(
      async (context) => {
        setTurnLocale(context, toLocale(locale) ?? 'fr');
        const dc = await dialogs.createContext(context);
        let result = await dc.continueDialog();
        if (result.status === DialogTurnStatus.empty) result = await dc.beginDialog(dialog.id, options.begin);
        this.result = result;
        await conversationState.saveChanges(context);
      },
      { channelId: 'webchat', locale },
    );
  }

  async say(text: string | { value: unknown }): Promise<Array<Partial<Activity>>> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.receiveActivity(typeof text === 'string' ? { type: 'message', text } : { type: 'message', value: text.value });
    return this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  }
}

export const textsOf = (activities: Array<Partial<Activity>>) => activities.map((a) => a.text ?? '').join('\n');
export const suggestedOf = (activities: Array<Partial<Activity>>) =>
  activities.flatMap((a) => a.suggestedActions?.actions?.map((x) => x.title ?? '') ?? []);
