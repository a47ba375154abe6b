import { WaterfallDialog } from 'botbuilder-dialogs';
import { translator } from '../../locales/i18n';
import type { Feature } from '../../dialogs/feature';
import type { FeatureOptions, Understand, UnderstoodMessage } from '../../dialogs/shared/understanding';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';

const fr = translator('fr');

/** A feature that says what it was started with, then ends. */
function probeFeature(): Feature {
  return {
    id: 'probe',
    menuLabelKey: 'search:menu',
    helpKey: 'common:help.none',
    intents: ['search'],
    dialog: new WaterfallDialog('probe', [
      async (step) => {
        const understood = (step.options as FeatureOptions).understood;
        await step.context.sendActivity(`PROBE ${understood?.intent} ${understood?.slots.place?.code ?? '-'}`);
        return step.endDialog();
      },
    ]),
  };
}

/** Canned understanding: exact texts → results; anything else is off-topic. */
function canned(table: Record<string, UnderstoodMessage>): Understand {
  return (text) => table[text] ?? { intent: 'offtopic', confidence: 0.2, slots: {} };
}

const understand = canned({
  'bonjour': { intent: 'greeting', confidence: 0.95, slots: {} },
  'merci': { intent: 'thanks', confidence: 0.95, slots: {} },
  'comment ça marche': { intent: 'help', confidence: 0.9, slots: {} },
  'je veux parler à quelqu’un': { intent: 'human', confidence: 0.9, slots: {} },
  'un chantier près du lamentin': {
    intent: 'search',
    confidence: 0.9,
    slots: { kinds: ['ACI'], place: { type: 'commune', code: '97213', label: 'Le Lamentin' } },
  },
  'peut-être chercher': { intent: 'search', confidence: 0.4, slots: {} },
});

describe('free text outside a question', () => {
  it('starts the feature of the intent with what was understood', async () => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    await bot.join();
    expect(textOf(await bot.say('un chantier près du lamentin'))).toContain('PROBE search 97213');
  });

  it('also works as the very first message', async () => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    const replies = textOf(await bot.say('un chantier près du lamentin'));
    expect(replies).toContain(fr('common:welcome.hello'));
    expect(replies).toContain('PROBE search 97213');
  });

  it.each([
    ['bonjour', 'common:smallTalk.greeting'],
    ['merci', 'common:smallTalk.thanks'],
    ['comment ça marche', 'common:help.commands'],
    ['je veux parler à quelqu’un', 'common:human.contact'],
  ])('answers "%s" on the spot and shows the menu', async (text, key) => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    await bot.join();
    const replies = textOf(await bot.say(text));
    expect(replies).toContain(fr(key));
    expect(replies).not.toContain('PROBE');
  });

  it('« bonjour » as the very first message: one hello (the welcome), then the menu question', async () => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    const replies = textOf(await bot.say('bonjour'));
    expect(replies).toContain(fr('common:welcome.hello'));
    expect(replies).not.toContain(fr('common:smallTalk.greeting'));
    expect(replies).toContain(fr('common:menu.prompt'));
    expect(replies.match(/Bonjour/g)).toHaveLength(1);
  });

  it('does not act on a guess: asks one question with buttons, then keeps what the message said', async () => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    await bot.join();
    const asked = await bot.say('peut-être chercher');
    expect(textOf(asked)).toContain(fr('common:clarify'));
    expect(textOf(asked)).not.toContain('PROBE');
    expect(buttonsOf(asked)).toEqual([fr('search:menu'), fr('common:menu.label')]);
    expect(textOf(await bot.say(fr('search:menu')))).toContain('PROBE search');
  });

  it('after two misunderstandings in a row it offers a person', async () => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    await bot.join();
    const first = textOf(await bot.say('zzz'));
    expect(first).toContain(fr('common:menu.notUnderstood'));
    const second = textOf(await bot.say('blablabla'));
    expect(second).toContain(fr('common:human.stuck'));
    const third = textOf(await bot.say('xyz'));
    expect(third).toContain(fr('common:menu.notUnderstood'));
    expect(third).not.toContain(fr('common:human.stuck'));
  });

  it('an understood message resets the count', async () => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    await bot.join();
    await bot.say('zzz');
    await bot.say('bonjour');
    expect(textOf(await bot.say('zzz'))).not.toContain(fr('common:human.stuck'));
  });

  it('a bare "non merci" at the menu closes politely, without "not understood" or a strike', async () => {
    const bot = new BotDriver({ features: [probeFeature()], understand });
    await bot.join();
    await bot.say('zzz');
    const replies = textOf(await bot.say('non merci'));
    expect(replies).toContain(fr('common:smallTalk.closing'));
    expect(replies).not.toContain(fr('common:menu.notUnderstood'));
    expect(textOf(await bot.say('blablabla'))).not.toContain(fr('common:human.stuck'));
  });
});
