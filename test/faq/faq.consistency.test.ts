import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES } from '../../locales/i18n';
import { projectPath } from '../../knowledge/projectFiles';
import { OTHER_EMPLOYER_KINDS, SIAE_KINDS } from '../../knowledge/directory/kinds';
import type { FaqKnowledge } from '../../dialogs/faq/faqDialog';
import { FAQ_ENTRIES, FAQ_SOURCE_FILES, FAQ_TOPICS, getFaqEntry, listFaqEntries, searchFaq } from '../../knowledge/faq';
import { faqTexts } from '../../knowledge/faq/catalogue';
import { faqEntriesFileSchema } from '../../knowledge/faq/schema';
import { sectionSlugs } from '../../knowledge/faq/sources';
import entriesFile from '../../knowledge/faq/entries.json';

const domainDir = projectPath('knowledge', 'sources');
const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean);
const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
const cases = LOCALES.flatMap((lng) => FAQ_ENTRIES.map((e) => ({ lng, id: e.id })));

describe('FAQ entries (knowledge/faq/entries.json)', () => {
  test('at least 44 entries, ids unique and kebab-case', () => {
    expect(FAQ_ENTRIES.length).toBeGreaterThanOrEqual(44);
    const ids = FAQ_ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('related ids exist, differ from the entry, and are not repeated', () => {
    const ids = new Set(FAQ_ENTRIES.map((e) => e.id));
    for (const e of FAQ_ENTRIES) {
      expect(e.related.length).toBeGreaterThan(0);
      expect(new Set(e.related).size).toBe(e.related.length);
      for (const rel of e.related) {
        expect(ids.has(rel) ? rel : `${e.id} → missing ${rel}`).toBe(rel);
        expect(rel).not.toBe(e.id);
      }
    }
  });

  test('the schema rejects a duplicate id and a dangling related id', () => {
    const [first] = entriesFile.entries;
    expect(() => faqEntriesFileSchema.parse({ ...entriesFile, entries: [...entriesFile.entries, first] })).toThrow(/duplicate id/);
    expect(() => faqEntriesFileSchema.parse({ ...entriesFile, entries: [{ ...first, related: ['no-such-entry'] }] })).toThrow(/does not exist/);
  });

  test.each(FAQ_ENTRIES.map((e) => ({ id: e.id, source: e.source })))('$id cites an existing section ($source)', ({ source }) => {
    const [file, slug] = source.split('#') as [string, string];
    expect(FAQ_SOURCE_FILES).toContain(file);
    const path = join(domainDir, file);
    expect(existsSync(path)).toBe(true);
    expect(sectionSlugs(readFileSync(path, 'utf8'))).toContain(slug);
  });

  test('every SIAE kind and every neighbouring employer kind has its own entry', () => {
    for (const kind of [...SIAE_KINDS, 'GEIQ', 'EA', 'EATT'] as const) {
      const own = FAQ_ENTRIES.filter((e) => e.topic === 'kinds' && e.id.startsWith('kind-') && e.kinds?.includes(kind));
      expect(own.length ? kind : `no entry for ${kind}`).toBe(kind);
    }
    expect(OTHER_EMPLOYER_KINDS).toContain('GEIQ');
  });

  test('every topic has entries', () => {
    for (const topic of FAQ_TOPICS) expect(FAQ_ENTRIES.filter((e) => e.topic === topic).length).toBeGreaterThan(0);
  });
});

describe('FAQ texts (locales/<lng>/faq.json)', () => {
  test('fr and en have exactly the entries of entries.json, and every topic label', () => {
    for (const lng of LOCALES) {
      const texts = faqTexts(lng);
      expect(Object.keys(texts.entries).sort()).toEqual(FAQ_ENTRIES.map((e) => e.id).sort());
      expect(Object.keys(texts.topics).sort()).toEqual([...FAQ_TOPICS].sort());
    }
  });

  test.each(cases)('$lng/$id: question, answer and keywords are present and plain', ({ lng, id }) => {
    const t = faqTexts(lng).entries[id]!;
    expect(t.question.trim()).toMatch(/\?$/);
    expect(t.keywords.length).toBeGreaterThanOrEqual(3);
    for (const k of t.keywords) expect(k.trim().length).toBeGreaterThan(0);
    expect(t.answer.length).toBeLessThanOrEqual(600);
    const parts = sentences(t.answer);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.length).toBeLessThanOrEqual(5);
    for (const s of parts) {
      expect(s).toMatch(/[.!?]$/);
      const count = words(s).length;
      expect(count <= 25 ? count : `${count} words: ${s}`).toBe(count);
    }
  });

  test('the Martinique figures are those of the DIECCTE table', () => {
    const fr = (id: string) => faqTexts('fr').entries[id]!.answer;
    expect(fr('martinique-nord')).toMatch(/21 structures et 245 postes/);
    expect(fr('martinique-centre')).toMatch(/29 structures et 737 postes/);
    expect(fr('martinique-sud')).toMatch(/11 structures et 121 postes/);
    expect(fr('martinique-offer')).toMatch(/61 structures/);
    expect(fr('martinique-offer')).toMatch(/1 103 postes/);
  });

  test('the durations are those of the rules', () => {
    const fr = (id: string) => faqTexts('fr').entries[id]!.answer;
    expect(fr('pass-iae-duration')).toMatch(/24 mois/);
    expect(fr('self-diagnosis')).toMatch(/92 jours/);
    expect(fr('prescriber-diagnosis')).toMatch(/6 mois/);
    expect(fr('pass-iae-after-end')).toMatch(/2 ans/);
  });
});

describe('FAQ API', () => {
  test('getFaqEntry returns the texts of the language, with related ids and source', () => {
    const fr = getFaqEntry('pass-iae-duration', 'fr')!;
    const en = getFaqEntry('pass-iae-duration', 'en')!;
    expect(fr.question).toBe('Combien de temps dure le PASS IAE ?');
    expect(en.question).toBe('How long does the PASS IAE last?');
    expect(fr.related).toEqual(en.related);
    expect(fr.source).toBe('eligibility-rules.md#durations');
    expect(getFaqEntry('no-such-entry', 'fr')).toBeUndefined();
  });

  test('listFaqEntries lists all entries, or those of one topic', () => {
    expect(listFaqEntries('en')).toHaveLength(FAQ_ENTRIES.length);
    const kinds = listFaqEntries('fr', 'kinds');
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    expect(kinds.every((e) => e.topic === 'kinds')).toBe(true);
  });
});

describe('FAQ knowledge and the faq dialog', () => {
  test('the module satisfies the FaqKnowledge port of dialogs/faq/faqDialog.ts', () => {
    const port: FaqKnowledge = { searchFaq, getFaqEntry };
    expect(port.getFaqEntry('what-is-iae', 'fr')?.related.length).toBeGreaterThan(0);
  });
});
