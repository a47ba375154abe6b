import { ConversationState, MemoryStorage, TestAdapter, UserState } from 'botbuilder';
import { DialogSet, type DialogContext, type DialogState, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { DIALOG_STATE_MANAGER_CONFIGURATION, RootDialog } from '../../dialogs/rootDialog';
import { sessionAccessor } from '../../dialogs/shared/session';
import { userProfileAccessor } from '../../dialogs/shared/userProfile';
import { BotDriver, textOf } from '../support/botDriver';

describe('dialog state manager configuration', () => {
  it('is where botbuilder-dialogs looks for it: a context made in a turn that has one uses it', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const set = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    let configuration: DialogStateManagerConfiguration | undefined;
    let dc: DialogContext | undefined;
    const adapter = new TestAdapter(async (context) => {
      if (configuration) context.turnState.set(DIALOG_STATE_MANAGER_CONFIGURATION, configuration);
      dc = await set.createContext(context);
      if (!configuration) configuration = { memoryScopes: [...dc.state.configuration.memoryScopes], pathResolvers: [...dc.state.configuration.pathResolvers] };
    });
    await adapter.send('bonjour');
    expect(dc!.state.configuration).not.toBe(configuration);
    await adapter.send('bonjour');
    expect(dc!.state.configuration).toBe(configuration);
  });

  it('is made by the first turn and given to the next ones, with every memory scope', async () => {
    const conversationState = new ConversationState(new MemoryStorage());
    const userState = new UserState(new MemoryStorage());
    const root = new RootDialog({
      features: [],
      dialogState: conversationState.createProperty<DialogState>('dialogState'),
      session: sessionAccessor(conversationState),
      profile: userProfileAccessor(userState),
    });
    const seen: unknown[] = [];
    const adapter = new TestAdapter(async (context) => {
      await root.run(context);
      seen.push(context.turnState.get(DIALOG_STATE_MANAGER_CONFIGURATION));
      await conversationState.saveChanges(context);
    });
    await adapter.send('bonjour');
    await adapter.send('aide');
    expect(seen[0]).toBeDefined();
    expect(seen[1]).toBe(seen[0]);
    const names = (seen[0] as { memoryScopes: Array<{ name: string }> }).memoryScopes.map((scope) => scope.name);
    expect(names).toEqual(expect.arrayContaining(['turn', 'settings', 'dialog', 'class', 'this', 'conversation', 'user']));
  });

  it('leaves the conversation as it was: help, then the menu, across turns', async () => {
    const bot = new BotDriver();
    await bot.join();
    expect(textOf(await bot.say('aide'))).not.toBe('');
    expect(textOf(await bot.say('menu'))).not.toBe('');
  });
});
