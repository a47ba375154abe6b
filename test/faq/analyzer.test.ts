import { meaningfulWords, stem, termsOf, tokenize } from '../../knowledge/faq/analyzer';
import { sectionSlug } from '../../knowledge/faq/sources';
import { getFaqEntry, searchFaq, warmUpFaq } from '../../knowledge/faq';

describe('light stemming', () => {
  test.each([
    ['prescripteur', 'prescript'],
    ['prescription', 'prescript'],
    ['prescripteurs', 'prescript'],
    ['criteres', 'crit'],
    ['critere', 'crit'],
    ['justificatifs', 'justificat'],
    ['justificatif', 'justificat'],
    ['handicapes', 'handicap'],
    ['prolongation', 'prolong'],
    ['prolonger', 'prolong'],
    ['chomage', 'chom'],
    ['chomeur', 'chom'],
    ['departemental', 'depart'],
    ['departement', 'depart'],
  ])('fr %s → %s', (word, expected) => expect(stem(word, 'fr')).toBe(expected));

  test.each([
    ['criteria', 'criteria'],
    ['certificates', 'certificat'],
    ['certificate', 'certificat'],
    ['studies', 'study'],
    ['training', 'train'],
    ['pass', 'pass'],
    ['class', 'class'],
  ])('en %s → %s', (word, expected) => expect(stem(word, 'en')).toBe(expected));

  test('acronyms, numbers and short words are kept whole', () => {
    for (const w of ['siae', 'etti', 'aah', 'rsa', 'pass', 'geiq']) expect(stem(w, 'fr')).toBe(w);
    expect(stem('972', 'fr')).toBe('972');
    expect(stem('age', 'fr')).toBe('age');
    expect(stem('mois', 'fr')).toBe('moi'); // short enough to keep 3 letters, long enough to lose its s
  });
});

describe('tokens and terms', () => {
  test('folding, SMS shorthand, and "j\'ai" is not the AI', () => {
    expect(tokenize("C koi l'ÉTTI ?", 'fr')).toEqual(['quoi', 'l', 'etti']);
    expect(tokenize('cb de tps', 'fr')).toEqual(['combien', 'de', 'temps']);
    expect(tokenize("j'ai le RSA", 'fr')).toEqual(['j', 'le', 'rsa']);
    expect(tokenize('une AI', 'fr')).toEqual(['une', 'ai']);
  });

  test('stop words carry no term; other words carry themselves and their stem', () => {
    expect(termsOf('bonjour', 'fr')).toEqual([]);
    expect(termsOf('criteres', 'fr')).toEqual(['criteres', 'crit']);
    expect(termsOf('the', 'en')).toEqual([]);
    expect(meaningfulWords('bonjour je voudrais savoir ce que c est le pass iae', 'fr')).toEqual(['pass', 'iae']);
  });

  test('section slugs drop the parenthesis', () => {
    expect(sectionSlug('Who does what (territorial ecosystem)')).toBe('who-does-what');
    expect(sectionSlug('How many criteria a kind needs (the SIAE\'s own diagnosis, *auto-prescription*)')).toBe('how-many-criteria-a-kind-needs');
    expect(sectionSlug('The 18 criteria')).toBe('the-18-criteria');
  });
});

describe('searchFaq decisions', () => {
  beforeAll(() => warmUpFaq());

  test('an entry question typed or clicked is answered with that entry', () => {
    for (const locale of ['fr', 'en'] as const) {
      const q = getFaqEntry('kind-aci', locale)!.question;
      const found = searchFaq(q, locale);
      expect(found.status === 'answer' && found.entry.id).toBe('kind-aci');
    }
  });

  test('a clear question is answered', () => {
    const found = searchFaq('cb de tps dure le pass iae', 'fr');
    expect(found.status).toBe('answer');
    if (found.status === 'answer') {
      expect(found.entry.id).toBe('pass-iae-duration');
      expect(found.score).toBeGreaterThan(0);
    }
  });

  test('an empty, greeting-only or nonsense text finds nothing', () => {
    for (const text of ['', '   ', 'bonjour', 'merci beaucoup', 'xqzwv']) expect(searchFaq(text, 'fr').status).toBe('none');
  });

  test('a look-alike word alone is never an answer (« pérou » is one edit from « perdu »); the same word typed with a typo among found ones still is', () => {
    const offSubject = searchFaq("c'est quoi la capitale du pérou", 'fr');
    expect(offSubject.status).not.toBe('answer');
    const typo = searchFaq("jai perdu mon pas iae", 'fr');
    expect(typo.status === 'answer' && typo.entry.id).toBe('pass-iae-lost');
  });

  test('a doubtful question gets two or three choices, never one entry twice', () => {
    const found = searchFaq('criteres de niveau deux liste', 'fr');
    expect(found.status).toBe('choices');
    if (found.status === 'choices') {
      expect(found.entries.length).toBeGreaterThanOrEqual(2);
      expect(found.entries.length).toBeLessThanOrEqual(3);
      expect(new Set(found.entries.map((e) => e.id)).size).toBe(found.entries.length);
    }
  });
});

describe('a question that follows another one', () => {
  beforeAll(() => warmUpFaq());

  test.each([
    ["et c'est quoi le PASS IAE ?", "c'est quoi le PASS IAE ?", 'fr'],
    ["du coup c'est quoi le PASS IAE", "c'est quoi le PASS IAE", 'fr'],
    ['mais combien je serai payé ?', 'combien je serai payé ?', 'fr'],
    ['and what is the PASS IAE?', 'what is the PASS IAE?', 'en'],
  ] as const)('« %s » is answered as « %s »', (linked, alone, locale) => {
    const expected = searchFaq(alone, locale);
    expect(expected.status).toBe('answer');
    const found = searchFaq(linked, locale);
    expect(found.status).toBe('answer');
    expect(found.status === 'answer' && expected.status === 'answer' && found.entry.id).toBe(expected.status === 'answer' && expected.entry.id);
  });

  test('a message made only of a linking word is not emptied', () => {
    expect(searchFaq('et', 'fr').status).not.toBe('answer');
  });
});
