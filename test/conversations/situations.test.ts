import { getFaqEntry, searchFaq } from '../../knowledge/faq';
import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';
import { BotDriver, type Reply } from '../support/botDriver';
import { useDemoBot } from '../support/demoBot';
import { nextMessage, situations, TURN_CAP } from './situations';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

/** The five situations of issue 12, end to end with the real understanding and the demo directory (SHOW_SITUATIONS=1 prints them). */
it.each(situations.map((s) => [s.name, s] as const))('%s', async (_name, situation) => {
  const features = demo.features({ faq: { searchFaq, getFaqEntry } });
  const vars: Record<string, string> = {};
  if (situation.name.includes('follow')) {
    const made = new BotDriver({ features, understand, locale: 'fr-FR' });
    await made.join();
    for (const m of ['Faire une demande de PASS IAE', "J'accepte", 'Marie', 'Dupont', '03/03/1990', '06 12 34 56 78', 'Le Robert', 'Passer']) await made.say(m);
    const sent = (await made.say('Envoyer')).map((r) => r.text).join('\n');
    vars.reference = /GI-[2-9A-HJ-NP-Z]{6}/.exec(sent)?.[0] ?? 'GI-??????';
    vars.code = /: (\d{6})/.exec(sent)?.[1] ?? '000000';
  }
  const bot = new BotDriver({ features, understand, locale: situation.browser });
  let last: Reply[] = await bot.join();
  let reachedAt: number | undefined;
  const log: string[] = [];
  for (let turn = 0; turn < TURN_CAP && reachedAt === undefined; turn++) {
    const message = nextMessage(situation, turn, last, vars);
    last = await bot.say(message);
    log.push(`> ${message}`, ...last.map((r) => `  ${r.text.replace(/\n/g, ' / ').slice(0, 220)}${r.buttons.length ? ` [${r.buttons.join(' | ')}]` : ''}${r.attachments?.length ? ` {${r.attachments.length} att}` : ''}`));
    if (situation.reached(last)) reachedAt = turn + 1;
  }
  if (process.env.SHOW_SITUATIONS) process.stdout.write(`\n### ${situation.name}: ${reachedAt ?? `not reached in ${TURN_CAP}`}\n${log.join('\n')}\n`);
  expect({ reachedAt: reachedAt ?? `not within ${TURN_CAP}` }).toEqual({ reachedAt: expect.any(Number) });
  expect(reachedAt).toBeLessThanOrEqual(situation.atMost);
});
