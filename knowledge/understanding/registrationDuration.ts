import { foldText } from '../text/fold';

/** Number words people type for small counts (fr, en). */
const WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

const NOT_REGISTERED = /\b(pas inscrite?|jamais inscrite?|non inscrite?|not registered|never registered)\b/;
const DURATION = /\b(\d{1,3}|[a-z]+)\s*(mois|months?|ans?|annees?|years?)\b/;
const BARE_NUMBER = /^(\d{1,3})$/;

/**
 * How many months a person has been registered as a jobseeker, from what they type:
 * "18 mois", "2 ans", "deux ans", "depuis 3 ans", "0", "pas inscrit". Undefined when unreadable.
 */
export function parseRegistrationMonths(text: string): number | undefined {
  const folded = foldText(text);
  if (!folded) return undefined;
  if (NOT_REGISTERED.test(folded)) return 0;
  const bare = BARE_NUMBER.exec(folded);
  if (bare) return Number(bare[1]);
  const found = DURATION.exec(folded);
  if (!found) return undefined;
  const count = /^\d+$/.test(found[1]!) ? Number(found[1]) : WORDS[found[1]!];
  if (count === undefined) return undefined;
  return /^(mois|month)/.test(found[2]!) ? count : count * 12;
}
