import { foldText } from '../text/fold';

/** Number words people type for small counts (fr, en). */
const WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** Words before a length that make it a bound (folded): below it, or above it. */
const BELOW = /(?:^| )(?:moins de|moins d|moins qu|pas encore|presque|bientot|less than|under|almost|nearly|not yet)$/;
const ABOVE = /(?:^| )(?:plus de|plus d|plus qu|more than|over)$/;
/** A length below this many months, or under it, is below every threshold of the rules (12 months): « moins d'un an » is 11. */
const LOWEST_THRESHOLD_MONTHS = 12;

/**
 * A length said as a bound, in months: « moins d'un an » → 11, « presque 2 ans » → 23, « plus de 2
 * ans » → 25. Below a length over a year (« moins de 2 ans ») can be anything under it: undefined
 * (the question asks). Not a bound: the length itself.
 */
export function boundedMonths(months: number, before: string): number | undefined {
  if (/(?:^| )(?:presque|almost|nearly|bientot)$/.test(before)) return Math.max(0, months - 1);
  if (BELOW.test(before)) return months <= LOWEST_THRESHOLD_MONTHS ? Math.max(0, months - 1) : undefined;
  if (ABOVE.test(before)) return months + 1;
  return months;
}

const NOT_REGISTERED = /\b(pas inscrite?|jamais inscrite?|non inscrite?|not registered|never registered)\b/;
/** A count and its unit: digits may touch the unit (« 18mois »), a word is a word of its own (« than » is no « th » + « an »). */
const DURATION = /\b(\d{1,3}(?=\s*(?:mois|months?|ans?|annees?|years?)\b)|[a-z]+(?= ))\s*(mois|months?|ans?|annees?|years?)\b/g;
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
  const countOf = (said: string) => (/^\d+$/.test(said) ? Number(said) : WORDS[said]);
  const found = [...folded.matchAll(DURATION)].find((m) => countOf(m[1]!) !== undefined);
  if (!found) return undefined;
  const count = countOf(found[1]!)!;
  let months = /^(mois|month)/.test(found[2]!) ? count : count * 12;
  if (!/^(mois|month)/.test(found[2]!) && /^ (et demi|and a half)\b/.test(folded.slice(found.index + found[0].length))) months += 6;
  return boundedMonths(months, folded.slice(0, found.index).trim());
}
