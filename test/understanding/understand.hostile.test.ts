import { understand, warmUnderstanding } from '../../knowledge/understanding/understand';

beforeAll(() => warmUnderstanding(), 30000);

const HOSTILE: Array<[string, string]> = [
  ['empty', ''],
  ['spaces', '   \n\t '],
  ['10 000 characters', 'a'.repeat(10000)],
  ['10 000 characters of words', 'je cherche un aci au lamentin '.repeat(340)],
  ['emoji', '😀🔥👍'],
  ['only punctuation', '?!.,;:…—()[]{}'],
  ['html', '<b></b><i></i>'],
  ['script', '<script>alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['sql', "' OR 1=1; DROP TABLE users; --"],
  ['null bytes', '\u0000\u0000\u0000'],
  ['zero-width', '\u200b\u200b\u200d'],
  ['rtl override', '\u202e\u202d'],
  ['a regex bomb', `${'a'.repeat(5000)}!`],
];

test.each(HOSTILE)('%s: never throws, answers off-topic', (_name, text) => {
  const got = understand(text, 'fr');
  expect(got.intent).toBe('offtopic');
  expect(got.confidence).toBeGreaterThanOrEqual(0);
  expect(got.confidence).toBeLessThanOrEqual(1);
});

test('a non-string never throws', () => {
  expect(understand(undefined as unknown as string, 'fr').intent).toBe('offtopic');
  expect(understand(42 as unknown as string, 'en').intent).toBe('offtopic');
});

test('a long but legitimate-length message is answered quickly', () => {
  const text = 'bonjour je suis au rsa depuis 2 ans et je cherche du travail vers le lamentin '.repeat(7).slice(0, 590);
  const start = Date.now();
  understand(text, 'fr', { departement: '972' });
  expect(Date.now() - start).toBeLessThan(2000);
});

test('"non" alone is not an intent: off-topic with a low confidence', () => {
  for (const word of ['non', 'oui', 'ok', 'nan']) {
    const got = understand(word, 'fr');
    expect(got.intent).toBe('offtopic');
    expect(got.confidence).toBeLessThan(0.6);
  }
});

test('every answer is well formed: confidence in 0–1, alternatives sorted and distinct from the intent', () => {
  for (const text of ['bonjour je cherche un aci', "c'est quoi l'IAE", 'merci', 'stats 972', 'effacer mes données']) {
    const got = understand(text, 'fr');
    expect(got.confidence).toBeGreaterThan(0);
    expect(got.confidence).toBeLessThanOrEqual(1);
    const alts = got.alternatives ?? [];
    expect(alts.every((a) => a.intent !== got.intent && a.confidence <= got.confidence)).toBe(true);
  }
});
