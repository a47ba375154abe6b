import { translator } from '../../locales/i18n';
import { buttonsOf, textOf, type Reply } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';
import { martiniqueBot } from '../support/probeBot';
import { introducesOnly, writerOf } from '../../knowledge/understanding/writer';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
const fr = translator('fr');
const en = translator('en');

const cardCount = (replies: Reply[]) => replies.flatMap((r) => r.attachments ?? []).length;

/** Conversations played by hand that went wrong, end to end with the real understanding. */
describe('the nearest, when nothing is within the radius', () => {
  it.each([
    [['Bonjour, je suis conseillère à la mission locale', 'le cap emploi le plus proche de ducos']],
    [['le cap emploi le plus proche de ducos']],
    [['un cap emploi à ducos dans 5 km']],
  ])('%j: the nearest ones anyway, with the distance of the first', async (messages) => {
    const bot = martiniqueBot(demo);
    await bot.join();
    let last: Reply[] = [];
    for (const m of messages) last = await bot.say(m);
    const said = textOf(last);
    expect(said).toContain('à moins de 5 km de Ducos');
    expect(said).toMatch(/plus proches?.*à \d+(,\d)? km/);
    expect(cardCount(last)).toBeGreaterThan(0);
    expect(buttonsOf(last)).not.toContain(fr('search:next.widen', { km: 10 }));
    expect(buttonsOf(last)).toContain(fr('search:next.radius'));
  });

  it('in English too', async () => {
    const bot = martiniqueBot(demo, 'en-US');
    await bot.join();
    const last = await bot.say('find the nearest Cap Emploi in Ducos');
    expect(textOf(last)).toMatch(/nearest.*\d+(\.\d)? km away/);
    expect(cardCount(last)).toBeGreaterThan(0);
    expect(buttonsOf(last)).not.toContain(en('search:next.widen', { km: 10 }));
  });
});

describe('the nearest of one kind of adviser', () => {
  const kindsShown = (replies: Reply[]) =>
    replies.flatMap((r) => ((r.printable as { kind?: string; items?: Array<{ kind: string }> } | undefined)?.kind === 'structures' ? (r.printable as { items: Array<{ kind: string }> }).items : [])).map((i) => i.kind);

  it.each([
    ['fr-FR', ['le cap emploi le plus proche', 'Ducos'], 'CAP_EMPLOI'],
    ['fr-FR', ['le cap emploi le plus proche de ducos'], 'CAP_EMPLOI'],
    ['fr-FR', ['la mission locale la plus proche de Ducos'], 'ML'],
    ['fr-FR', ['Bonjour, je suis conseillère à la mission locale', 'le cap emploi le plus proche de ducos'], 'CAP_EMPLOI'],
    ['en-US', ['the nearest cap emploi to ducos'], 'CAP_EMPLOI'],
    ['en-US', ['where is the closest mission locale', 'Ducos'], 'ML'],
    ['en-US', ['closest cap emploi', 'Ducos'], 'CAP_EMPLOI'],
  ] as const)('%s %j: only that kind, named in the sentence', async (locale, messages, kind) => {
    const bot = martiniqueBot(demo, locale);
    await bot.join();
    let last: Reply[] = [];
    for (const m of messages) last = await bot.say(m);
    const t = locale === 'fr-FR' ? fr : en;
    const shown = kindsShown(last);
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toEqual(new Set([t(`directory:kinds.${kind}.name`)]));
    expect(textOf(last)).toContain(t(`search:kindPlural.${kind}`));
    expect(textOf(last)).not.toContain(t('search:what.partners'));
  });
});

describe('a relative asking for someone', () => {
  it.each([
    ['fr-FR', 'ma fille a 22 ans et touche le RSA, elle peut avoir un pass iae ?', /peuvent embaucher votre fille/, /Ce qui compte pour votre fille : Bénéficiaire du RSA, Moins de 26 ans/],
    ['fr-FR', 'mon mari est au chômage depuis 3 ans, il peut travailler dans un chantier d insertion ?', /embaucher votre mari/, /Ce qui compte pour votre mari : Inscrit à France Travail depuis 2 ans ou plus/],
    ['fr-FR', 'mon fils a 24 ans et touche le RSA, il peut avoir un pass iae ?', /embaucher votre fils/, /Ce qui compte pour votre fils : Bénéficiaire du RSA, Moins de 26 ans/],
    ['fr-FR', 'ma conjointe touche le RSA, elle peut travailler en chantier ?', /embaucher votre conjointe/, /Ce qui compte pour votre conjointe : Bénéficiaire du RSA/],
    ['en-US', 'my son is 30 and gets RSA, can he get a pass iae?', /can hire your son/, /What counts for your son: Receives RSA/],
    ['en-US', 'my daughter is 22 and gets RSA, can she get a pass iae?', /can hire your daughter/, /What counts for your daughter: Receives RSA/],
  ] as const)('%s « %s »: the result about that person, from the facts of the sentence', async (locale, message, hire, counted) => {
    const bot = martiniqueBot(demo, locale);
    await bot.join();
    const said = textOf(await bot.say(message));
    expect(said).toMatch(hire);
    expect(said).toMatch(counted);
    expect(said).not.toMatch(/\b(vous embaucher|pour vous|can hire you)\b/);
    expect(said).not.toMatch(/\b(la personne|the person)\b/);
    // Not the adviser's professional wording: the intro a person gets.
    expect(said).toContain(translator(locale === 'fr-FR' ? 'fr' : 'en')('eligibilityDialog:intro'));
  });

  it('asks the questions in the third person and keeps the facts of the first sentence', async () => {
    const bot = martiniqueBot(demo);
    await bot.join();
    const first = textOf(await bot.say('ma fille a 22 ans, elle peut avoir un pass iae ?'));
    expect(first).toContain("Est-ce que votre fille touche le RSA, l'ASS ou l'AAH ?");
    expect(first).not.toContain('Quel âge');
    expect(textOf(await bot.say('non'))).toContain('Est-ce que votre fille est inscrite à France Travail ?');
    const result = await bot.say('2 ans');
    expect(textOf(result)).toMatch(/Ce qui compte pour votre fille : .*Moins de 26 ans/);
    expect(buttonsOf(result)).toContain(fr('eligibilityDialog:next.request'));
  });

  it('« mon fils » is « votre fils », agreed (« inscrit »)', async () => {
    const bot = martiniqueBot(demo);
    await bot.join();
    expect(textOf(await bot.say('mon fils a 30 ans, il peut avoir un pass iae ?'))).toContain("Est-ce que votre fils touche le RSA, l'ASS ou l'AAH ?");
    expect(textOf(await bot.say('non'))).toContain('Est-ce que votre fils est inscrit à France Travail ?');
    expect(textOf(await bot.say('3 ans'))).toContain("valider l'éligibilité de votre fils");
  });

  it('a relative not named in the answers (« mon cousin ») stays « la personne »', async () => {
    const bot = martiniqueBot(demo);
    await bot.join();
    expect(textOf(await bot.say('mon cousin a 30 ans et touche le RSA, il peut avoir un pass iae ?'))).toMatch(/embaucher la personne/);
  });

  it.each([
    "je suis seule avec mon fils, j'ai 35 ans et je touche le RSA, suis-je éligible ?",
    "j'ai 30 ans et je touche le RSA, est-ce que je peux avoir un pass iae ?",
  ])('« %s » stays about the writer', async (message) => {
    const bot = martiniqueBot(demo);
    await bot.join();
    expect(textOf(await bot.say(message))).toMatch(/vous embaucher/);
  });
});

describe('an adviser\'s quick lookups, in their shorthand', () => {
  it.each([
    ['critères EI pour un BRSA de 55 ans', /Ce qui compte pour la personne : Bénéficiaire du RSA, 50 ans ou plus/],
    ['un BRSA de 55 ans peut aller en ACI ?', /Ce qui compte pour la personne : Bénéficiaire du RSA, 50 ans ou plus/],
  ])('« %s »: read as the RSA of someone else, the result at once', async (message, counted) => {
    const bot = martiniqueBot(demo);
    await bot.join();
    const said = textOf(await bot.say(message));
    expect(said).toMatch(counted);
    expect(said).toMatch(/embaucher la personne/);
    expect(said).not.toContain(fr('eligibilityDialog:minima.question', { benefits: "le RSA, l'ASS ou l'AAH" }));
    expect(said).not.toMatch(/\bvous embaucher\b/);
  });
});

describe('an eligibility question about one kind', () => {
  it.each([
    ['je suis conseiller mission locale, un jeune de 19 ans sans diplome, eligible ETTI ?', 'ETTI'],
    ['critères EI pour un BRSA de 55 ans', 'EI'],
  ])('« %s »: the answer for that kind at once, no question that cannot change it', async (message, kind) => {
    const bot = martiniqueBot(demo);
    await bot.join();
    const said = textOf(await bot.say(message));
    expect(said).toContain(fr('eligibilityDialog:resultIntroOne'));
    expect(said).toMatch(new RegExp(`^- .*\\(${kind}\\) : oui`, 'm'));
    expect(said).not.toContain(fr('eligibilityDialog:resultIntro'));
    expect(said).not.toContain(fr('eligibilityDialog:minima.questionAdviser', { benefits: "le RSA, l'ASS ou l'AAH" }));
  });
});

describe('a professional who only introduces themselves', () => {
  it.each([
    ['fr-FR', 'Bonjour, je suis conseillère France Travail', 'je suis agent d\'accueil au guichet unique, un jeune de 19 ans sans diplôme est là', /la personne/i],
    ['fr-FR', 'je suis agente d\'accueil', 'vérifier l\'éligibilité, 19 ans, sans diplôme', /la personne/i],
    ['en-US', "Hi, I'm an adviser at France Travail", 'is someone aged 19 with no diploma eligible?', /the person/],
  ] as const)('%s « %s »: said back, not « not understood », and what follows is about the person', async (locale, intro, next, person) => {
    const t = translator(locale === 'fr-FR' ? 'fr' : 'en');
    const bot = martiniqueBot(demo, locale);
    await bot.join();
    const first = await bot.say(intro);
    expect(textOf(first)).toContain(t('conversation:professional.noted'));
    expect(textOf(first)).not.toContain(t('common:menu.notUnderstood'));
    expect(buttonsOf(first)).toContain(t('eligibilityDialog:menu'));
    expect(textOf(await bot.say(next))).toMatch(person);
  });

  it.each([
    ["je suis agent d'accueil au guichet unique", true],
    ["Bonjour, je suis hôtesse d'accueil à la mission locale", true],
    ['je suis CIP au PLIE', true],
    ['je suis conseillère ML, un jeune de 19 ans est éligible ?', false],
    ["I'm an adviser at France Travail, where is the nearest ACI?", false],
    ['bonjour je suis au RSA', false],
  ] as const)('« %s » only introduces a professional: %s', (text, only) => {
    expect(introducesOnly(text)).toBe(only);
    if (only) expect(writerOf(text).professional).toBe(true);
  });
});

describe('figures, one thing changed at a time', () => {
  it('« combien d\'EI à Ducos ? », « et les ACI ? », « et au Robert ? »: figures each time, the other thing kept', async () => {
    const bot = martiniqueBot(demo);
    await bot.join();
    const kind = (k: string) => fr(`directory:kinds.${k}.name`);
    expect(textOf(await bot.say("combien d'EI à Ducos ?"))).toMatch(/^Ducos \(972\) : \d+ structures?/m);
    const aciDucos = textOf(await bot.say('et les ACI ?'));
    // The figures of the ACI at Ducos, not a search around Ducos.
    expect(aciDucos).toContain(fr('stats:source'));
    expect(aciDucos).toMatch(new RegExp(`(^Ducos \\(972\\) : \\d+ structures?|^${kind('ACI')} : aucune structure enregistrée à Ducos)`, 'm'));
    // Other SIAE only under their own line, never as the kind asked.
    expect(aciDucos.indexOf(`- ${kind('EI')} : `)).toBeGreaterThan(aciDucos.indexOf(fr('stats:otherSiae')));
    const aciRobert = textOf(await bot.say('et au Robert ?'));
    expect(aciRobert).toMatch(/^Le Robert \(972\) : \d+ structures?, \d+ postes d'insertion\./m);
    expect(aciRobert).toContain(`- ${kind('ACI')} : `);
    expect(aciRobert.indexOf(`- ${kind('ACI')} : `)).toBeLessThan(aciRobert.indexOf(fr('stats:otherSiae')));
  });

  it('« et les ACI, c\'est quoi ? » after figures is a question, not figures', async () => {
    const bot = martiniqueBot(demo);
    await bot.join();
    await bot.say("combien d'EI à Ducos ?");
    expect(textOf(await bot.say("et les ACI, c'est quoi ?"))).not.toContain(fr('stats:source'));
  });
});

describe('one word per message, in English', () => {
  it('"worksite", "Le Robert": the place question, then the worksites', async () => {
    const bot = martiniqueBot(demo, 'en-US');
    await bot.join();
    expect(textOf(await bot.say('worksite'))).toContain(en('search:askPlace'));
    const results = await bot.say('Le Robert');
    expect(cardCount(results)).toBeGreaterThan(0);
    expect(JSON.stringify(results.flatMap((r) => r.attachments ?? []))).toContain(en('directory:kinds.ACI.name'));
  });
});

describe('a kind read from misspelt words', () => {
  it('"integrashun company near fort de france": said before the results', async () => {
    const bot = martiniqueBot(demo, 'en-US');
    await bot.join();
    const replies = await bot.say('integrashun company near fort de france');
    expect(textOf(replies)).toContain(en('conversation:place.took', { place: en('search:kindPlural.EI') }));
    expect(cardCount(replies)).toBeGreaterThan(0);
  });
});

describe('a lost PASS IAE', () => {
  it.each([
    ['fr-FR', 'mon bénéficiaire a perdu son pass'],
    ['fr-FR', 'jai perdu mon pass'],
    ['en-US', 'my client lost his PASS IAE'],
    ['fr-FR', 'hello, I lost my PASS IAE what do I do'],
  ] as const)('%s « %s »: where it is and who gives it again, not a request reference', async (locale, message) => {
    const english = locale === 'en-US' || message.startsWith('hello');
    const t = translator(english ? 'en' : 'fr');
    const bot = martiniqueBot(demo, locale);
    await bot.join();
    const said = textOf(await bot.say(message));
    expect(said).toContain(t('faq:entries.pass-iae-lost.answer'));
    expect(said).not.toContain(t('followUp:askReference'));
  });

  it("« j'ai perdu mon numéro de demande » is still the request's follow-up", async () => {
    const bot = martiniqueBot(demo);
    await bot.join();
    const said = textOf(await bot.say("j'ai perdu mon numéro de demande"));
    expect(said).not.toContain(fr('faq:entries.pass-iae-lost.answer'));
  });
});
