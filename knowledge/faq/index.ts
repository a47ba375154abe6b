/**
 * The FAQ knowledge base: entries in entries.json (validated by zod), texts in
 * locales/<lng>/faq.json, a MiniSearch index per language built on first use.
 */
export { searchFaq, getFaqEntry, listFaqEntries, warmUpFaq, traceFaq, type FaqEntry, type FaqSearchResult, type FaqSearchTrace } from './search';
export { FAQ_ENTRIES } from './catalogue';
export { FAQ_MATCHING } from './config';
export { FAQ_TOPICS, FAQ_SOURCE_FILES, type FaqTopic, type FaqEntryData } from './schema';
