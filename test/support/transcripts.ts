import { translator, type Locale } from '../../locales/i18n';
import type { Feature } from '../../dialogs/feature';
import { BotDriver, buttonsOf, textOf } from './botDriver';

/** One exchange: what the person does, and the i18n keys whose text the bot's replies must contain, in order. */
export interface TranscriptStep {
  user: string | { value: unknown } | { join: true };
  bot: string[];
  /** Keys whose text must NOT appear in this turn's replies. */
  notBot?: string[];
  /** Button labels (as i18n keys) that must be offered. */
  buttons?: string[];
}

export interface Transcript {
  name: string;
  locale: Locale;
  steps: TranscriptStep[];
}

/** Runs a transcript table against a fresh bot; replies are compared through i18next, never as literals. */
export async function runTranscript(transcript: Transcript, features: () => Feature[]): Promise<void> {
  const t = translator(transcript.locale);
  const driver = new BotDriver({ features: features(), locale: transcript.locale === 'fr' ? 'fr-FR' : 'en-US' });
  for (const [index, step] of transcript.steps.entries()) {
    const { user } = step;
    const replies = typeof user === 'object' && 'join' in user ? await driver.join() : await driver.say(user);
    const said = textOf(replies);
    let from = 0;
    for (const key of step.bot) {
      const expected = t(key);
      const at = said.indexOf(expected, from);
      if (at < 0) {
        throw new Error(`step ${index + 1} (${JSON.stringify(step.user)}): expected "${key}" → "${expected}" in:\n${said}`);
      }
      from = at + expected.length;
    }
    for (const key of step.notBot ?? []) expect([key, said.includes(t(key))]).toEqual([key, false]);
    for (const key of step.buttons ?? []) expect(buttonsOf(replies)).toContain(t(key));
  }
}
