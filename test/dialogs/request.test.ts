import { translator } from '../../locales/i18n';
import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { subjectKeyOf } from '../../knowledge/requests';
import type { DirectoryRepository } from '../../stores/directory';
import type { AdviserRegistry } from '../../stores/requests/adviserRegistry';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';
import { frenchPlace } from '../../knowledge/text/frenchPlace';
import { useDemoBot } from '../support/demoBot';
import { martiniqueBot } from '../support/probeBot';

const fr = translator('fr');
const en = translator('en');
const TODAY = '2026-11-22';
const demo = useDemoBot({ today: TODAY, warm: true });
let directory: DirectoryRepository;
let requests: RequestRepository;
let advisers: AdviserRegistry;
beforeAll(() => {
  ({ directory } = demo);
  ({ requests, advisers } = demo.stores);
});

const features = () => demo.features();
/** TestAdapter's user is user1 on webchat. */
const subject = subjectKeyOf('webchat', 'user1', DEVELOPMENT_SUBJECT_KEY_SECRET);

async function fillRequest(bot: BotDriver, answers: string[] = ['Marie', 'Dupont', '03/03/1990', '06 12 34 56 78', 'Le Robert', 'Passer']) {
  const consent = await bot.say(fr('requests:menu'));
  expect(textOf(consent)).toContain(fr('requests:consent.v2'));
  expect(buttonsOf(consent)).toEqual([fr('requests:accept'), fr('requests:refuse')]);
  let last = await bot.say(fr('requests:accept'));
  for (const answer of answers) last = await bot.say(answer);
  return last;
}

describe('request dialog', () => {
  it('consent, the fields, a summary that says it is a request for a diagnosis, then a reference and a private code; the follow-up shows the status', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    const summary = await fillRequest(bot);
    const said = textOf(summary);
    expect(said).toContain(fr('requests:summary.title'));
    expect(said).toContain(fr('requests:summary.kind.diagnosis'));
    expect(said).toContain('Marie');
    expect(said).toContain('03/03/1990');
    expect(said).toContain('0612345678');
    expect(buttonsOf(summary)).toEqual([fr('requests:summary.send'), fr('requests:summary.fix'), fr('requests:summary.cancel')]);

    const sent = textOf(await bot.say(fr('requests:summary.send')));
    expect(sent).toContain(fr('requests:sent.title'));
    const reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)?.[0];
    const code = /: (\d{6})/.exec(sent)?.[1];
    expect(reference).toBeDefined();
    expect(code).toBeDefined();
    // 36 years old, no RQTH: France Travail, the nearest agency. A diagnosis, never « PASS IAE délivré » by the prescriber.
    expect(sent).toContain(fr('directory:kinds.FT.name'));
    expect(sent).toContain(fr('requests:sent.next'));
    expect(sent).not.toMatch(/peut vous donner le PASS/);
    const stored = await requests.listBySubject(subject);
    const mine = stored.find((r) => r.reference === reference)!;
    expect(mine.consent.version).toBe('request-v2');
    const organisation = await directory.get(mine.organisationId);
    // A lost reference has a path: this conversation gives it again, or the organisation's name.
    expect(sent).toContain(fr('requests:sent.lost', { name: organisation!.name }));

    // In the conversation that made it, « suivre ma demande » shows the request again: no number needed.
    const again = textOf(await bot.say(fr('followUp:menu')));
    expect(again).toContain(reference);
    expect(again).toContain(fr('followUp:statuses.received'));

    // From another conversation (another channel identity): reference, then code.
    const elsewhere = new BotDriver({ features: features(), channelId: 'directline' });
    await elsewhere.join();
    expect(textOf(await elsewhere.say(fr('followUp:menu')))).toContain(fr('followUp:askReference'));
    expect(textOf(await elsewhere.say(reference!.toLowerCase()))).toContain(fr('followUp:askCode'));
    expect(textOf(await elsewhere.say(code!))).toContain(fr('followUp:status', { reference, status: fr('followUp:statuses.received') }));

    await elsewhere.say(fr('followUp:menu'));
    await elsewhere.say(reference!);
    const wrong = textOf(await elsewhere.say(code === '000000' ? '111111' : '000000'));
    expect(wrong).toContain(fr('followUp:wrong'));
    expect(wrong).toContain(fr('followUp:lost'));

    const data = textOf(await bot.say('mes données'));
    expect(data).toContain(reference);
    const confirm = await bot.say('effacer mes données');
    expect(textOf(confirm)).toContain(fr('myData:confirmEraseRequests', { count: 1 }));
    const erased = textOf(await bot.say('oui'));
    expect(erased).toContain(fr('myData:erased.requests', { count: 1 }));
    expect(await requests.listBySubject(subject)).toEqual([]);
  });

  it('refusing consent stores nothing', async () => {
    const before = (await requests.listBySubject(subject)).length;
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say(fr('requests:menu'));
    expect(textOf(await bot.say(fr('requests:refuse')))).toContain(fr('requests:refused'));
    expect((await requests.listBySubject(subject)).length).toBe(before);
    expect(textOf(await bot.say('mes données'))).toContain(fr('myData:nothing'));
  });

  it('bad phone, e-mail, birth date and a social security number in the note are refused with a plain reason', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say(fr('requests:menu'));
    await bot.say(fr('requests:accept'));
    await bot.say('Marie');
    await bot.say('Dupont');
    expect(textOf(await bot.say('le 3 mars'))).toContain(fr('requests:errors.birthDate'));
    expect(textOf(await bot.say('03/03/2015'))).toContain(fr('requests:errors.age'));
    await bot.say('03/03/1990');
    expect(textOf(await bot.say('12 34'))).toContain(fr('requests:errors.phone'));
    expect(textOf(await bot.say('marie@'))).toContain(fr('requests:errors.email'));
    await bot.say('marie.dupont@example.org');
    expect(textOf(await bot.say('qsdfghjklm'))).toContain(fr('requests:errors.commune'));
    await bot.say('97200');
    expect(textOf(await bot.say('mon numéro 1 90 03 75 123 456 78'))).toContain(fr('requests:errors.noteNir'));
    expect(textOf(await bot.say('Je cherche dans la restauration'))).toContain(fr('requests:summary.title'));
  });

  it.each([
    ['Marie Dupont', 'Marie', 'Dupont'],
    ['DUPONT Marie', 'Marie', 'DUPONT'],
    ["je m'appelle Marie Dupont", 'Marie', 'Dupont'],
  ])('« %s » at the first name gives both names, said back; the last name is not asked', async (typed, first, last) => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say(fr('requests:menu'));
    await bot.say(fr('requests:accept'));
    const said = textOf(await bot.say(typed));
    expect(said).toContain(fr('requests:nameSplit', { firstName: first, lastName: last }));
    expect(said).toContain(fr('requests:ask.birthDate'));
    expect(said).not.toContain(fr('requests:ask.lastName'));
  });

  it.each([
    ['0696 12 34 56', 'Dupont', 'birthDate'],
    ['marie@exemple.fr', 'Marie', 'lastName'],
  ])('« %s » given before its question is kept, said so, and not asked again', async (contact, _before, field) => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say(fr('requests:menu'));
    await bot.say(fr('requests:accept'));
    await bot.say('Marie');
    if (field === 'birthDate') await bot.say('Dupont');
    const noted = textOf(await bot.say(contact));
    // Kept as the contact field keeps it (a phone number without its spaces).
    expect(noted).toContain(fr('requests:contactNoted', { contact: contact.replace(/\s/g, '') }));
    expect(noted).toContain(fr(`requests:ask.${field}`));
    expect(noted).not.toContain(fr('requests:errors.birthDate'));
    if (field === 'lastName') await bot.say('Dupont');
    const next = textOf(await bot.say('03/03/1990'));
    expect(next).toContain(fr('requests:ask.commune'));
    expect(next).not.toContain(fr('requests:ask.contact'));
    await bot.say('Le Robert');
    const summary = textOf(await bot.say('Passer'));
    expect(summary).toContain(`${fr('requests:fields.contact')} : ${contact.replace(/\s/g, '')}`);
  });

  it('a commune typed at another question of the request is not asked again', async () => {
    const bot = martiniqueBot(demo);
    await bot.say(fr('requests:menu'));
    await bot.say(fr('requests:accept'));
    for (const answer of ['Marie', 'Dupont', '03/03/1990']) await bot.say(answer);
    const noted = textOf(await bot.say('Le Lamentin'));
    expect(noted).toContain(fr('requests:ask.contact'));
    const next = textOf(await bot.say('06 12 34 56 78'));
    expect(next).toContain('Le Lamentin');
    expect(next).not.toContain(fr('requests:ask.commune'));
    expect(next).toContain(fr('requests:ask.note'));
    const summary = textOf(await bot.say('Passer'));
    expect(summary).toContain(`${fr('requests:fields.commune')} : Le Lamentin`);
  });

  it.each([
    ['Sainte Marie', 'Sainte-Marie'],
    ["j'habite à Ducos", 'Ducos'],
  ])('« %s » at the commune question is its answer, taken once and not said twice', async (answer, commune) => {
    const bot = martiniqueBot(demo);
    await bot.say(fr('requests:menu'));
    await bot.say(fr('requests:accept'));
    for (const field of ['Marie', 'Dupont', '03/03/1990', '06 12 34 56 78']) await bot.say(field);
    const next = textOf(await bot.say(answer));
    expect(next).not.toMatch(/C'est noté|Je reprends/);
    expect(next).toContain(fr('requests:ask.note'));
    expect(textOf(await bot.say('Passer'))).toContain(`${fr('requests:fields.commune')} : ${commune}`);
  });

  it.each(["c'est bon", 'tout est juste'])('« %s » at « Tout est juste ? » sends the request', async (answer) => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await fillRequest(bot);
    const sent = textOf(await bot.say(answer));
    expect(sent).toMatch(/GI-[A-Z0-9]{6}/);
    expect(sent).not.toContain(fr('requests:summary.question'));
  });

  it('a first name corrected from the summary with two words stays the first name', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await fillRequest(bot);
    await bot.say(fr('requests:summary.fix'));
    await bot.say(fr('requests:fields.firstName'));
    const summary = textOf(await bot.say('Marie Claire'));
    expect(summary).toContain(`${fr('requests:fields.firstName')} : Marie Claire`);
    expect(summary).not.toContain(fr('requests:nameSplit', { firstName: 'Marie', lastName: 'Claire' }));
  });

  it('a field can be corrected from the summary', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await fillRequest(bot);
    expect(textOf(await bot.say(fr('requests:summary.fix')))).toContain(fr('requests:fixWhich'));
    expect(textOf(await bot.say(fr('requests:fields.firstName')))).toContain(fr('requests:ask.firstName'));
    const summary = textOf(await bot.say('Maria'));
    expect(summary).toContain(`${fr('requests:fields.firstName')} : Maria`);
  });

  it('after an eligibility check, the request carries its criteria and the documents to bring', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say(fr('eligibilityDialog:menu'));
    const result = await bot.say('RSA');
    expect(buttonsOf(result)).toContain(fr('eligibilityDialog:next.request'));
    const consent = await bot.say(fr('eligibilityDialog:next.request'));
    expect(textOf(consent)).toContain(fr('requests:consent.v2'));
    await bot.say(fr('requests:accept'));
    for (const answer of ['Paul', 'Martin', '03/03/1990', 'paul@example.org', 'Sainte-Marie 972', 'Passer']) await bot.say(answer);
    const sent = textOf(await bot.say(fr('requests:summary.send')));
    expect(sent).toContain(fr('requests:sent.documents'));
    expect(sent).toContain(fr('eligibility:criteria.RSA.proof'));
  });

  it('in English', async () => {
    const bot = new BotDriver({ features: features(), locale: 'en-US' });
    await bot.join();
    const consent = await bot.say(en('requests:menu'));
    expect(textOf(consent)).toContain(en('requests:consent.v2'));
    expect(textOf(await bot.say(en('requests:accept')))).toContain(en('requests:ask.firstName'));
  });
});

describe('request from a search card', () => {
  async function startFromCard(bot: BotDriver): Promise<{ structureId: string; name: string }> {
    await bot.say(fr('search:menu'));
    await bot.say("Chantier d'insertion");
    const results = await bot.say('Le Lamentin (972)');
    const submit = results
      .flatMap((r) => r.attachments ?? [])
      .flatMap((a) => ((a.content as { actions?: Array<{ type: string; data?: unknown }> }).actions ?? []))
      .find((a) => a.type === 'Action.Submit');
    expect(submit).toBeDefined();
    const data = submit!.data as { action: string; structureId: string };
    expect(data.action).toBe('request.start');
    const consent = await bot.say({ value: data });
    expect(textOf(consent)).toContain(fr('requests:consent.v2'));
    await bot.say(fr('requests:accept'));
    let summary: Awaited<ReturnType<BotDriver['say']>> = [];
    // The commune is not asked again: the search already said Le Lamentin.
    for (const answer of ['Léa', 'Bernard', '03/03/1990', 'lea@example.org', 'Passer']) summary = await bot.say(answer);
    const name = (await directory.get(data.structureId))!.name;
    // The summary names the structure: it is a candidature there, not a PASS IAE request.
    expect(textOf(summary)).toContain(fr('requests:summary.kind.candidature', { structure: name }));
    return { structureId: data.structureId, name };
  }

  it('« Faire une demande ici » without advisers for that structure: sent to the prescriber, with the structure named as the wish', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    const { structureId, name } = await startFromCard(bot);
    const sent = textOf(await bot.say(fr('requests:summary.send')));
    const reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)![0];
    const stored = (await requests.listBySubject(subject)).find((r) => r.reference === reference)!;
    expect(stored.structureId).toBe(structureId);
    expect(stored.organisationId).not.toBe(structureId);
    expect(stored.routing.kind).toBe('FT');
    const prescriber = (await directory.get(stored.organisationId))!;
    expect(sent).toContain(fr('requests:sent.candidature.viaPrescriber', { structure: name, name: prescriber.name, kind: fr('directory:kinds.FT.name') }));
    expect(sent).toContain(fr('requests:sent.next'));
  });

  it('« Faire une demande ici » for a structure with advisers registered: the candidature goes to that structure, and its advisers see it', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    // Find the structure the card will offer, then register an adviser for it.
    const probe = new BotDriver({ features: features(), channelId: 'directline' });
    await probe.join();
    await probe.say(fr('search:menu'));
    await probe.say("Chantier d'insertion");
    const first = (await probe.say('Le Lamentin (972)'))
      .flatMap((r) => r.attachments ?? [])
      .flatMap((a) => ((a.content as { actions?: Array<{ type: string; data?: { structureId?: string } }> }).actions ?? []))
      .find((a) => a.type === 'Action.Submit')!.data!.structureId!;
    await advisers.add({ tenantId: '11111111-2222-3333-4444-555555555555', aadObjectId: 'aaaaaaaa-0000-0000-0000-00000000000a', organisationId: first });

    const { structureId, name } = await startFromCard(bot);
    expect(structureId).toBe(first);
    const sent = textOf(await bot.say(fr('requests:summary.send')));
    expect(sent).toContain(fr('requests:sent.candidature.toStructure', { structure: name, atStructure: frenchPlace(name).at }));
    expect(sent).toContain(fr('requests:sent.candidature.nextStructure'));
    expect(sent).not.toContain(fr('requests:sent.next'));
    const reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)![0];
    const stored = (await requests.listBySubject(subject)).find((r) => r.reference === reference)!;
    expect(stored.organisationId).toBe(structureId);
    expect(stored.routing).toEqual({ ruleId: 'structure', kind: 'ACI' });
    expect((await requests.listForOrganisation(structureId, { limit: 10, offset: 0 })).items.map((r) => r.reference)).toContain(reference);
    await advisers.remove('11111111-2222-3333-4444-555555555555', 'aaaaaaaa-0000-0000-0000-00000000000a');
  });

  it('a forged card value is ignored', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    const reply = textOf(await bot.say({ value: { action: 'request.start', structureId: '$where:1', extra: 'x' } }));
    expect(reply).not.toContain(fr('requests:consent.v2'));
  });
});
