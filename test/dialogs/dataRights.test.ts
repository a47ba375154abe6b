import { translator } from '../../locales/i18n';
import { DEVELOPMENT_SUBJECT_KEY_SECRET } from '../../bot/config';
import { subjectKeyOf } from '../../knowledge/requests';
import type { RequestRepository } from '../../stores/requests/requestRepository';
import { aDraft } from '../requests/builders';
import { BotDriver, buttonsOf, textOf } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';
import { runTranscript, type Transcript } from '../support/transcripts';

const fr = translator('fr');
const TODAY = '2026-11-22';
const CODE = '482915';
const demo = useDemoBot({ today: TODAY, warm: true });
let requests: RequestRepository;
beforeAll(() => {
  ({ requests } = demo.stores);
});

const features = () => demo.features({ advisers: undefined });

/** A request made elsewhere (another device, a desk): another channel identity than this conversation's. */
async function aRequestMadeElsewhere(note = 'Je cherche dans la restauration') {
  const subjectKey = subjectKeyOf('webchat', `elsewhere-${Math.random()}`, DEVELOPMENT_SUBJECT_KEY_SECRET);
  const { request } = await requests.submit(aDraft({ subjectKey, organisationId: 'demo:972-ft-02', note }), `key-${Math.random()}-0123456789`, { followUpCode: CODE });
  return request;
}

const proveSteps = (reference: string): Transcript['steps'] => [
  { user: { join: true }, bot: ['common:welcome.hello'] },
  { user: 'suivre ma demande', bot: ['followUp:askReference'] },
  { user: reference.toLowerCase(), bot: ['followUp:askCode'] },
  { user: CODE, bot: [{ key: 'followUp:status', params: { reference, status: fr('followUp:statuses.received') } }] },
];

describe('data rights from any conversation (reference + code)', () => {
  it('a request made elsewhere, once proved, is listed field by field and erased — and the message counts it', async () => {
    const request = await aRequestMadeElsewhere();
    const driver = await runTranscript(
      {
        name: 'prove, see, erase',
        locale: 'fr',
        steps: [
          ...proveSteps(request.reference),
          {
            user: 'mes données',
            bot: [
              'myData:title',
              { key: 'myData:request', params: { reference: request.reference, date: request.createdAt, organisation: 'France Travail – agence du Lamentin', atOrganisation: 'à France Travail – agence du Lamentin' } },
              { key: 'myData:status', params: { status: fr('followUp:statuses.received') } },
            ],
            notBot: ['myData:nothing', 'myData:elsewhere'],
          },
          {
            user: 'effacer mes données',
            bot: [{ key: 'myData:confirmEraseRequests', params: { count: 1 } }],
            onlyButtons: ['common:answers.yes', 'common:answers.no'],
          },
          { user: 'oui', bot: ['myData:erased.done', { key: 'myData:erased.requests', params: { count: 1 } }], notBot: ['myData:erased.conversation'] },
          { user: 'mes données', bot: ['myData:nothing', 'myData:elsewhere'] },
        ],
      },
      features,
      { userId: 'new-device' },
    );
    expect(driver).toBeDefined();
    expect(await requests.findByReference(request.reference, request.organisationId)).toBeNull();
  });

  it('« mes données » shows every field kept: birth date, commune, note, situation, consent', async () => {
    const request = await aRequestMadeElsewhere('Disponible le matin');
    const bot = new BotDriver({ features: features(), userId: 'desk-visitor' });
    await bot.join();
    await bot.say('suivre ma demande');
    await bot.say(request.reference);
    await bot.say(CODE);
    const mine = textOf(await bot.say('mes données'));
    expect(mine).toContain(`${fr('requests:fields.firstName')} : Marie-Josée`);
    expect(mine).toContain(`${fr('requests:fields.lastName')} : N'Guyen`);
    expect(mine).toContain(`${fr('requests:fields.birthDate')} : 12/05/1990`);
    expect(mine).toContain(`${fr('requests:fields.contact')} : 0696123456`);
    expect(mine).toContain(`${fr('requests:fields.commune')} : Fort-de-France`);
    expect(mine).toContain(`${fr('requests:fields.note')} : Disponible le matin`);
    expect(mine).toContain(`${fr('requests:fields.criteria')} : ${fr('eligibility:criteria.RSA.label')}, ${fr('eligibility:criteria.QPV.label')}`);
    expect(mine).toContain(fr('myData:consent', { date: request.consent.givenAt }));
  });

  it('nothing proved, nothing said: nothing to erase, no question, and the way to reach a request made elsewhere', async () => {
    const request = await aRequestMadeElsewhere();
    await runTranscript(
      {
        name: 'nothing to erase',
        locale: 'fr',
        steps: [
          { user: { join: true }, bot: ['common:welcome.hello'] },
          { user: 'effacer mes données', bot: ['myData:nothingToErase', 'myData:elsewhere'], notBot: ['myData:confirmErase_zero'] },
        ],
      },
      features,
      { userId: 'nobody' },
    );
    expect(await requests.findByReference(request.reference, request.organisationId)).not.toBeNull();
  });

  it('only what was said here: the message says so, and « aucune demande » (French zero)', async () => {
    await runTranscript(
      {
        name: 'conversation only',
        locale: 'fr',
        steps: [
          { user: { join: true }, bot: ['common:welcome.hello'] },
          { user: 'Vérifier mon éligibilité', bot: ['eligibilityDialog:intro'] },
          { user: 'RSA', bot: ['eligibilityDialog:allEligible'] },
          { user: 'menu', bot: ['common:menu.prompt'] },
          { user: 'mes données', bot: ['myData:title', 'myData:conversation', { key: 'myData:criteria.yes', params: { criteria: fr('eligibility:criteria.RSA.label') } }] },
          { user: 'effacer mes données', bot: [{ key: 'myData:confirmErase', params: { count: 0 } }], onlyButtons: ['common:answers.yes', 'common:answers.no'] },
          { user: 'oui', bot: ['myData:erased.done', 'myData:erased.conversation', { key: 'myData:erased.requests', params: { count: 0 } }] },
          { user: 'mes données', bot: ['myData:nothing'] },
        ],
      },
      features,
      { userId: 'talker' },
    );
    expect(fr('myData:erased.requests', { count: 0 })).toMatch(/^Aucune demande/);
  });

  it('the confirmation takes yes or no only: « je ne sais pas » is asked again, « non » keeps everything', async () => {
    const request = await aRequestMadeElsewhere();
    await runTranscript(
      {
        name: 'erase: yes or no',
        locale: 'fr',
        steps: [
          ...proveSteps(request.reference),
          { user: 'effacer mes données', bot: [{ key: 'myData:confirmEraseRequests', params: { count: 1 } }] },
          { user: 'je ne sais pas', bot: ['common:answers.retryYesNo'], onlyButtons: ['common:answers.yes', 'common:answers.no'] },
          { user: 'non', bot: ['myData:kept'] },
        ],
      },
      features,
      { userId: 'hesitant' },
    );
    expect(await requests.findByReference(request.reference, request.organisationId)).not.toBeNull();
  });

  it('a wrong code proves nothing: the request stays hidden and kept', async () => {
    const request = await aRequestMadeElsewhere();
    const bot = new BotDriver({ features: features(), userId: 'guesser' });
    await bot.join();
    await bot.say('suivre ma demande');
    await bot.say(request.reference);
    const wrong = textOf(await bot.say('000000'));
    expect(wrong).toContain(fr('followUp:wrong'));
    // « Vérifiez et réessayez »: the reference is asked again; the person leaves for the menu.
    expect(wrong).toContain(fr('followUp:askReference'));
    await bot.say('menu');
    const mine = textOf(await bot.say('mes données'));
    expect(mine).not.toContain(request.reference);
    expect(textOf(await bot.say('effacer mes données'))).toContain(fr('myData:nothingToErase'));
    expect(await requests.findByReference(request.reference, request.organisationId)).not.toBeNull();
  });

  it('English: counts in words, yes/no buttons', async () => {
    const en = translator('en');
    const request = await aRequestMadeElsewhere();
    const bot = new BotDriver({ features: features(), userId: 'english-speaker', locale: 'en-US' });
    await bot.join();
    await bot.say('follow my request');
    await bot.say(request.reference);
    await bot.say(CODE);
    const confirm = await bot.say('delete my data');
    expect(textOf(confirm)).toContain(en('myData:confirmEraseRequests', { count: 1 }));
    expect(buttonsOf(confirm)).toEqual([en('common:answers.yes'), en('common:answers.no')]);
    expect(textOf(await bot.say('yes'))).toContain(en('myData:erased.requests', { count: 1 }));
  });
});
