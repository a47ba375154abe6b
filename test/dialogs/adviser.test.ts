import { MemoryStorage, TurnContext } from 'botbuilder';
import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { ApplicantNotifier } from '../../bot/channels/applicantNotifier';
import { translator } from '../../locales/i18n';
import { createFeatures } from '../../dialogs/features';
import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { subjectKeyOf, type RequestDraftInput } from '../../knowledge/requests';
import type { RequestStores } from '../../stores/requests/openRequests';
import type { DirectoryRepository } from '../../stores/directory';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';

const fr = translator('fr');
let directory: DirectoryRepository;
let stores: RequestStores;
const TENANT = '11111111-2222-3333-4444-555555555555';
const ORG = loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id;
const OTHER_ORG = loadMartiniqueDemo().filter((s) => s.kind === 'FT')[1]!.id;

function draft(firstName: string, organisationId: string): RequestDraftInput {
  return {
    subjectKey: subjectKeyOf('webchat', `person-${firstName}`, DEVELOPMENT_SUBJECT_KEY_SECRET),
    consent: { version: 'request-v1', givenAt: new Date('2026-11-20T10:00:00Z') },
    person: { firstName, lastName: 'Durand', birthDate: '1985-05-05', contact: { kind: 'email', value: `${firstName.toLowerCase()}@example.org` }, communeInsee: '97209' },
    criteria: ['RSA'],
    organisationId,
    routing: { ruleId: 'default', kind: 'FT' },
  };
}

const demo = useDemoBot({
  today: '2026-11-22',
  advisers: [
    { tenantId: TENANT, aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', organisationId: ORG, name: 'Conseillère A' },
    { tenantId: TENANT, aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002', organisationId: OTHER_ORG, name: 'Conseiller B' },
  ],
  requests: [
    { draft: draft('Lucie', ORG), key: 'key-lucie' },
    { draft: draft('Hugo', OTHER_ORG), key: 'key-hugo' },
  ],
});
beforeAll(() => {
  ({ directory, stores } = demo);
});

const features = () => demo.features();
const adviserA = () => new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: 'aaaaaaaa-0000-0000-0000-000000000001', tenantId: TENANT } });

async function openFirst(bot: BotDriver): Promise<Reply[]> {
  await bot.join();
  const list = await bot.say('demandes reçues');
  const first = buttonsOf(list).find((b) => b.startsWith('GI-'))!;
  return bot.say(first);
}

describe('adviser side', () => {
  it('lists only the requests of their organisation, opens one, and moves it through the workflow', async () => {
    const bot = adviserA();
    await bot.join();
    const list = await bot.say('demandes reçues');
    expect(textOf(list)).toContain(fr('adviser:list', { count: 1, shown: 1 }));
    expect(buttonsOf(list).some((b) => b.includes('Lucie D.'))).toBe(true);
    expect(buttonsOf(list).some((b) => b.includes('Hugo'))).toBe(false);

    const opened = await bot.say(buttonsOf(list).find((b) => b.includes('Lucie'))!);
    expect(textOf(opened)).toContain('Lucie');
    expect(buttonsOf(opened)).toEqual([fr('adviser:moveTo.diagnosis_in_progress'), fr('adviser:moveTo.closed'), fr('adviser:export.json'), fr('adviser:export.text'), fr('adviser:back')]);

    const moved = await bot.say(fr('adviser:moveTo.diagnosis_in_progress'));
    expect(textOf(moved)).toMatch(/diagnostic en cours/);
    expect(buttonsOf(moved)).toContain(fr('adviser:moveTo.eligibility_confirmed'));
    await bot.say(fr('adviser:moveTo.eligibility_confirmed'));
    expect(textOf(await bot.say(fr('adviser:moveTo.pass_issued')))).toContain(fr('adviser:passNumber'));
    expect(textOf(await bot.say('trop court'))).toContain(fr('adviser:passNumberRetry'));
    expect(textOf(await bot.say('99999 2612 345'))).toContain(fr('adviser:passStart'));
    const issued = await bot.say('01/12/2026');
    // Prescribers do not issue the PASS IAE: the step records the hire in an SIAE and the PASS number that employer obtained.
    expect(textOf(issued)).toContain(fr('adviser:moved', { reference: record0Reference(issued), status: fr('adviser:statuses.pass_issued') }));
    expect(textOf(issued)).not.toMatch(/délivr/);
    const record = (await stores.requests.listForOrganisation(ORG, { limit: 10, offset: 0 })).items[0]!;
    expect(record.status).toBe('pass_issued');
    expect(record.pass).toEqual({ number: '999992612345', startDate: '2026-12-01', endDate: '2028-11-30' });
    expect(record.history.filter((h) => h.action === 'status').every((h) => h.actor.kind === 'adviser')).toBe(true);
    // Final status: only exports and back remain.
    expect(buttonsOf(issued)).toEqual([fr('adviser:export.json'), fr('adviser:export.text'), fr('adviser:back')]);
    const exported = await bot.say(fr('adviser:export.json'));
    // Teams shows no inline file from a bot: the JSON comes as a code block in the message.
    const json = /```\n([\s\S]+)\n```/.exec(textOf(exported))?.[1];
    expect(JSON.parse(json!)).toMatchObject({ reference: record.reference, status: 'pass_issued', person: { firstName: 'Lucie' } });
    const after = (await stores.requests.listForOrganisation(ORG, { limit: 10, offset: 0 })).items[0]!;
    expect(after.history.some((h) => h.action === 'export')).toBe(true);
  });

  it('an adviser of another organisation never sees them; a non-adviser and Web Chat are refused', async () => {
    const other = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002', tenantId: TENANT } });
    await other.join();
    const list = await other.say('demandes reçues');
    expect(buttonsOf(list).some((b) => b.includes('Lucie'))).toBe(false);
    expect(buttonsOf(list).some((b) => b.includes('Hugo'))).toBe(true);

    const stranger = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: 'cccccccc-0000-0000-0000-000000000003', tenantId: TENANT } });
    await stranger.join();
    expect(textOf(await stranger.say('demandes reçues'))).toContain(fr('adviser:notAnAdviser'));

    const web = new BotDriver({ features: features() });
    await web.join();
    expect(textOf(await web.say('demandes reçues'))).toContain(fr('adviser:notAnAdviser'));
  });

  it('closing asks for the reason', async () => {
    const other = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: 'bbbbbbbb-0000-0000-0000-000000000002', tenantId: TENANT } });
    await openFirst(other);
    expect(textOf(await other.say(fr('adviser:moveTo.closed')))).toContain(fr('adviser:reason'));
    expect(textOf(await other.say(fr('adviser:reasons.unreachable')))).toMatch(/close/);
  });
});

describe('the applicant hears about a move', () => {
  it('gets a message in their conversation when an adviser moves their request', async () => {
    const notifier = new ApplicantNotifier(new MemoryStorage());
    const all = () =>
      createFeatures({ today: () => '2026-11-22', directory, requests: stores.requests, advisers: stores.advisers, notifier, subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET });
    const applicant = new BotDriver({ features: all() });
    notifier.attach({
      async send(reference, text) {
        // TestAdapter has no continueConversation: a turn context on its reference does the same.
        const context = new TurnContext(applicant.adapter, TurnContext.applyConversationReference({ type: 'event' }, reference, true));
        await context.sendActivity(text);
        return true;
      },
    });
    await applicant.join();
    await applicant.say(fr('requests:menu'));
    await applicant.say(fr('requests:accept'));
    for (const answer of ['Zoé', 'Martin', '03/03/1990', 'zoe@example.org', 'Fort-de-France', 'Passer']) await applicant.say(answer);
    const sent = textOf(await applicant.say(fr('requests:summary.send')));
    const reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)![0];
    const record = (await stores.requests.listBySubject(subjectKeyOf('webchat', 'user1', DEVELOPMENT_SUBJECT_KEY_SECRET))).find((r) => r.reference === reference)!;
    const adviser = await stores.advisers.add({ tenantId: TENANT, aadObjectId: 'dddddddd-0000-0000-0000-000000000004', organisationId: record.organisationId });

    const bot = new BotDriver({ features: all(), channelId: 'msteams', teamsIdentity: { aadObjectId: adviser.adviser.aadObjectId, tenantId: TENANT } });
    await bot.join();
    const list = await bot.say('demandes reçues');
    await bot.say(buttonsOf(list).find((b) => b.startsWith(reference))!);
    applicant.adapter.activeQueue.splice(0);
    const moved = textOf(await bot.say(fr('adviser:moveTo.diagnosis_in_progress')));
    expect(moved).toContain(fr('adviser:applicantTold'));
    const notice = applicant.adapter.activeQueue.map((a) => a.text).join('\n');
    expect(notice).toContain(fr('followUp:notice', { reference, status: fr('followUp:statuses.diagnosis_in_progress') }));
  });

  it('pages through a long list and shows one step only', async () => {
    const org = loadMartiniqueDemo().filter((s) => s.kind === 'ML')[0]!.id;
    const adviser = await stores.advisers.add({ tenantId: TENANT, aadObjectId: 'eeeeeeee-0000-0000-0000-000000000005', organisationId: org });
    const names = Array.from({ length: 13 }, (_, i) => `Page${String.fromCharCode(65 + i)}`);
    for (const name of names) await stores.requests.submit(draft(name, org), `key-${name}`);
    const first = (await stores.requests.listForOrganisation(org, { limit: 1, offset: 0 })).items[0]!;
    await stores.requests.transition(first.id, org, 'diagnosis_in_progress', { kind: 'adviser', adviserId: adviser.adviser.id }, { expectedVersion: first.version });

    const bot = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: adviser.adviser.aadObjectId, tenantId: TENANT } });
    await bot.join();
    const list = await bot.say('demandes reçues');
    expect(textOf(list)).toContain(fr('adviser:list', { count: 13, shown: 10 }));
    expect(buttonsOf(list).filter((b) => b.startsWith('GI-'))).toHaveLength(10);
    expect(buttonsOf(list).slice(-3)).toEqual([fr('adviser:listExtras.more'), fr('adviser:listExtras.filter'), fr('adviser:listExtras.close')]);

    const next = await bot.say(fr('adviser:listExtras.more'));
    expect(textOf(next)).toContain(fr('adviser:listPage', { from: 11, to: 13, count: 13 }));
    expect(buttonsOf(next).filter((b) => b.startsWith('GI-'))).toHaveLength(3);
    expect(buttonsOf(next)).not.toContain(fr('adviser:listExtras.more'));

    expect(textOf(await bot.say(fr('adviser:listExtras.filter')))).toContain(fr('adviser:filterPrompt'));
    const filtered = await bot.say(fr('adviser:statuses.diagnosis_in_progress'));
    expect(textOf(filtered)).toContain(fr('adviser:listFiltered', { count: 1, status: fr('adviser:statuses.diagnosis_in_progress') }));
    expect(buttonsOf(filtered).filter((b) => b.startsWith('GI-'))).toEqual([expect.stringContaining(first.reference)]);

    await bot.say(fr('adviser:listExtras.filter'));
    const all = await bot.say(fr('adviser:filterAll'));
    expect(textOf(all)).toContain(fr('adviser:list', { count: 13, shown: 10 }));
  });
});

function record0Reference(replies: Array<{ text: string }>): string {
  return /GI-[2-9A-HJ-NP-Z]{6}/.exec(replies.map((r) => r.text).join('\n'))?.[0] ?? '';
}
