import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { createFeatures } from '../../dialogs/features';
import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { subjectKeyOf } from '../../knowledge/requests';
import { translator } from '../../locales/i18n';
import type { OpenedStore } from '../../stores/appStore';
import type { DirectoryRepository } from '../../stores/directory';
import { FOLLOW_UP_GUARD } from '../../stores/requests/followUpGuard';
import { openRequestStores, type RequestStores } from '../../stores/requests/openRequests';
import { BotDriver, textOf } from '../support/botDriver';
import { demoDirectory } from '../support/demoDirectory';

const fr = translator('fr');
let store: OpenedStore;
let directory: DirectoryRepository;
let stores: RequestStores;
let reference: string;
let code: string;

beforeAll(async () => {
  ({ store, directory } = await demoDirectory());
  stores = await openRequestStores(store.backend);
  const organisationId = loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id;
  const submitted = await stores.requests.submit(
    {
      subjectKey: subjectKeyOf('webchat', 'person-guard', DEVELOPMENT_SUBJECT_KEY_SECRET),
      consent: { version: 'request-v1', givenAt: new Date('2026-11-20T10:00:00Z') },
      person: { firstName: 'Léa', lastName: 'Martin', birthDate: '1990-01-01', contact: { kind: 'phone', value: '0696000000' }, communeInsee: '97209' },
      criteria: ['RSA'],
      organisationId,
      routing: { ruleId: 'default', kind: 'FT' },
    },
    'key-guard-1',
  );
  reference = submitted.request.reference;
  code = submitted.followUpCode!;
});
afterAll(() => store.close());

const newConversation = () =>
  new BotDriver({ features: createFeatures({ directory, requests: stores.requests, advisers: stores.advisers, subjectSecret: DEVELOPMENT_SUBJECT_KEY_SECRET }) });

async function guess(bot: BotDriver, guessed: string): Promise<string> {
  await bot.say('suivre ma demande');
  await bot.say(reference);
  return textOf(await bot.say(guessed));
}

describe('follow-up code guessing', () => {
  it('is counted per reference, so a new conversation (or anything that resets one) does not reset it', async () => {
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < FOLLOW_UP_GUARD.freeFailures; i++) {
      const bot = newConversation(); // a fresh conversation each time: the old per-conversation limit never triggers
      await bot.join();
      expect(await guess(bot, wrong)).toContain(fr('followUp:wrong'));
    }
    const bot = newConversation();
    await bot.join();
    const answer = await guess(bot, code);
    expect(answer).toContain(fr('followUp:locked', { count: FOLLOW_UP_GUARD.firstLockSeconds / 60 }));
    expect(answer).not.toContain(fr('followUp:statuses.received'));
  });
});
