import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import type { Understand } from '../../dialogs/shared/understanding';
import { CRITERIA, criterionTextKey, describeEligibility, evaluateEligibility, type CriterionKey } from '../../knowledge/eligibility';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import { CHECKLIST_ACTION } from '../../dialogs/eligibility/checklist';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';

const TODAY = '2026-11-22';
const fr = translator('fr');
const en = translator('en');
const features = () => createFeatures({ today: () => TODAY });

const OTHERS = CRITERIA.filter((c) => c.group === 'other').map((c) => c.key);

/** The criteria the checklist card offers (its toggles' ids). */
function toggles(replies: Reply[]): string[] {
  const card = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return ((card?.content as { body?: Array<{ type: string; id?: string }> } | undefined)?.body ?? []).filter((b) => b.type === 'Input.Toggle').map((b) => b.id!);
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
    expect(textOf(first)).toContain(fr('eligibilityDialog:minima.question', { benefits: "le RSA, l'ASS ou l'AAH" }));
    expect(buttonsOf(first)).toEqual(['RSA', 'ASS', 'AAH', fr('eligibilityDialog:minima.choices.none'), fr('common:answers.unknown')]);
    const result = textOf(await bot.say('RSA'));
    expect(result).toContain(fr('eligibilityDialog:allEligible'));
    expect(result).toContain(fr('eligibilityDialog:counted', { criteria: fr(criterionTextKey('RSA', 'label')) }));
    expect(result).toContain(fr('eligibilityDialog:siaeOwnDiagnosis'));
    expect(result).not.toContain(fr('eligibilityDialog:orienteur'));
    expect(result).toContain(fr('eligibilityDialog:proofs'));
    expect(result).toContain(fr(criterionTextKey('RSA', 'proof')));
    expect(result).toContain(fr('eligibilityDialog:next.prompt'));
  });

  it('the minima in free words: « oui je touche l’AAH »', async () => {
    const { bot } = await start();
    const result = textOf(await bot.say("oui je touche l'AAH"));
    expect(result).toContain(fr('eligibilityDialog:counted', { criteria: fr(criterionTextKey('AAH', 'label')) }));
  });

  it('« oui » alone does not say which benefit: asked which one (no « Je n’ai pas compris »), with the same buttons', async () => {
    const { bot } = await start();
    const again = await bot.say('oui');
    expect(textOf(again)).toContain(fr('eligibilityDialog:minima.yes'));
    expect(textOf(again)).not.toContain(fr('eligibilityDialog:minima.retry'));
    expect(buttonsOf(again)).toContain('ASS');
  });

  it('level-2 path: no minima, 22 years old, registered 18 months, a CAP → eligible everywhere', async () => {
    const { bot } = await start();
    expect(textOf(await bot.say(fr('eligibilityDialog:minima.choices.none')))).toContain(fr('eligibility:questions.age'));
    const registration = await bot.say("j'ai 22 ans");
    expect(textOf(registration)).toContain(fr('eligibilityDialog:registration'));
    expect(buttonsOf(registration)).toContain(fr('eligibilityDialog:registrationChoices.twoPlus'));
    const checklist = await bot.say('18 mois');
    expect(textOf(checklist)).toContain(fr('eligibilityDialog:checklist.cardHint'));
    expect(toggles(checklist)).toEqual(OTHERS);
    const result = textOf(await bot.say({ value: { action: CHECKLIST_ACTION, CAP_BEP: 'true', TH: 'false' } }));
    expect(result).toContain(fr('eligibilityDialog:allEligible'));
    const counted = evaluateEligibility({ criteria: ['CAP_BEP', 'JEUNE'], registrationMonths: 18 }, TODAY).counted;
    expect(counted).toEqual(expect.arrayContaining(['CAP_BEP', 'JEUNE', 'DELD']));
    expect(result).toContain(fr('eligibilityDialog:counted', { criteria: counted.map((k) => fr(criterionTextKey(k, 'label'))).join(', ') }));
  });

  it('an ineligible path ends after four answers with what is missing per kind and the prescriber route', async () => {
    const { bot } = await start();
    await bot.say('non');
    await bot.say('40 ans');
    await bot.say('Pas inscrit');
    const said = textOf(await bot.say('aucun'));
    expect(said).toContain(fr('eligibilityDialog:resultIntro'));
    for (const line of expectedExplanations([], 'fr', undefined, 0)) expect(said).toContain(line);
    expect(said).toContain(fr('eligibilityDialog:orienteur'));
    expect(said).not.toContain(fr('eligibilityDialog:proofs'));
  });

  it('"je ne sais pas" at the minima explains them in one sentence each and moves on', async () => {
    const { bot } = await start();
    const reply = textOf(await bot.say('je ne sais pas'));
    for (const key of ['RSA', 'ASS', 'AAH'] as const) expect(reply).toContain(fr(criterionTextKey(key, 'explain')));
    expect(reply).toContain(fr('eligibility:questions.age'));
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
    expect(help).toContain(fr('eligibilityDialog:minima.question', { benefits: "le RSA, l'ASS ou l'AAH" }));
  });

  it('in English', async () => {
    const { bot, first } = await start('en');
    expect(textOf(first)).toContain(en('eligibilityDialog:intro'));
    expect(textOf(first)).toContain(en('eligibilityDialog:minima.question', { benefits: 'the RSA, the ASS, or the AAH' }));
    const result = textOf(await bot.say('yes, the RSA'));
    expect(result).toContain(en('eligibilityDialog:allEligible'));
  });

  it('free text that already says the criteria goes straight to the result', async () => {
    const understand: Understand = () => ({ intent: 'eligibility', confidence: 0.9, slots: { criteria: ['RSA'] } });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const result = textOf(await bot.say("je touche le RSA, est-ce que je peux travailler dans un chantier d'insertion ?"));
    expect(result).not.toContain(fr('eligibilityDialog:minima.question', { benefits: "le RSA, l'ASS ou l'AAH" }));
    expect(result).toContain(fr('eligibilityDialog:allEligible'));
  });

  it('an adviser checking a candidate gets the questions in the third person', async () => {
    const understand: Understand = () => ({ intent: 'eligibility', confidence: 0.9, slots: {} });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const first = textOf(await bot.say("vérifier l'éligibilité d'un candidat"));
    expect(first).toContain(fr('eligibilityDialog:introAdviser'));
    expect(first).toContain(fr('eligibilityDialog:minima.questionAdviser', { benefits: "le RSA, l'ASS ou l'AAH" }));
    expect(textOf(await bot.say('non'))).toContain(fr('eligibility:questions.ageAdviser'));
    expect(textOf(await bot.say('40 ans'))).toContain(fr('eligibilityDialog:registrationAdviser'));
    const checklist = await bot.say('non');
    expect(textOf(checklist)).toContain(fr('eligibilityDialog:checklist.cardHintAdviser'));
    expect(JSON.stringify(checklist[0]!.attachments)).toContain(fr('eligibilityDialog:checklist.questionAdviser'));
  });

  it('an adviser is never told « peut vous embaucher » about their candidate: the result is in the third person', async () => {
    const understand: Understand = () => ({ intent: 'eligibility', confidence: 0.9, slots: {} });
    for (const [answers, expected] of [
      [['RSA'], fr('eligibilityDialog:allEligible_adviser')],
      [['non', '22 ans', '18 mois', 'aucun'], fr('eligibility:result.eligibleLevel2_adviser', { kind: fr('eligibility:kinds.AI'), needed: 2, criteria: [fr(criterionTextKey('DELD', 'label')), fr(criterionTextKey('JEUNE', 'label'))].join(', ') })],
    ] as const) {
      const bot = new BotDriver({ features: features(), understand });
      await bot.join();
      await bot.say("vérifier l'éligibilité d'un candidat");
      let result = '';
      for (const answer of answers) result = textOf(await bot.say(answer));
      expect(result).toContain(expected);
      expect(result).not.toMatch(/vous embaucher|Vous avez|votre éligibilité/);
      expect(result).toContain(describeEligibility(evaluateEligibility({ criteria: [] }, TODAY), 'fr', 'adviser').prescriber.explanation);
    }
  });
});

describe('eligibility dialog, mixed results', () => {
  it('shows one line per kind when only some kinds are open (two level-2 criteria: AI and ETTI)', async () => {
    const { bot } = await start();
    await bot.say('non');
    await bot.say('22 ans');
    await bot.say('18 mois');
    const said = textOf(await bot.say({ value: { action: CHECKLIST_ACTION, none: 'true' } }));
    for (const line of expectedExplanations(['JEUNE'], 'fr', undefined, 18)) expect(said).toContain(line);
    expect(said).not.toContain(fr('eligibilityDialog:allEligible'));
    expect(said).toContain(fr('eligibilityDialog:orienteur'));
  });
});

describe('a registration length said as a bound', () => {
  it('« moins d’un an » is under a year: no long-term criterion, only AI and ETTI open with two level-2 criteria', async () => {
    const { bot } = await start();
    await bot.say('non');
    await bot.say('30 ans');
    await bot.say("moins d'un an");
    const said = textOf(await bot.say('je suis parent isolé et j’habite en QPV'));
    for (const line of expectedExplanations(['PI', 'QPV'], 'fr', undefined, 11)) expect(said).toContain(line);
    expect(said).not.toContain(fr(criterionTextKey('DELD', 'label')));
    expect(said).not.toContain(fr('eligibilityDialog:allEligible'));
  });

  it('« plus de 2 ans » is 24 months or more: level 1, every kind open', async () => {
    const { bot } = await start();
    await bot.say('non');
    await bot.say('45 ans');
    const said = textOf(await bot.say('plus de 2 ans'));
    expect(said).toContain(fr(criterionTextKey('DETLD', 'label')));
  });
});

describe('eligibility checklist', () => {
  async function atChecklist(options: { channelId?: string } = {}) {
    const bot = new BotDriver({ features: features(), ...options });
    await bot.join();
    await bot.say(fr('eligibilityDialog:menu'));
    await bot.say('non');
    await bot.say('35 ans');
    return { bot, checklist: await bot.say('non') };
  }

  it('where cards are not shown, a numbered list answered with numbers', async () => {
    const { bot, checklist } = await atChecklist({ channelId: 'sms' });
    expect(toggles(checklist)).toEqual([]);
    const said = textOf(checklist);
    expect(said).toContain(fr('eligibilityDialog:checklist.question'));
    OTHERS.forEach((key, i) => expect(said).toContain(`${i + 1}. ${fr(criterionTextKey(key, 'label'))}`));
    expect(said).toContain(fr('eligibilityDialog:checklist.howToAnswer'));
    const picked = [OTHERS[0]!, OTHERS[3]!];
    const result = textOf(await bot.say('1 et 4'));
    for (const line of expectedExplanations(picked, 'fr', undefined, 0)) expect(result).toContain(line);
  });

  it('free words at the card: « je suis parent isolé et je n’ai pas de logement »', async () => {
    const { bot } = await atChecklist();
    const result = textOf(await bot.say("je suis parent isolé et je n'ai pas de logement"));
    for (const line of expectedExplanations(['PI', 'PSH_PR'], 'fr', undefined, 0)) expect(result).toContain(line);
  });

  it('« aucun » typed: none holds', async () => {
    const { bot } = await atChecklist({ channelId: 'sms' });
    const result = textOf(await bot.say('aucun'));
    for (const line of expectedExplanations([], 'fr', undefined, 0)) expect(result).toContain(line);
  });

  it('forged values are ignored: a criterion not offered, a value that is not "true", an unknown key', async () => {
    const { bot } = await atChecklist();
    const result = textOf(await bot.say({ value: { action: CHECKLIST_ACTION, RSA: 'true', CAP_BEP: 'yes', TH: 'true', XSS: '<b>', QPV: { $ne: 1 } } }));
    for (const line of expectedExplanations(['TH'], 'fr', undefined, 0)) expect(result).toContain(line);
    expect(result).not.toContain(fr(criterionTextKey('RSA', 'label')));
  });

  it('« Valider » typed at the card: how to send the ticks, the list again, no answer taken', async () => {
    const { bot } = await atChecklist();
    const replies = await bot.say('Valider');
    expect(textOf(replies)).toContain(fr('eligibilityDialog:checklist.typedDone'));
    expect(toggles(replies).length).toBeGreaterThan(0);
    expect(textOf(replies)).not.toContain(fr('eligibilityDialog:resultIntro'));
    const result = textOf(await bot.say({ value: { action: CHECKLIST_ACTION, TH: 'true' } }));
    for (const line of expectedExplanations(['TH'], 'fr', undefined, 0)) expect(result).toContain(line);
  });

  it('« fini » typed at the numbered list: what to write', async () => {
    const { bot } = await atChecklist({ channelId: 'sms' });
    const said = textOf(await bot.say('fini'));
    expect(said).toContain(fr('eligibilityDialog:checklist.typedDoneText'));
    expect(said).not.toContain(fr('eligibilityDialog:resultIntro'));
  });

  it('three unreadable answers: the open criteria count as unknown and the result comes (never a loop)', async () => {
    const { bot } = await atChecklist();
    expect(textOf(await bot.say('blabla'))).toContain(fr('eligibilityDialog:checklist.retry'));
    expect(textOf(await bot.say('euh'))).toContain(fr('eligibilityDialog:checklist.retry'));
    expect(textOf(await bot.say('hmm'))).toContain(fr('eligibilityDialog:resultIntro'));
  });

  it('nothing is announced that will not come: a first message that settles it gets no question', async () => {
    const understand: Understand = () => ({ intent: 'eligibility', confidence: 0.9, slots: { criteria: ['ASS'] } });
    const bot = new BotDriver({ features: features(), understand });
    await bot.join();
    const said = textOf(await bot.say("j'ai l'ASS, je peux aller en chantier ?"));
    expect(said).toContain(fr('eligibilityDialog:allEligible'));
    expect(said).not.toMatch(/question/i);
  });
});
