/**
 * Every number that decides how the FAQ search behaves, in one place. Measured with
 * `npm run eval` (see README.md); change them only with the evaluation in hand.
 */
export const FAQ_MATCHING = Object.freeze({
  /** Field weights in the score: a word of the question or keywords counts more than one of the answer. */
  boost: Object.freeze({ question: 2, keywords: 2, answer: 0.6 }),
  /** Typos: terms of at least this many letters are matched with edits… */
  fuzzyMinLength: 5,
  /** …up to this share of their length (rounded down), at most maxFuzzy edits. */
  fuzzy: 0.2,
  maxFuzzy: 2,
  /** Terms of at least this many letters also match longer words starting with them. */
  prefixMinLength: 4,
  /** Weights of approximate matches relative to exact ones. */
  weights: Object.freeze({ fuzzy: 0.4, prefix: 0.35 }),

  /** Answer directly only when all of these hold. */
  answer: Object.freeze({
    /** Minimum score of the best entry. */
    minScore: 9,
    /** The best score divided by the second must be at least this. */
    minLead: 1.35,
    /** Share of the question's meaningful words the best entry matches. */
    minCoverage: 0.5,
  }),
  /** Otherwise offer the closest entries when the best one reaches these. */
  choices: Object.freeze({
    minScore: 4,
    minCoverage: 0.34,
    /** At most this many entries offered… */
    max: 3,
    /** …the third only if its score is at least this share of the best. */
    thirdWithin: 0.6,
  }),
});
export type FaqMatching = typeof FAQ_MATCHING;
