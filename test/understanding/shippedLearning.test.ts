import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linearModelFrom, trainLinearModel, type ModelInput } from '../../knowledge/understanding/intents/linearModel';
import { learnUnderstanding, shippedExamples, understandingFromSaved, type SavedUnderstanding } from '../../knowledge/understanding/understand';
import { writeLearnedUnderstanding } from '../../scripts/learnUnderstanding';

/**
 * The build learns the understanding once (scripts/learnUnderstanding.ts writes
 * dist/knowledge/understanding/learned.json) and the bot starts from that file: it must be exactly
 * what learning from the shipped examples gives now, and answer exactly as the learning it was saved from.
 */

jest.setTimeout(600_000);

const input = (normalized: string): ModelInput => ({ normalized, slots: {}, cues: {}, unknownWords: 0, contentWords: normalized.split(' ').length });

test('saved linear weights give the same probabilities; weights for another intent list are refused', () => {
  const model = trainLinearModel([
    { input: input('je veux postuler'), intent: 'request' },
    { input: input('c est quoi un aci'), intent: 'question' },
  ]);
  const restored = linearModelFrom(JSON.parse(JSON.stringify(model)));
  for (const text of ['postuler', 'c est quoi', 'rien a voir']) expect(restored.probabilities(input(text))).toEqual(model.probabilities(input(text)));
  const saved = model.toJSON();
  expect(() => linearModelFrom({ ...saved, classes: saved.classes.slice(1) })).toThrow(/intents changed/);
});

test('the build step writes exactly a fresh learning, and the saved learning answers as the fresh one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'learned-'));
  try {
    const file = join(dir, 'learned.json');
    writeLearnedUnderstanding(file);
    const shipped = readFileSync(file, 'utf8');
    const fresh = learnUnderstanding(shippedExamples());
    expect(shipped).toBe(JSON.stringify(fresh.saved));

    const loaded = understandingFromSaved(JSON.parse(shipped) as SavedUnderstanding);
    // The saved learning equals the fresh one; that loading it gives the same function is checked on every 8th example.
    const messages = [
      ...shippedExamples().filter((_, i) => i % 8 === 0).map((e) => ({ text: e.text, locale: e.locale ?? 'fr' as const, context: e.context ?? { departement: '972' } })),
      { text: 'I need a job near Schoelcher', locale: 'en' as const, context: undefined },
      { text: 'combien de structures dans le Sud ?', locale: 'fr' as const, context: undefined },
    ];
    const differing = messages.filter((m) => JSON.stringify(loaded(m.text, m.locale, m.context)) !== JSON.stringify(fresh.understand(m.text, m.locale, m.context)));
    expect(differing.map((m) => m.text)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a saved learning of another format is refused', () => {
  expect(() => understandingFromSaved({ format: 0 } as unknown as SavedUnderstanding)).toThrow(/format/);
});
