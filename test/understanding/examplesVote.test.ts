import examplesFile from '../../knowledge/understanding/examples.json';
import heldout from '../../eval/understanding/corpus/heldout.json';
import { indexExamples, loadExampleIndex, voteOf, type LabelledText } from '../../knowledge/understanding/intents/examples';
import { normalizeForIntents } from '../../knowledge/understanding/intents/normalize';
import { prepareText } from '../../knowledge/understanding/slots/text';

/** The shipped vote index remembers the typo neighbours and the scored examples of searched words: the same votes as a fresh index, first time and again. */
test('a loaded index votes as the index it was saved from, with its remembered typo neighbours and word results', () => {
  const examples = (examplesFile as { examples: LabelledText[] }).examples;
  const index = indexExamples(examples);
  const fresh = voteOf(index);
  const loaded = voteOf(loadExampleIndex(index.toJSON()));
  const messages = [...(heldout as Array<{ text: string }>).map((e) => e.text), 'chantierr d insertion au lamentin', 'entreprize adaptee'].map((t) =>
    normalizeForIntents(prepareText(t).folded),
  );
  let voted = 0;
  for (let pass = 0; pass < 2; pass++) {
    for (const m of messages) {
      const expected = fresh(m);
      expect(loaded(m)).toEqual(expected);
      if (Object.keys(expected).length > 0) voted++;
    }
  }
  expect(voted).toBeGreaterThan(messages.length);
});
