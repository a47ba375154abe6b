import { translator } from '../../locales/i18n';
import { BotDriver, textOf } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';

const fr = translator('fr');
const frEasy = translator('fr', 'easy');
const en = translator('en');
const enEasy = translator('en', 'easy');
const demo = useDemoBot({ today: '2026-11-22', warm: true });
const features = () => demo.features({ advisers: undefined });

describe('easy wording (« français facile »): an i18next context', () => {
  it('uses a key’s _easy variant where there is one, the usual key elsewhere, plurals included', () => {
    expect(frEasy('common:menu.prompt')).toBe('Que voulez-vous faire ? Touchez un bouton.');
    expect(frEasy('common:menu.prompt')).not.toBe(fr('common:menu.prompt'));
    expect(frEasy('common:welcome.hello')).toBe(fr('common:welcome.hello'));
    expect(frEasy('search:foundAround', { count: 1, km: 25, place: 'Le Lamentin', ofPlace: 'du Lamentin' })).toBe("J'ai trouvé 1 résultat. Il est à moins de 25 km du Lamentin.");
    expect(frEasy('search:foundAround', { count: 3, km: 25, place: 'Le Lamentin' })).toMatch(/^J'ai trouvé 3 résultats\. Ils sont/);
    expect(enEasy('search:foundIn', { count: 2, place: 'Martinique' })).toBe('I found 2 results. Place: Martinique.');
    expect(enEasy('eligibilityDialog:counted', { criteria: 'RSA' })).toBe('Why? Because: RSA.');
    expect(en('eligibilityDialog:counted', { criteria: 'RSA' })).toBe('What counts for you: RSA.');
  });

  it('the main paths in easy French: welcome, menu, eligibility result, search result, request confirmation; « français normal » goes back', async () => {
    const bot = new BotDriver({ features: features() });
    expect(textOf(await bot.join())).toContain(fr('common:welcome.purpose'));

    const switched = textOf(await bot.say('français facile'));
    expect(switched).toContain(fr('common:wording.easy'));
    expect(switched).toContain(frEasy('common:menu.prompt'));

    const restarted = textOf(await bot.say('recommencer'));
    expect(restarted).toContain(frEasy('common:welcome.purpose'));
    expect(restarted).toContain(frEasy('common:welcome.privacy'));
    expect(restarted).not.toContain(fr('common:welcome.purpose'));

    await bot.say(fr('eligibilityDialog:menu'));
    const resultReplies = await bot.say('RSA');
    const result = textOf(resultReplies);
    // The kiosk prints the result: the message says so (channelData.printable).
    expect(resultReplies.find((r) => r.printable)?.text).toContain(frEasy('eligibilityDialog:allEligible'));
    expect(resultReplies.find((r) => r.printable)?.printable).toEqual({ kind: 'eligibility' });
    expect(result).toContain(frEasy('eligibilityDialog:resultIntro'));
    expect(result).toContain(frEasy('eligibilityDialog:allEligible'));
    expect(result).toContain(frEasy('eligibilityDialog:siaeOwnDiagnosis'));
    expect(result).toContain(frEasy('eligibilityDialog:proofs'));
    expect(result).toContain(frEasy('eligibilityDialog:next.prompt'));
    expect(result).not.toContain(fr('eligibilityDialog:allEligible'));

    await bot.say('menu');
    await bot.say(fr('search:menu'));
    await bot.say("Chantier d'insertion");
    const foundReplies = await bot.say('Le Lamentin (972)');
    const found = textOf(foundReplies);
    const structures = foundReplies.find((r) => r.printable)?.printable as { kind: string; items: Array<{ name: string; address: string; email?: string }> };
    expect(structures.kind).toBe('structures');
    expect(structures.items.length).toBeGreaterThan(0);
    expect(structures.items[0]).toEqual(expect.objectContaining({ name: expect.any(String), address: expect.stringContaining('Lamentin') }));
    expect(found).toMatch(/J'ai trouvé \d+ résultats\. Ils sont à moins de 25 km du Lamentin/);

    await bot.say('menu');
    await bot.say(fr('requests:menu'));
    await bot.say(fr('requests:accept'));
    for (const answer of ['Marie', 'Dupont', '03/03/1990', '06 12 34 56 78', 'Le Robert', 'Passer']) await bot.say(answer);
    const sentReplies = await bot.say(fr('requests:summary.send'));
    const sent = textOf(sentReplies);
    const reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)?.[0];
    expect(reference).toBeDefined();
    expect(sent).toContain(frEasy('requests:sent.reference', { reference }));
    expect(sent).toContain(frEasy('requests:sent.keep'));
    expect(sent).toContain(frEasy('requests:sent.next'));
    expect(sent).not.toContain(fr('requests:sent.next'));
    // Printable: the reference and where it went, never the secret code.
    const request = sentReplies.find((r) => r.printable)?.printable as { kind: string; reference: string; organisation: string };
    expect(request).toEqual(expect.objectContaining({ kind: 'request', reference, organisation: expect.any(String) }));
    expect(JSON.stringify(request)).not.toMatch(/\b\d{6}\b/);

    const back = textOf(await bot.say('français normal'));
    expect(back).toContain(fr('common:wording.standard'));
    expect(back).toContain(fr('common:menu.prompt'));
    expect(back).not.toContain(frEasy('common:menu.prompt'));
  }, 60_000);

  it('in the middle of a question, the switch keeps the answers and asks the same question again', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    const first = textOf(await bot.say(fr('eligibilityDialog:menu')));
    const again = textOf(await bot.say('facile'));
    expect(again).toContain(fr('common:wording.easy'));
    // The question under way comes back (the minima question), not the menu.
    const question = first.split('\n').filter(Boolean).pop() as string;
    expect(again).toContain(question);
    expect(textOf(await bot.say('oui, le RSA'))).toContain(frEasy('eligibilityDialog:allEligible'));
  }, 30_000);

  it('« easy english » switches to English and easy wording at once', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    const reply = textOf(await bot.say('easy english'));
    expect(reply).toContain(en('common:wording.easy'));
    expect(reply).toContain(enEasy('common:menu.prompt'));
  });
});
