import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import type { Understand } from '../../dialogs/shared/understanding';
import { criterionTextKey, describeEligibility, evaluateEligibility, type CriterionKey } from '../../knowledge/eligibility';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';

const TODAY = '2026-11-22';
const fr = translator('fr');
const en = translator('en');
const features = () => createFeatures({ today: () => TODAY });

function question(key: CriterionKey, t = fr, adviser = false): string {
  return t(criterionTextKey(key, adviser ? 'questionAdviser' : 'question'));
}

/** The explanations the result must show, computed by the rules module for the same situation. */
function expectedExplanations(criteria: CriterionKey[], locale: 'fr' | 'en' = 'fr', birthDate?: string, registrationMonths?: number): string[] {
  return describeEligibility(evaluateEligibility({ criteria, birthDate, registrationMonths }, TODAY), locale).results.map((r) => r.explanation);
}

async function start(locale: 'fr' | 'en' = 'fr', understand?: Understand): Promise<{ bot: BotDriver; first: Reply[] }> {
  const bot = new BotDriver({ features: features(), locale: locale === 'fr' ? 'fr-FR' : 'en-US', understand });
  await bot.join();
  const first = await bot.say(locale === 'fr' ? 'Vérifier mon éligibilité' : 'Check my eligibility');
  return { bot, first };
}

beforeAll(() => warmRecognizers());

describe('eligibility dialog', () => {
  it('is in the menu, as buttons', async () => {
    const bot = new BotDriver({ features: features() });
    expect(buttonsOf(await bot.join())).toContain(fr('eligibilityDialog:menu'));
  });

  it('shortest path: RSA → eligible in every kind, with proofs and who confirms', async () => {
    const { bot, first } = await start();
    expect(textOf(first)).toContain(fr('eligibilityDialog:intro'));
    expect(textOf(first)).toContain(question('RSA'));
    expect(buttonsOf(first)).toEqual([fr('common:answers.yes'), fr('common:answers.no'), fr('common:answers.unknown')]);
    const result = textOf(await bot.say('oui'));
    expect(result).toContain(fr('eligibilityDialog:allEligible'));
    expect(result).toContain(fr('eligibilityDialog:counted', { criteria: fr(criterionTextKey('RSA', 'label')) }));
    expect(result).toContain(fr('eligibilityDialog:siaeOwnDiagnosis'));
    expect(result).not.toContain(fr('eligibilityDialog:orienteur'));
    expect(result).toContain(fr('eligibilityDialog:proofs'));
    expect(result).toContain(fr(criterionTextKey('RSA', 'proof')));
    expect(result).toContain(fr('eligibilityDialog:next.prompt'));
  });

  it('level-2 path: no minima, 22 years old, registered 18 months, no diploma → eligible everywhere', async () => {
    const { bot } = await start();
    expect(textOf(await bot.say('non'))).toContain(question('ASS'));
    expect(textOf(await bot.say('non'))).toContain(question('AAH'));
    expect(textOf(await bot.say('non'))).toContain(fr('eligibility:questions.age'));
    const registration = await bot.say("j'ai 22 ans");
    expect(textOf(registration)).toContain(fr('eligibilityDialog:registration'));
    expect(buttonsOf(registration)).toContain(fr('eligibilityDialog:registrationChoices.twoPlus'));
    expect(textOf(await bot.say('18 mois'))).toContain(question('CAP_BEP'));
    const result = textOf(await bot.say('oui'));
    expect(result).toContain(fr('eligibilityDialog:allEligible'));
    const counted = evaluateEligibility({ criteria: ['CAP_BEP', 'JEUNE'], registrationMonths: 18 }, TODAY).counted;
    expect(counted).toEqual(expect.arrayContaining(['CAP_BEP', 'JEUNE', 'DELD']));
    expect(result).toContain(fr('eligibilityDialog:counted', { criteria: counted.map((k) => fr(criterionTextKey(k, 'label'))).join(', ') }));
  });

  it('an ineligible path ends with what is missing per kind and the prescriber route', async () => {
    const { bot } = await start();
    let said = '';
    let answers = 0;
    const replies = ['non', 'non', 'non', '40 ans', 'Pas inscrit'];
    while (!said.includes(fr('eligibilityDialog:resultIntro')) && answers < 25) {
      said = textOf(await bot.say(replies[answers] ?? 'non'));
      answers += 1;
    }
    expect(said).toContain(fr('eligibilityDialog:resultIntro'));
    expect(answers).toBeLessThan(20);
    for (const line of expectedExplanations([], 'fr', undefined, 0)) expect(said).toContain(line);
    expect(said).toContain(fr('eligibilityDialog:orienteur'));
    expect(said).not.toContain(fr('eligibilityDialog:proofs'));
  });

  it('"je ne sais pas" explains the criterion in one sentence and moves on', async () => {
    const { bot } = await start();
    const reply = textOf(await bot.say('je ne sais pas'));
    expect(reply).toContain(fr(criterionTextKey('RSA', 'explain')));
    expect(reply).toContain(question('ASS'));
  });

  it('menu and annuler interrupt the check', async () => {
    const { bot } = await start();
    await bot.say('non');
    expect(textOf(await bot.say('menu'))).toContain(fr('common:menu.prompt'));
    const again = await start();
    expect(textOf(await again.bot.say('annuler'))).toContain(fr('common:cancel.done'));
  });

  it('aide in the middle explains the check and asks the same question again', async () => {
    const { bot } = await start();
    const help = textOf(await bot.say('aide'));
    expect(help).toContain(fr('eligibilityDialog:help'));
    expect(help).toContain(question('RSA'));
  });

  it('in English', async () => {
    const { bot, first } = await start('en');
    expect(textOf(first)).toContain(en('eligibilityDialog:intro'));
    expect(textOf(first)).toContain(question('RSA', en));
    const result = textOf(await bot.say('yes'));
    expect(result).toContain(en('eligibilityDialog:allEligible'));
  });

  it('free text that already says the criteria goes straight to the result', async () => {
    const understand: Understand = () => ({ intent: 'eligibility', confidence: 0.9, slots: { criteria: ['RSA'] } });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const result = textOf(await bot.say("je touche le RSA, est-ce que je peux travailler dans un chantier d'insertion ?"));
    expect(result).not.toContain(question('RSA'));
    expect(result).toContain(fr('eligibilityDialog:allEligible'));
  });

  it('an adviser checking a candidate gets the questions in the third person', async () => {
    const understand: Understand = () => ({ intent: 'eligibility', confidence: 0.9, slots: {} });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const first = textOf(await bot.say("vérifier l'éligibilité d'un candidat"));
    expect(first).toContain(fr('eligibilityDialog:introAdviser'));
    expect(first).toContain(question('RSA', fr, true));
    await bot.say('non');
    await bot.say('non');
    expect(textOf(await bot.say('non'))).toContain(fr('eligibility:questions.ageAdviser'));
  });
});

describe('eligibility dialog, mixed results', () => {
  it('shows one line per kind when only some kinds are open (two level-2 criteria: AI and ETTI)', async () => {
    const { bot } = await start();
    await bot.say('non');
    await bot.say('non');
    await bot.say('non');
    await bot.say('22 ans');
    let said = textOf(await bot.say('18 mois'));
    let guard = 0;
    while (!said.includes(fr('eligibilityDialog:resultIntro')) && guard++ < 20) said = textOf(await bot.say('non'));
    for (const line of expectedExplanations(['JEUNE'], 'fr', undefined, 18)) expect(said).toContain(line);
    expect(said).not.toContain(fr('eligibilityDialog:allEligible'));
    expect(said).toContain(fr('eligibilityDialog:orienteur'));
  });
});
