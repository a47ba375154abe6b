import { translator, type Locale } from '../../locales/i18n';
import type { Feature } from '../../dialogs/feature';
import { BotDriver, buttonsOf, textOf, type BotDriverOptions } from './botDriver';

/** An i18n key, or a key with its interpolation values (counts, references). */
export type ExpectedText = string | { key: string; params: Record<string, unknown> };

/** One exchange: what the person does, and the i18n keys whose text the bot's replies must contain, in order. */
export interface TranscriptStep {
  user: string | { value: unknown } | { join: true };
  bot: ExpectedText[];
  /** Keys (with their values when the text has some) whose text must NOT appear in this turn's replies. */
  notBot?: ExpectedText[];
  /** Button labels (as i18n keys) that must be offered. */
  buttons?: string[];
  /** Exactly these buttons (as i18n keys), in this order. */
  onlyButtons?: string[];
  /** Texts that the turn's cards (Adaptive Cards) must show: i18n keys with their values. */
  inCards?: ExpectedText[];
  /** Literal texts the turn's cards must not show (a structure name that must not be offered). */
  notInCards?: string[];
}

export interface Transcript {
  name: string;
  /** The language the bot must answer in (and the expected texts' language). */
  locale: Locale;
  /** The browser's (channel's) locale when it differs from the language typed: « fr-FR » for English text on a French phone. */
  browser?: string;
  steps: TranscriptStep[];
}

/** Runs a transcript table against a fresh bot; replies are compared through i18next, never as literals. */
export async function runTranscript(transcript: Transcript, features: () => Feature[], driverOptions: BotDriverOptions = {}): Promise<BotDriver> {
  const t = translator(transcript.locale);
  const driver = new BotDriver({ features: features(), locale: transcript.browser ?? (transcript.locale === 'fr' ? 'fr-FR' : 'en-US'), ...driverOptions });
  for (const [index, step] of transcript.steps.entries()) {
    const { user } = step;
    const replies = typeof user === 'object' && 'join' in user ? await driver.join() : await driver.say(user);
    const said = textOf(replies);
    let from = 0;
    for (const text of step.bot) {
      const key = typeof text === 'string' ? text : text.key;
      const expected = typeof text === 'string' ? t(text) : t(text.key, text.params);
      const at = said.indexOf(expected, from);
      if (at < 0) {
        throw new Error(`step ${index + 1} (${JSON.stringify(step.user)}): expected "${key}" → "${expected}" in:\n${said}`);
      }
      from = at + expected.length;
    }
    for (const text of step.notBot ?? []) {
      const key = typeof text === 'string' ? text : text.key;
      const unexpected = typeof text === 'string' ? t(text) : t(text.key, text.params);
      expect([key, said.includes(unexpected)]).toEqual([key, false]);
    }
    for (const key of step.buttons ?? []) expect(buttonsOf(replies)).toContain(t(key));
    if (step.onlyButtons) expect(buttonsOf(replies)).toEqual(step.onlyButtons.map((key) => t(key)));
    const cards = JSON.stringify(replies.flatMap((r) => r.attachments ?? []).map((a) => a.content));
    for (const text of step.inCards ?? []) {
      const expected = typeof text === 'string' ? t(text) : t(text.key, text.params);
      if (!cards.includes(JSON.stringify(expected).slice(1, -1))) throw new Error(`step ${index + 1} (${JSON.stringify(step.user)}): no card shows "${expected}"`);
    }
    for (const text of step.notInCards ?? []) expect([text, cards.includes(text)]).toEqual([text, false]);
  }
  return driver;
}
