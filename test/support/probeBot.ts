import { getFaqEntry, searchFaq } from '../../knowledge/faq';
import { understand } from '../../knowledge/understanding/understand';
import { BotDriver, type Reply } from './botDriver';
import type { DemoBot } from './demoBot';

/** A bot of the Martinique guichet (TERRITORY=972), as deployed: the demo's features, the FAQ and the real understanding. */
export function martiniqueBot(demo: DemoBot, locale = 'fr-FR'): BotDriver {
  return new BotDriver({ features: demo.features({ faq: { searchFaq, getFaqEntry }, territory: '972' }), understand: (text, lng, context) => understand(text, lng, { territory: '972', ...context }), locale, territory: '972' });
}

/** Joins, plays the messages and returns the replies to the last one. */
export async function play(bot: BotDriver, ...messages: string[]): Promise<Reply[]> {
  await bot.join();
  let last: Reply[] = [];
  for (const m of messages) last = await bot.say(m);
  return last;
}
