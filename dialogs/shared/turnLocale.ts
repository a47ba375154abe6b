import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { DEFAULT_LOCALE, translator, type Locale } from '../../locales/i18n';

const LOCALE_KEY = Symbol('guichet.locale');

/** The language of this turn, decided once by the bot before any dialog runs. */
export function turnLocale(context: TurnContext): Locale {
  return (context.turnState.get(LOCALE_KEY) as Locale | undefined) ?? DEFAULT_LOCALE;
}

export function setTurnLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(LOCALE_KEY, locale);
}

/** The translation function of this turn's language. */
export function tr(context: TurnContext): TFunction {
  return translator(turnLocale(context));
}
