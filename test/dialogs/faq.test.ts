import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import type { Understand } from '../../dialogs/shared/understanding';
import { getFaqEntry, searchFaq } from '../../knowledge/faq';
import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';

/** The shipped understanding, as the bot runs it. */
const realUnderstand: Understand = (text, locale, context) => understand(text, locale, context);

const fr = translator('fr');
const en = translator('en');
const features = () => createFeatures({ today: () => '2026-11-22', faq: { searchFaq, getFaqEntry } });

/** A question the knowledge base answers with confidence, and one it is unsure about. */
function clearQuestion(locale: 'fr' | 'en', candidates: string[]) {
  const text = candidates.find((q) => searchFaq(q, locale).status === 'answer');
  if (!text) throw new Error(`none of ${candidates.join(' | ')} gets a confident answer`);
  const found = searchFaq(text, locale);
  return { text, entry: found.status === 'answer' ? found.entry : undefined! };
}

describe('FAQ dialog', () => {
  it('answers a clear question and offers related ones as buttons', async () => {
    const { text, entry } = clearQuestion('fr', ["c'est quoi un chantier d'insertion ?", "qu'est-ce qu'un ACI", 'combien de temps dure le pass iae']);
    const bot = new BotDriver({ features: features() });
    await bot.join();
    expect(textOf(await bot.say(fr('faqDialog:menuLabel')))).toContain(fr('faqDialog:ask'));
    const answer = await bot.say(text);
    expect(textOf(answer)).toContain(entry.answer);
    const related = entry.related.map((id) => getFaqEntry(id, 'fr')!.question).slice(0, 3);
    expect(buttonsOf(answer)).toEqual([...related, fr('faqDialog:menu')]);
    if (related[0]) {
      const next = await bot.say(related[0]);
      expect(textOf(next)).toContain(getFaqEntry(entry.related[0]!, 'fr')!.answer);
    }
    expect(textOf(await bot.say(fr('faqDialog:menu')))).toContain(fr('common:menu.prompt'));
  });

  it('a follow-up in doubt between entries, one of which is next to the last answer, is that one', async () => {
    const followUp = 'et il dure combien de temps';
    const found = searchFaq(followUp, 'fr');
    // Alone, the knowledge base hesitates (the PASS IAE or the contract)…
    expect(found.status).toBe('choices');
    const bot = new BotDriver({ features: features(), understand: realUnderstand });
    await bot.join();
    await bot.say("c'est quoi le pass iae");
    // …after the answer about the PASS IAE, whose related questions include its length, it is that one.
    const answer = textOf(await bot.say(followUp));
    expect(answer).toContain(getFaqEntry('pass-iae-duration', 'fr')!.answer);
    expect(answer).not.toContain(fr('faqDialog:choices'));
  });

  it('« et les horaires ? » after the pay is the working hours', async () => {
    const bot = new BotDriver({ features: features(), understand: realUnderstand });
    await bot.join();
    await bot.say("c'est combien le salaire ?");
    const answer = textOf(await bot.say('et les horaires ?'));
    expect(answer).toContain(getFaqEntry('working-hours', 'fr')!.answer);
    expect(answer).not.toContain(fr('faqDialog:none'));
  });

  it('nonsense gets no wrong answer', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say(fr('faqDialog:menuLabel'));
    const reply = textOf(await bot.say('zxqv wplk'));
    expect(reply).toContain(fr('faqDialog:none'));
  });

  it('a question typed as the first message goes straight to its answer', async () => {
    const { text, entry } = clearQuestion('fr', ["c'est quoi un chantier d'insertion ?", "qu'est-ce qu'un ACI"]);
    const understand: Understand = () => ({ intent: 'question', confidence: 0.9, slots: {} });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    expect(textOf(await bot.say(text))).toContain(entry.answer);
  });

  it('in English', async () => {
    const { text, entry } = clearQuestion('en', ['what is an insertion workshop?', 'what is the PASS IAE?', 'how long does the PASS IAE last?']);
    const bot = new BotDriver({ features: features(), locale: 'en-US' });
    await bot.join();
    await bot.say(en('faqDialog:menuLabel'));
    expect(textOf(await bot.say(text))).toContain(entry.answer);
  });
});

describe('a definition question is never answered yes or no', () => {
  beforeAll(() => warmUnderstanding({ numbers: false }), 60_000);

  /** An entry written for a yes/no question, its answer without its « Oui. » / "Yes, ". */
  const body = (id: string, locale: 'fr' | 'en') => getFaqEntry(id, locale)!.answer.replace(/^(Oui|Non|Yes|No)[.,] (\S)/, (_, __, c: string) => c.toUpperCase());

  test.each<[string, 'fr' | 'en', string]>([
    ["c'est quoi une rqth ?", 'fr', 'disability-rqth'],
    ['ça veut dire quoi RQTH', 'fr', 'disability-rqth'],
    ["c'est quoi l'AAH ?", 'fr', 'minima-sociaux'],
    ["c'est quoi le RSA ?", 'fr', 'minima-sociaux'],
    ["c'est quoi les minima sociaux ?", 'fr', 'minima-sociaux'],
    ['what is an RQTH?', 'en', 'disability-rqth'],
    ['what is the AAH?', 'en', 'minima-sociaux'],
  ])('« %s » (%s): the entry that says what it is, without « Oui. »', async (text, locale, id) => {
    const bot = new BotDriver({ features: features(), understand: realUnderstand, locale: locale === 'fr' ? 'fr-FR' : 'en-US' });
    await bot.join();
    const said = textOf(await bot.say(text));
    expect(getFaqEntry(id, locale)!.answer).toMatch(/^(Oui|Yes)[.,] /);
    expect(said).toContain(body(id, locale));
    expect(said).not.toMatch(/^(Oui|Non|Yes|No)\b/m);
  });

  it('a definition question off the subject is not answered by a look-alike entry (« pérou » is not « perdu »)', async () => {
    const bot = new BotDriver({ features: features(), understand: realUnderstand });
    await bot.join();
    const said = textOf(await bot.say("c'est quoi la capitale du pérou"));
    expect(said).not.toContain(getFaqEntry('pass-iae-lost', 'fr')!.answer);
    expect(said).toContain(fr('common:menu.notUnderstood'));
  });

  it('the same entry asked as a yes/no question keeps its « Oui. »', async () => {
    const bot = new BotDriver({ features: features(), understand: realUnderstand });
    await bot.join();
    expect(textOf(await bot.say('est-ce que la RQTH compte ?'))).toContain(getFaqEntry('disability-rqth', 'fr')!.answer);
  });
});

describe('rule questions typed anywhere get their answer, not an eligibility check (issue 12 §5)', () => {
  beforeAll(() => warmUnderstanding({ numbers: false }), 60_000);

  test.each<[string, 'fr' | 'en', string]>([
    ['est-ce que je garde le RSA si je travaille en chantier ?', 'fr', 'rsa-while-working'],
    ['combien je serai payé ?', 'fr', 'pay'],
    ['combien de temps dure un contrat ?', 'fr', 'contract-length'],
    ['do I keep my RSA if I work?', 'en', 'rsa-while-working'],
    ['how much will I be paid?', 'en', 'pay'],
    // The contract's renewal, not an orientation nor the PASS's extension.
    ['mon employeur peut me renouveler mon contrat ?', 'fr', 'contract-length'],
    ['mon patron peut renouveler mon contrat ?', 'fr', 'contract-length'],
    ["l'asso peut me refaire un contrat après ?", 'fr', 'contract-length'],
    ['mon contrat d insertion finit en juin, on peut le renouveler ?', 'fr', 'contract-length'],
    ['will my contract be renewed?', 'en', 'contract-length'],
    ['my contract ends next month, can it be extended?', 'en', 'contract-length'],
  ])('« %s » (%s) → %s', async (text, locale, id) => {
    const bot = new BotDriver({ features: features(), understand: realUnderstand, locale: locale === 'fr' ? 'fr-FR' : 'en-US' });
    await bot.join();
    const reply = textOf(await bot.say(text));
    expect(reply).toContain(getFaqEntry(id, locale)!.answer);
    expect(reply).not.toContain((locale === 'fr' ? fr : en)('eligibilityDialog:menu'));
  });
});
