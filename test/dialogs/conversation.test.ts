import type { Understand } from '../../dialogs/shared/understanding';
import { getFaqEntry, searchFaq } from '../../knowledge/faq';
import { translator } from '../../locales/i18n';
import { BotDriver, textOf } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';
import { runTranscript } from '../support/transcripts';
import { cannedUnderstanding, conversationTranscripts, promptTranscripts } from './conversation.transcripts';

const demo = useDemoBot({ today: '2026-11-22', warm: true });

const understand: Understand = (text) => cannedUnderstanding[text] ?? { intent: 'offtopic', confidence: 0.2, slots: {} };
const features = () => demo.features({ faq: { searchFaq, getFaqEntry } });

describe('conversation transcripts (free words, interruptions, a person, erase)', () => {
  it.each(conversationTranscripts.map((t) => [`${t.locale}: ${t.name}`, t] as const))('%s', async (_name, transcript) => {
    await runTranscript(transcript, features, { understand });
  });
});

describe('every kind of question: free words, an interruption and back, a person and back, erase', () => {
  // One person per transcript: a request sent in one is not theirs to erase in another.
  it.each(promptTranscripts.map((t, i) => [t.name, t, i] as const))('%s', async (_name, transcript, i) => {
    await runTranscript(transcript, features, { understand, userId: `person-${i}` });
  });
});

describe('language', () => {
  it('switching language keeps the dialog and the place', async () => {
    const fr = translator('fr');
    const en = translator('en');
    const bot = new BotDriver({ features: features(), understand, locale: 'fr-FR' });
    await bot.join();
    await bot.say('Trouver une structure');
    await bot.say('chantier');
    await bot.say('Le Lamentin');
    await bot.say('Nouvelle recherche');
    const switched = textOf(await bot.say('english'));
    expect(switched).toContain(en('common:language.switched'));
    expect(switched).toContain(en('search:askKind'));
    expect(switched).not.toContain(fr('search:askKind'));
    const results = textOf(await bot.say('worksite'));
    expect(results).toContain(en('conversation:memory.reused', { facts: 'Le Lamentin (972)' }));
  });

  it('English text is answered in English on a French browser, French text in French on an English one', async () => {
    const fr = translator('fr');
    const en = translator('en');
    const onFrench = new BotDriver({ features: features(), understand, locale: 'fr-FR' });
    await onFrench.join();
    expect(textOf(await onFrench.say('I would like to find a structure please'))).toContain(en('common:menu.notUnderstood'));
    const onEnglish = new BotDriver({ features: features(), understand, locale: 'en-US' });
    await onEnglish.join();
    expect(textOf(await onEnglish.say('je voudrais trouver une structure'))).toContain(fr('common:menu.notUnderstood'));
  });
});
