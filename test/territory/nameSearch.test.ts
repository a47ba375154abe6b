import MiniSearch from 'minisearch';
import { fuzzyIndexTexts, fuzzyTermEdits } from '../../knowledge/territory/fuzzy';
import { NameSearch } from '../../knowledge/territory/nameSearch';
import { getTerritory } from '../../knowledge/territory/territory';

/**
 * NameSearch (the place names' typo index) gives what MiniSearch gives, hit for hit and score for
 * score (the same floats, so the same order and the same first 300), on the queries the territory
 * makes: every word with its typos (OR, fuzzy) and whole words (AND), over the real names.
 */
const texts = fuzzyIndexTexts(getTerritory());
const compact = new NameSearch(texts);
const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [], idField: 'id' });
mini.addAll(texts.map((text, id) => ({ id, text })));

const both = (query: string) => ({
  or: [compact.search(query, { combineWith: 'OR', fuzzy: fuzzyTermEdits }), mini.search(query, { combineWith: 'OR', prefix: false, fuzzy: fuzzyTermEdits })],
  and: [compact.search(query, { combineWith: 'AND', fuzzy: false }), mini.search(query, { combineWith: 'AND', prefix: false, fuzzy: false })],
});

/** Hits as one line each (a number's text gives it back exactly): quick to compare, readable when they differ. */
const listed = (hits: Array<{ id: number; score: number }>) => hits.map((hit) => `${hit.id} ${hit.score}`).join('\n');

/** A deterministic sample of typed texts: names as they are, with a letter dropped, two swapped, one changed, a word alone. */
function queries(step: number): string[] {
  const out = ['saint', 'st denis', 'lamantin', 'le lamantin', 'morne rouge', 'ile de france', 'sainte-luce', 'marseile', 'fort de france', 'basse terre', 'a', '', ' - ', "l'ajoupa bouillon", 'saint saint'];
  for (let i = 0; i < texts.length; i += step) {
    const text = texts[i]!;
    const at = Math.floor(text.length / 2);
    out.push(text, text.slice(0, at) + text.slice(at + 1), text.slice(0, at - 1) + text[at] + text[at - 1] + text.slice(at + 1), `${text.slice(0, at)}x${text.slice(at + 1)}`, text.split(/[ -]/)[0]!, text.split(/[ -]/).slice(-2).join(' '));
  }
  return out;
}

describe('NameSearch, the typo index of place names', () => {
  it('indexes every name of the territory', () => {
    expect(texts.length).toBeGreaterThan(30_000);
  });

  it('finds what MiniSearch finds, in the same order with the same scores', () => {
    let hits = 0;
    for (const query of queries(797)) {
      const { or, and } = both(query);
      const [orCompact, orMini] = or;
      const [andCompact, andMini] = and;
      expect([query, listed(orCompact!)]).toEqual([query, listed(orMini!)]);
      expect([query, listed(andCompact!)]).toEqual([query, listed(andMini!)]);
      hits += orMini!.length;
    }
    expect(hits).toBeGreaterThan(10_000);
  });
});
