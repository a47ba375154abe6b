import examplesFile from '../../knowledge/understanding/examples.json';
import clusters from '../../eval/understanding/corpus/clusters.json';
import heldout from '../../eval/understanding/corpus/heldout.json';
import { normalizeForIntents } from '../../knowledge/understanding/intents/normalize';
import { loadLexicons } from '../../knowledge/understanding/lexicons';
import { compilePhrases, findPhrases, type CompiledPhrase } from '../../knowledge/understanding/slots/phrases';
import { prepareText } from '../../knowledge/understanding/slots/text';

/** findPhrases searches only the phrases that can start at one of the text's words: it finds what every phrase searched finds. */

function everyPhrase<K>(phrases: ReadonlyArray<CompiledPhrase<K>>, folded: string, raw: string) {
  const hits: Array<{ key: K; start: number; end: number; phrase: string }> = [];
  for (const p of phrases) {
    const text = p.folded ? folded : raw;
    const pattern = p.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      hits.push({ key: p.key, start: m.index, end: m.index + m[0].length, phrase: p.phrase });
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return hits;
}

const texts = [
  // One development example in five (every phrase of every lexicon is searched in each: seconds).
  ...(examplesFile as { examples: Array<{ text: string }> }).examples.filter((_, i) => i % 5 === 0).map((e) => e.text),
  ...(clusters as Array<{ text: string }>).map((e) => e.text),
  ...(heldout as Array<{ text: string }>).map((e) => e.text),
  'chantiers d insertion  et entreprises adaptees',
  'integration companies near Nice',
  'ACI, EI et GEIQ ?',
  '',
  ' ',
];

test('the same hits, in the same order, as searching every phrase of every lexicon', () => {
  const lex = loadLexicons();
  const lists = [
    compilePhrases(lex.kinds),
    compilePhrases(lex.criteria),
    compilePhrases(lex.intents.flatMap(([intent, list]) => list.map(([phrase]) => [intent, [phrase]] as const))),
  ];
  let found = 0;
  for (const text of texts) {
    const p = prepareText(text);
    for (const [folded, raw] of [
      [p.folded, p.raw],
      [normalizeForIntents(p.folded), normalizeForIntents(p.folded)],
    ] as const) {
      for (const list of lists) {
        const hits = findPhrases(list, folded, raw).map(({ key, start, end, phrase }) => ({ key, start, end, phrase }));
        expect(hits).toEqual(everyPhrase(list, folded, raw));
        found += hits.length;
      }
    }
  }
  expect(found).toBeGreaterThan(texts.length);
});
