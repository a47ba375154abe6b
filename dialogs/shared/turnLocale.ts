import type { TurnContext } from 'botbuilder';
import type { TFunction } from 'i18next';
import { DEFAULT_LOCALE, translator, type Locale, type Wording } from '../../locales/i18n';

const LOCALE_KEY = Symbol('guichet.locale');
const WORDING_KEY = Symbol('guichet.wording');

/** The language of this turn, decided once by the bot before any dialog runs. */
export function turnLocale(context: TurnContext): Locale {
  return (context.turnState.get(LOCALE_KEY) as Locale | undefined) ?? DEFAULT_LOCALE;
}

export function setTurnLocale(context: TurnContext, locale: Locale): void {
  context.turnState.set(LOCALE_KEY, locale);
}

/** The wording of this turn (« français facile » or not), decided with the language. */
export function turnWording(context: TurnContext): Wording {
  return (context.turnState.get(WORDING_KEY) as Wording | undefined) ?? 'standard';
}

export function setTurnWording(context: TurnContext, wording: Wording): void {
  context.turnState.set(WORDING_KEY, wording);
}

/** The translation function of this turn's language and wording. */
export function tr(context: TurnContext): TFunction {
  return translator(turnLocale(context), turnWording(context));
}
