import { translator } from '../../locales/i18n';
import { BotDriver, textOf } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';
import { runTranscript } from '../support/transcripts';

const fr = translator('fr');
const TENANT = '11111111-2222-3333-4444-555555555555';
const ADVISER = 'aaaaaaaa-0000-0000-0000-000000000001';
const demo = useDemoBot({
  today: '2026-11-22',
  advisers: [{ tenantId: TENANT, aadObjectId: ADVISER, organisationId: 'demo:972-ft-01', name: 'Conseillère A' }],
});
const features = () => demo.features();

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('help lists what this person can use on this channel, each once', () => {
  it('web: no adviser line; « effacer mes données » once, « mes données » once', async () => {
    await runTranscript(
      {
        name: 'help on the web',
        locale: 'fr',
        steps: [
          { user: { join: true }, bot: ['common:welcome.hello'] },
          { user: 'aide', bot: ['common:help.intro', 'myData:helpLine', 'myData:eraseHelp', 'common:help.commands'], notBot: ['adviser:helpLine'] },
        ],
      },
      features,
    );
    const bot = new BotDriver({ features: features() });
    await bot.join();
    const help = textOf(await bot.say('aide'));
    expect(occurrences(help, '« effacer mes données »')).toBe(1);
    expect(occurrences(help, '« mes données »')).toBe(1);
  });

  it('Teams, a person who is not a registered adviser: no adviser line', async () => {
    const bot = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: 'cccccccc-0000-0000-0000-000000000003', tenantId: TENANT } });
    await bot.join();
    expect(textOf(await bot.say('aide'))).not.toContain(fr('adviser:helpLine'));
  });

  it('Teams, a registered adviser: the adviser line is there', async () => {
    const bot = new BotDriver({ features: features(), channelId: 'msteams', teamsIdentity: { aadObjectId: ADVISER, tenantId: TENANT } });
    await bot.join();
    expect(textOf(await bot.say('aide'))).toContain(fr('adviser:helpLine'));
  });

  it('in English too', async () => {
    const en = translator('en');
    const bot = new BotDriver({ features: features(), locale: 'en-US' });
    await bot.join();
    const help = textOf(await bot.say('help'));
    expect(help).not.toContain(en('adviser:helpLine'));
    expect(occurrences(help, '"delete my data"')).toBe(1);
  });

  it('at the erase question: what to answer, and « effacer mes données » still once', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say('Vérifier mon éligibilité');
    await bot.say('RSA');
    await bot.say('menu');
    expect(textOf(await bot.say('effacer mes données'))).toContain(fr('myData:confirmErase', { count: 0 }));
    const help = textOf(await bot.say('aide'));
    expect(help).toContain(fr('myData:help'));
    expect(occurrences(help, '« effacer mes données »')).toBe(1);
    expect(occurrences(help, '« mes données »')).toBe(1);
  });

  it('in « français facile »: the way back to the usual sentences, not the command already used', async () => {
    const bot = new BotDriver({ features: features() });
    await bot.join();
    await bot.say('français facile');
    const help = textOf(await bot.say('aide'));
    expect(help).toContain('« français normal »');
    expect(help).not.toContain('« français facile »');
    expect(help).not.toContain(fr('adviser:helpLine'));
  });
});
