import { readdirSync, readFileSync } from 'node:fs';
import { LOCALES, type Locale } from '../../locales/i18n';
import { projectPath } from '../../knowledge/projectFiles';
import { foldText } from '../../knowledge/text/fold';
import { FAQ_ENTRIES } from '../../knowledge/faq';
import { faqTexts } from '../../knowledge/faq/catalogue';
import wording from '../../knowledge/faq/wording.json';

/**
 * Guards on every user-facing text (locales/<lng>/*.json; FAQ keywords are matched, never shown):
 * short sentences, today's names (older ones only as marked history), one word for one thing,
 * acronyms explained in each FAQ answer, and the same facts in French and English.
 * The word lists are data: knowledge/faq/wording.json.
 */

const MAX_WORDS = 20;

interface Text {
  lng: Locale;
  key: string;
  text: string;
}

function userTexts(lng: Locale): Text[] {
  const out: Text[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') out.push({ lng, key, text: value });
    else if (Array.isArray(value)) return; // FAQ keywords: matched, never shown
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}.${k}` : k);
  };
  const dir = projectPath('locales', lng);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')), file.replace(/\.json$/, ':'));
  }
  return out.map((t) => ({ ...t, key: t.key.replace(':.', ':') }));
}

const ALL = LOCALES.flatMap(userTexts);
/** Sentences: split after . ! ? … and at line breaks (list lines count alone). */
const sentencesOf = (text: string) => text.split(/(?<=[.!?…])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
const wordCount = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const folded = (s: string) => foldText(s).replace(/[’]/g, "'");

describe('user-facing texts (locales/*/*.json)', () => {
  test(`no sentence has more than ${MAX_WORDS} words`, () => {
    const long = ALL.flatMap((t) => sentencesOf(t.text).filter((s) => wordCount(s) > MAX_WORDS).map((s) => `${t.lng}/${t.key} (${wordCount(s)}): ${s}`));
    expect(long).toEqual([]);
  });

  test('old names (Pôle emploi, agrément, Direccte, DIECCTE, OPCA) appear only as marked history', () => {
    const bad: string[] = [];
    for (const t of ALL) {
      for (const sentence of sentencesOf(t.text)) {
        const f = folded(sentence);
        const old = wording.oldNames.filter((n) => new RegExp(`(^|[^a-z])${folded(n)}([^a-z]|$)`).test(f));
        if (old.length === 0) continue;
        const marked = wording.historyMarkers[t.lng].some((m) => f.includes(folded(m)));
        if (!marked) bad.push(`${t.lng}/${t.key}: ${sentence}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('ZRR is never written alone: always with FRR', () => {
    const bad = ALL.filter((t) => /\bZRR\b/.test(t.text) && !/ZRR ?(\/|ou|or) ?FRR/.test(t.text)).map((t) => `${t.lng}/${t.key}: ${t.text}`);
    expect(bad).toEqual([]);
  });

  test('one word for one thing', () => {
    const bad: string[] = [];
    for (const t of ALL) {
      const f = folded(t.text);
      for (const rule of wording.oneWord[t.lng]) for (const not of rule.not) if (f.includes(folded(not))) bad.push(`${t.lng}/${t.key}: « ${not} » → « ${rule.use} »`);
    }
    expect(bad).toEqual([]);
  });

  test('the guards see the texts they guard', () => {
    expect(ALL.filter((t) => t.key.startsWith('faq:entries.')).length).toBeGreaterThanOrEqual(FAQ_ENTRIES.length * 2 * 2);
    expect(ALL.some((t) => t.key.startsWith('requests:'))).toBe(true);
  });
});

const acronyms = wording.acronyms as Record<string, Record<Locale, string[]>>;
const exempt = new RegExp(wording.names.exempt.map((n) => n.replace(/\s+/g, '\\s+')).join('|'), 'g');

describe('FAQ answers explain their acronyms', () => {
  test.each(LOCALES.flatMap((lng) => FAQ_ENTRIES.map((e) => ({ lng, id: e.id }))))('$lng/$id', ({ lng, id }) => {
    const answer = faqTexts(lng).entries[id]!.answer;
    const used = new Set(answer.replace(exempt, ' ').match(/\b[A-Z][A-Z]+\b/g) ?? []);
    const unexplained = [...used].filter((acronym) => {
      const ways = acronyms[acronym]?.[lng];
      if (!ways) return true; // an acronym the glossary does not know: add it, or write the words
      return !ways.some((w) => folded(answer).includes(folded(w)));
    });
    expect(unexplained).toEqual([]);
  });
});

/** Numbers as written in either language: "1 103" and "1,103" are 1103; "1er" is 1. */
function numbersOf(text: string): string[] {
  const normal = text.replace(/(\d)[\s\u00a0\u202f,](?=\d{3}\b)/g, '$1');
  return (normal.match(/\d+/g) ?? []).sort();
}

const BODIES = ['France Travail', 'Mission Locale', 'Cap Emploi', 'Pôle emploi', 'Collectivité territoriale de Martinique', 'Espace Sud', 'CAP Nord'];
function bodiesOf(text: string): string[] {
  const acr = (text.replace(exempt, ' ').match(/\b[A-Z][A-Z]+\b/g) ?? []).filter((a) => a in acronyms && a !== 'CV');
  const names = BODIES.filter((b) => folded(text).includes(folded(b)));
  return [...new Set([...acr, ...names])].sort();
}

describe('fr and en answers state the same facts', () => {
  test.each(FAQ_ENTRIES.map((e) => e.id))('%s: same numbers and named bodies', (id) => {
    const fr = faqTexts('fr').entries[id]!.answer;
    const en = faqTexts('en').entries[id]!.answer;
    expect({ id, numbers: numbersOf(en) }).toEqual({ id, numbers: numbersOf(fr) });
    expect({ id, bodies: bodiesOf(en) }).toEqual({ id, bodies: bodiesOf(fr) });
  });
});

describe('every knowledge entry has a source and the day it was last checked', () => {
  test.each(FAQ_ENTRIES.map((e) => ({ id: e.id, source: e.source, checked: e.checked })))('$id: $source, checked $checked', ({ source, checked }) => {
    expect(source).toMatch(/^[a-z-]+\.md#[a-z0-9-]+$/);
    expect(checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(checked >= '2026-01-01').toBe(true);
  });
});
