import { translator } from '../../locales/i18n';
import { getFaqEntry, searchFaq } from '../../knowledge/faq';
import { criterionTextKey } from '../../knowledge/eligibility';
import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';

/** One-message shortcuts through the real understanding module, as people type them. */
const fr = translator('fr');
const en = translator('en');
beforeAll(() => warmUnderstanding());
const demo = useDemoBot({ today: '2026-11-22', warm: true });

function bot(locale: 'fr' | 'en' = 'fr'): BotDriver {
  return new BotDriver({
    locale: locale === 'fr' ? 'fr-FR' : 'en-US',
    understand,
    features: demo.features({ faq: { searchFaq, getFaqEntry } }),
  });
}

/** Says the message; if the bot asks which feature was meant, picks the first one offered. */
async function shortcut(driver: BotDriver, text: string, t = fr): Promise<Reply[]> {
  await driver.join();
  const replies = await driver.say(text);
  if (!textOf(replies).includes(t('common:clarify'))) return replies;
  return driver.say(buttonsOf(replies)[0]!);
}

describe('one message, straight to the right place', () => {
  it('"suis-je éligible ?" starts the check', async () => {
    const said = textOf(await shortcut(bot(), 'suis-je éligible ?'));
    expect(said).toContain(fr('eligibilityDialog:intro'));
    expect(said).toContain(fr('eligibilityDialog:minima.question', { benefits: "le RSA, l'ASS ou l'AAH" }));
  });

  it('"je touche le RSA, est-ce que je peux travailler dans un chantier d\'insertion ?" answers without asking about RSA', async () => {
    const said = textOf(await shortcut(bot(), "je touche le RSA, est-ce que je peux travailler dans un chantier d'insertion ?"));
    expect(said).not.toContain(fr('eligibilityDialog:minima.question', { benefits: "le RSA, l'ASS ou l'AAH" }));
    // The kind asked, answered for itself.
    expect(said).toContain(fr('eligibilityDialog:resultIntroOne'));
    expect(said).toMatch(/\(ACI\) : oui, cette structure peut vous embaucher/);
  });

  it('"vérifier l\'éligibilité d\'un candidat" asks in the third person', async () => {
    const said = textOf(await shortcut(bot(), "vérifier l'éligibilité d'un candidat"));
    expect(said).toContain(fr('eligibilityDialog:introAdviser'));
  });

  it('"aci 97232 20km" shows results with no question (adviser quick lookup)', async () => {
    const said = textOf(await shortcut(bot(), 'aci 97232 20km'));
    expect(said).toMatch(/à moins de 20 km du Lamentin/);
    expect(said).not.toContain(fr('search:askKind'));
  });

  it('"un chantier d\'insertion près du Lamentin" shows results', async () => {
    expect(textOf(await shortcut(bot(), "un chantier d'insertion près du Lamentin"))).toMatch(/chantiers d'insertion\) à moins de 25 km du Lamentin/);
  });

  it('"combien de postes d\'insertion en Martinique ?" gives the figures', async () => {
    const said = textOf(await shortcut(bot(), "combien de postes d'insertion en Martinique ?"));
    expect(said).toMatch(/1103 postes d'insertion/);
  });

  it('"c\'est quoi un ACI" answers from the knowledge base', async () => {
    const found = searchFaq("c'est quoi un ACI", 'fr');
    const said = textOf(await shortcut(bot(), "c'est quoi un ACI"));
    if (found.status === 'answer') expect(said).toContain(found.entry.answer);
    else expect(said).toContain(fr('faqDialog:choices'));
  });

  it('"effacer mes données" reaches the erase (nothing kept yet: it says so, without a question)', async () => {
    expect(textOf(await shortcut(bot(), 'effacer mes données'))).toContain(fr('myData:nothingToErase'));
  });

  it('"I need a job near Schoelcher" keeps the place and asks only the kind', async () => {
    const said = textOf(await shortcut(bot('en'), 'I need a job near Schoelcher', en));
    expect(said).toContain(en('search:askKind'));
    expect(said).not.toContain(en('search:askPlace'));
  });

  it('"je veux faire une demande de PASS IAE" opens the request with its consent screen', async () => {
    const said = textOf(await shortcut(bot(), 'je veux faire une demande de PASS IAE'));
    expect(said).toContain(fr('requests:consentQuestion'));
  });

  it('"suivre ma demande GI-7K3P9Q" keeps the number and asks only the code', async () => {
    const said = textOf(await shortcut(bot(), 'suivre ma demande GI-7K3P9Q'));
    expect(said).toContain(fr('followUp:askCode'));
    expect(said).not.toContain(fr('followUp:askReference'));
  });

  it('"j\'ai besoin d\'aide pour trouver un logement et du travail" starts the orientation', async () => {
    expect(textOf(await shortcut(bot(), "j'ai besoin d'aide pour trouver un logement et du travail"))).toContain(fr('orientation:askNeed'));
  });

  it('"ma conseillère m\'a parlé d\'agrément" answers what an agrément is', async () => {
    const said = textOf(await shortcut(bot(), "ma conseillère m'a parlé d'agrément"));
    expect(said).toContain(getFaqEntry('pass-iae-what', 'fr')!.answer);
  });

  it('says what it understood before using it', async () => {
    const said = textOf(await shortcut(bot(), 'bonjour je suis au rsa depuis 2 ans et je cherche du travail vers le lamentin'));
    expect(said).toContain(fr('common:understood.intro'));
    expect(said).toContain(fr(criterionTextKey('RSA', 'label')));
    expect(said).toContain(fr('common:understood.place', { place: 'Le Lamentin' }));
    expect(said).toContain(fr('search:askKind'));
    expect(said).not.toContain(fr('search:askPlace'));
  });

  it('a birth date in the first message is said back and not asked again', async () => {
    const said = textOf(await shortcut(bot(), 'née le 03/03/1990, je touche le RSA, suis-je éligible ?'));
    expect(said).toContain(fr('common:understood.birthDate', { date: '03/03/1990' }));
    expect(said).not.toContain(fr('eligibility:questions.age'));
  });

  it('says it in English too', async () => {
    const said = textOf(await shortcut(bot('en'), 'I need a job near Schoelcher', en));
    expect(said).toContain(en('common:understood.place', { place: 'Schœlcher' }));
  });
});
