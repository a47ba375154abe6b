import { getI18n, type Locale } from '../../locales/i18n';
import entriesFile from './entries.json';
import { faqEntriesFileSchema, faqLocaleFileSchema, type FaqEntryData, type FaqText, type FaqTopic } from './schema';

/** The entries' data (ids, topics, sources, links), validated once when the module loads. */
export const FAQ_ENTRIES: readonly FaqEntryData[] = Object.freeze(
  faqEntriesFileSchema.parse(entriesFile).entries.map((e) => Object.freeze(e)),
);

const byId = new Map(FAQ_ENTRIES.map((e) => [e.id, e]));

export function faqEntryData(id: string): FaqEntryData | undefined {
  return byId.get(id);
}

export interface FaqLocaleTexts {
  topics: Record<FaqTopic, string>;
  entries: Record<string, FaqText>;
}

const textsCache = new Map<Locale, FaqLocaleTexts>();

/**
 * The texts of one language (locales/<lng>/faq.json), validated on first use. Throws if an entry
 * of entries.json has no text, or a text has no entry: both files must move together.
 */
export function faqTexts(locale: Locale): FaqLocaleTexts {
  const cached = textsCache.get(locale);
  if (cached) return cached;
  const bundle: unknown = getI18n().getResourceBundle(locale, 'faq');
  const parsed = faqLocaleFileSchema.parse(bundle) as FaqLocaleTexts;
  const missing = FAQ_ENTRIES.filter((e) => !parsed.entries[e.id]).map((e) => e.id);
  const orphans = Object.keys(parsed.entries).filter((id) => !byId.has(id));
  if (missing.length || orphans.length) {
    throw new Error(`locales/${locale}/faq.json does not match entries.json (missing: ${missing.join(', ') || '-'}; unknown: ${orphans.join(', ') || '-'})`);
  }
  textsCache.set(locale, parsed);
  return parsed;
}
