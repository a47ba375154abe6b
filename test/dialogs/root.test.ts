import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';
import { runTranscript } from '../support/transcripts';
import { rootTranscripts } from './root.transcripts';

describe('root dialog transcripts', () => {
  it.each(rootTranscripts.map((t) => [`${t.locale}: ${t.name}`, t] as const))('%s', async (_name, transcript) => {
    await runTranscript(transcript, createFeatures);
  });
});

describe('language switch', () => {
  const fr = translator('fr');
  const en = translator('en');

  it('answers in English after "english" and remembers it, then back to French', async () => {
    const bot = new BotDriver({ locale: 'fr-FR' });
    await bot.join();
    const switched = await bot.say('english');
    expect(textOf(switched)).toContain(en('common:language.switched'));
    expect(textOf(switched)).toContain(en('common:menu.prompt'));
    expect(buttonsOf(switched)).toContain(en('common:menu.language'));
    expect(textOf(await bot.say('help'))).toContain(en('common:help.commands'));
    const back = await bot.say('Français');
    expect(textOf(back)).toContain(fr('common:language.switched'));
    expect(textOf(await bot.say('aide'))).toContain(fr('common:help.commands'));
  });

  it('the language button of the menu is the switch itself', async () => {
    const bot = new BotDriver({ locale: 'fr-FR' });
    const joined = await bot.join();
    expect(buttonsOf(joined)).toContain('English');
    expect(textOf(await bot.say('English'))).toContain(en('common:language.switched'));
  });
});

describe('Teams rendering', () => {
  it('shows the menu as card buttons on msteams', async () => {
    const bot = new BotDriver({ channelId: 'msteams' });
    const replies = await bot.join();
    expect(buttonsOf(replies)).toEqual(expect.arrayContaining([translator('fr')('common:menu.help')]));
  });
});
