import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type Resource, type ResourceLanguage, type TFunction } from 'i18next';
import { projectPath } from '../knowledge/projectFiles';

/** The languages the assistant speaks. French is the default and the fallback. */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';

/** Maps a channel locale ("fr-FR", "en-US", "EN") to one we speak, or undefined. */
export function toLocale(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const short = value.trim().toLowerCase().slice(0, 2);
  return (LOCALES as readonly string[]).includes(short) ? (short as Locale) : undefined;
}

/** Every `locales/<lng>/<namespace>.json` file, read once. */
export function readLocaleResources(root = projectPath('locales')): Record<Locale, ResourceLanguage> {
  const resources = {} as Record<Locale, ResourceLanguage>;
  for (const lng of LOCALES) {
    resources[lng] = {};
    for (const file of readdirSync(join(root, lng)).filter((f) => f.endsWith('.json')).sort()) {
      resources[lng][basename(file, '.json')] = JSON.parse(readFileSync(join(root, lng, file), 'utf8'));
    }
  }
  return resources;
}

let shared: i18n | undefined;

/** The words of a third-person text about someone (eligibility:who.*): « la personne » when the caller names nobody (« votre fille »). */
const PERSON_WORDS = new Set(['who', 'whose', 'them', 'registered']);

/** A param left out: the person's word for the person words (« la personne », « elle »…), any other stays as written. */
function personWordsByDefault(_text: string, match: RegExpExecArray, options?: { lng?: string }): string {
  const name = match[1]?.trim() ?? '';
  if (!PERSON_WORDS.has(name) || !shared) return match[0];
  return shared.t(`eligibility:who.person.${name}`, { lng: options?.lng ?? DEFAULT_LOCALE });
}

/**
 * The i18next instance of the process, initialised synchronously on first use.
 * Keys are written `namespace:key.path` (e.g. `common:welcome.title`).
 */
export function getI18n(): i18n {
  if (shared) return shared;
  const resources = readLocaleResources();
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: resources as Resource,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: Object.keys(resources[DEFAULT_LOCALE]),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    missingInterpolationHandler: personWordsByDefault,
    returnNull: false,
  });
  shared = instance;
  return instance;
}

/**
 * How the assistant words its messages: `standard`, or `easy` (« français facile », FALC-style: short
 * sentences, common words, one idea per sentence) for whoever asks for it.
 */
export const WORDINGS = ['standard', 'easy'] as const;
export type Wording = (typeof WORDINGS)[number];

/** The i18next context of easy wording: a key's variant `<key>_easy` (plurals: `<key>_easy_one`…). */
export const EASY_CONTEXT = 'easy';

/** The translation functions, one per language and wording (resources never change after `getI18n`). */
const translators = new Map<string, TFunction>();

/**
 * A translation function bound to one language. In easy wording every call asks i18next for the
 * key's `_easy` context; i18next falls back to the usual key when a message has no easy variant.
 * A call with a key alone (no options: no interpolation, no count) always gives the same text: it is
 * asked of i18next once and remembered. A call with a key and options goes straight to `i18n.t` with
 * the language added, as `getFixedT`'s function does after copying every option of the instance into a
 * new object on each call (that copy was most of a call's time).
 */
export function translator(locale: Locale, wording: Wording = 'standard'): TFunction {
  const id = `${locale}|${wording}`;
  let remembered = translators.get(id);
  if (!remembered) {
    remembered = fastTranslator(locale, wording);
    translators.set(id, remembered);
  }
  return remembered;
}

function fixedTranslator(locale: Locale, wording: Wording): TFunction {
  const t = getI18n().getFixedT(locale);
  if (wording === 'standard') return t;
  const easy = (key: string | string[], optionsOrDefault?: unknown, options?: object) =>
    typeof optionsOrDefault === 'string'
      ? t(key, optionsOrDefault, { context: EASY_CONTEXT, ...options })
      : t(key, { context: EASY_CONTEXT, ...(optionsOrDefault as object | undefined) });
  // The same call signatures as t: only the context option is added.
  return easy as unknown as TFunction;
}

const isOptions = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `getFixedT(locale)` (with the easy context), faster for a string key alone or with an options object (see `translator`); any other call goes to it. */
function fastTranslator(locale: Locale, wording: Wording): TFunction {
  const i18n = getI18n();
  const fixed = fixedTranslator(locale, wording) as unknown as (...args: unknown[]) => unknown;
  const t = i18n.t.bind(i18n) as unknown as (key: string, options: Record<string, unknown>) => unknown;
  const context = wording === 'easy' ? { context: EASY_CONTEXT } : undefined;
  const direct = (key: string, options?: Record<string, unknown>) => {
    const o: Record<string, unknown> = { ...context, ...options };
    o.lng = o.lng || locale;
    return t(key, o);
  };
  const texts = new Map<string, unknown>();
  const fast = (...args: unknown[]) => {
    const key = args[0];
    if (typeof key !== 'string') return fixed(...args);
    if (args.length === 2 && isOptions(args[1])) return direct(key, args[1]);
    if (args.length !== 1) return fixed(...args);
    let text = texts.get(key);
    if (text === undefined && !texts.has(key)) {
      text = direct(key);
      texts.set(key, text);
    }
    return text;
  };
  // The same call signatures as t.
  return fast as unknown as TFunction;
}
