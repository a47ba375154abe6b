import { loadMartiniqueDemo } from '../../knowledge/directory/demo';
import { translator } from '../../locales/i18n';
import { FOLLOW_UP_GUARD } from '../../stores/requests/followUpGuard';
import { BotDriver, textOf } from '../support/botDriver';
import { useDemoBot, webRequest } from '../support/demoBot';

const fr = translator('fr');
const organisationId = loadMartiniqueDemo().find((s) => s.kind === 'FT')!.id;
const demo = useDemoBot({
  requests: [
    {
      draft: webRequest(organisationId, 'person-guard', { firstName: 'Léa', lastName: 'Martin', birthDate: '1990-01-01', contact: { kind: 'phone', value: '0696000000' } }),
      key: 'key-guard-1',
    },
  ],
});
let reference: string;
let code: string;
beforeAll(() => {
  reference = demo.submitted[0]!.request.reference;
  code = demo.submitted[0]!.followUpCode!;
});

const newConversation = () => new BotDriver({ features: demo.features() });

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
