import examplesFile from '../../knowledge/understanding/examples.json';
import heldout from '../../eval/understanding/corpus/heldout.json';
import { indexExamples, loadExampleIndex, searchVoteOf, voteOf, words, type LabelledText } from '../../knowledge/understanding/intents/examples';
import { normalizeForIntents } from '../../knowledge/understanding/intents/normalize';
import { prepareText } from '../../knowledge/understanding/slots/text';

/**
 * The vote sums each word's remembered scored examples itself: the same votes as MiniSearch's own
 * search over the same index (fresh or loaded), first time and again, repeated words included.
 */
test('the vote over remembered word results equals the vote by MiniSearch search, fresh and loaded index', () => {
  const examples = (examplesFile as { examples: LabelledText[] }).examples;
  const index = indexExamples(examples);
  const reference = searchVoteOf(index);
  const fresh = voteOf(index);
  const loaded = voteOf(loadExampleIndex(index.toJSON()));
  const texts = [
    ...(heldout as Array<{ text: string }>).map((e) => e.text),
    ...examples.filter((_, i) => i % 7 === 0).map((e) => e.text),
    'chantierr d insertion au lamentin',
    'entreprize adaptee',
    'rsa rsa rsa depuis 2 ans rsa',
    'aci aci lamentin aci',
    '',
  ];
  const messages = texts.map((t) => normalizeForIntents(prepareText(t).folded));
  const expectations = messages.map((m) => [m, reference(m)] as const);
  let voted = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const [m, expected] of expectations) {
      expect(fresh(m)).toEqual(expected);
      expect(loaded(m)).toEqual(expected);
      // Same keys in the same order too (the classifier adds them in that order).
      expect(Object.keys(loaded(m))).toEqual(Object.keys(expected));
      if (Object.keys(expected).length > 0) voted++;
    }
  }
  expect(voted).toBeGreaterThan(messages.length);
  expect(messages.some((m) => new Set(words(m)).size < words(m).length)).toBe(true);
});
