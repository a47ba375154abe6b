import { understand } from '../../knowledge/understanding/understand';
import { translator } from '../../locales/i18n';
import { postJson, startApp, type RunningApp } from '../support/appServer';
import { useDemoBot } from '../support/demoBot';

const fr = translator('fr');
interface Page { activities: Array<{ text?: string; from: { role?: string } }>; watermark: string }

/**
 * On the bot's own web chat, the bot keeps the conversation's messages for the page to poll:
 * « effacer mes données » erases them too (what the person typed is personal data).
 */
describe('erasing one\u2019s data on the web chat', () => {
  const demo = useDemoBot();
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({ features: demo.features(), understand });
  });
  afterAll(() => running.close());

  it('forgets the messages kept for the page, up to the confirmation; the answer stays', async () => {
    const session = (await (await postJson(`${running.baseUrl}/directline/tokens/generate`, { locale: 'fr-FR' })).json()) as { conversationId: string; token: string };
    const headers = { Authorization: `Bearer ${session.token}` };
    const base = `${running.baseUrl}/directline/conversations/${session.conversationId}`;
    const poll = async (): Promise<Page> => (await (await fetch(`${base}/activities?watermark=0`, { headers })).json()) as Page;
    const say = (text: string) => postJson(`${base}/activities`, { type: 'message', text, locale: 'fr-FR' }, headers);
    await fetch(`${running.baseUrl}/directline/conversations`, { method: 'POST', headers });

    await say('je suis née le 12 mars 1992 et j\u2019habite au Lamentin');
    await say('mes données');
    expect((await poll()).activities.map((a) => a.text).join('\n')).toContain(fr('myData:pageMessages', { count: 1 }));
    await say('effacer mes données');
    const before = await poll();
    expect(before.activities.map((a) => a.text).join('\n')).toContain('12 mars 1992');
    expect(before.activities.at(-1)!.text).toBe(fr('myData:confirmErase', { count: 0 }));

    await say(fr('common:answers.yes'));
    const after = await poll();
    const kept = after.activities.map((a) => a.text ?? '');
    // Only this turn's answer is left: the person's messages, this « oui » included, are gone.
    expect(after.activities.every((a) => a.from.role !== 'user')).toBe(true);
    expect(kept.join('\n')).not.toContain('12 mars 1992');
    expect(kept.join('\n')).toContain(fr('myData:erased.done'));
    expect(kept.join('\n')).toContain(fr('myData:erased.conversation'));
    expect(kept.join('\n')).toContain(fr('myData:erased.screen'));
    // The watermark goes on: the page, which already shows what it got, misses nothing that follows.
    expect(Number(after.watermark)).toBe(Number(before.watermark) + 1 + kept.length);
  });
});
