import { readLocaleResources, translator } from '../../locales/i18n';

/** Words the issue found wrong (issue 12, "Words"): zero is « aucun », a proof's age agrees with any document. */
describe('words', () => {
  const fr = translator('fr');
  it('« 0 postes » is « aucun poste », 1 is singular', () => {
    expect(fr('search:card.posts', { count: 0 })).toBe("aucun poste d'insertion");
    expect(fr('search:card.posts', { count: 1 })).toBe("1 poste d'insertion");
    expect(fr('search:card.posts', { count: 12 })).toBe("12 postes d'insertion");
  });

  it('the age of a proof agrees with every document (« Un justificatif … Datée » was wrong)', () => {
    const text = fr('eligibility:proofAge.months', { count: 3 });
    expect(text).not.toMatch(/\bDatée?s?\b/);
    expect(text).toContain('3 mois');
  });
});

/** Issue 12: English kinds had two names each (« Insertion company » and « integration enterprise »). */
describe('one English name per kind of SIAE, the French official name kept', () => {
  const en = translator('en');
  const SIAE = ['EI', 'AI', 'ACI', 'ETTI', 'EITI'] as const;
  const OTHER_EMPLOYERS = ['EA', 'EATT', 'OPCS'] as const;
  const strip = (text: string) => text.replace(/\s*\([^)]*\)$/, '').toLowerCase();

  test.each([...SIAE, ...OTHER_EMPLOYERS])('%s: the card, the button, the lists and the eligibility result say the same name', (kind) => {
    const short = en(`directory:kinds.${kind}.short`);
    expect(strip(en(`directory:kinds.${kind}.name`))).toBe(short);
    expect(en(`search:kindPlural.${kind}`)).toBe(`${short.replace(/y$/, 'ie')}s`);
    if ((SIAE as readonly string[]).includes(kind)) expect(strip(en(`eligibility:kinds.${kind}`))).toBe(short);
  });

  test.each([...SIAE, ...OTHER_EMPLOYERS])('%s: the English name keeps the French official name', (kind) => {
    const official = translator('fr')(`directory:kinds.${kind}.name`).toLowerCase();
    expect(en(`directory:kinds.${kind}.name`).toLowerCase()).toContain(`(${official})`);
  });

  it('no English text names a kind another way', () => {
    const other = /insertion compan|insertion workshop|integration workshop|work integration (enterprise|temp agency)|integration temp work|insertion temp agenc|self-employment insertion|integration through self-employment|adapted temp work|insertion structure/i;
    const shown = ['directory:kinds', 'search:kindPlural', 'eligibility:kinds', 'eligibilityDialog:allEligible', 'eligibilityDialog:allEligible_adviser', 'eligibilityDialog:allEligible_easy', 'search:helpLine', 'search:what'];
    for (const key of shown) expect(JSON.stringify(en(key, { returnObjects: true }))).not.toMatch(other);
    for (const id of ['kinds-overview', 'kind-ei', 'kind-etti', 'kind-ai', 'kind-aci', 'kind-eiti', 'legal-basis']) {
      expect(en(`faq:entries.${id}.answer`)).not.toBe(`entries.${id}.answer`);
      expect(en(`faq:entries.${id}.question`) + en(`faq:entries.${id}.answer`)).not.toMatch(other);
    }
  });
});

/** Issue 12: advisers were told « peuvent vous embaucher » about their candidate. Their variants speak of « la personne ». */
describe('advisers read the third person about their candidate', () => {
  const resources = readLocaleResources();
  const leaves = (tree: unknown, prefix = ''): Array<[string, unknown]> =>
    tree && typeof tree === 'object' && !Array.isArray(tree)
      ? Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
      : [[prefix, tree]];
  // « vous » may address the adviser (« votre diagnostic »); never the candidate's situation.
  const CANDIDATE_AS_YOU = /vous (embaucher|concerne|avez|êtes|touchez|oriente)|(votre|vos) (éligibilité|situation|diplôme|handicap|âge)|pour vous/i;
  const VARIANT = /(_adviser|Adviser)((_easy)?_(zero|one|other))?$/;
  // A variant of a key that exists for the person (« questionAdviser » of « question »), not « notAnAdviser ».
  const adviserKeys = Object.entries(resources.fr).flatMap(([ns, tree]) => {
    const all = leaves(tree);
    const keys = new Set(all.map(([key]) => key.replace(/_(zero|one|other)$/, '')));
    return all
      .filter(([key, value]) => typeof value === 'string' && VARIANT.test(key) && keys.has(key.replace(/_(zero|one|other)$/, '').replace(/(_adviser|Adviser)/, '')))
      .map(([key, value]) => [`${ns}:${key}`, value as string] as const);
  });

  it('has adviser variants, and none speaks to the candidate as « vous »', () => {
    expect(adviserKeys.length).toBeGreaterThan(10);
    expect(adviserKeys.filter(([, text]) => CANDIDATE_AS_YOU.test(text))).toEqual([]);
  });

  it('the checklist in text says « la personne » to an adviser', () => {
    expect(translator('fr')('eligibilityDialog:checklist.howToAnswerAdviser')).toContain('la personne');
  });
});

/** French puts a space before « : ; ? ! », English does not: a label and its value go through common:labelled. */
describe('punctuation in each language', () => {
  it('a labelled line is « Prénom : Marie » in French and "First name: Marie" in English', () => {
    expect(translator('fr')('common:labelled', { label: 'Prénom', value: 'Marie' })).toBe('Prénom : Marie');
    expect(translator('en')('common:labelled', { label: 'First name', value: 'Marie' })).toBe('First name: Marie');
  });

  it('no English string has a space before a colon, semicolon, question or exclamation mark', () => {
    const resources = readLocaleResources().en;
    const strings: Array<[string, string]> = [];
    const walk = (prefix: string, value: unknown): void => {
      if (typeof value === 'string') strings.push([prefix, value]);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    };
    walk('', resources);
    expect(strings.filter(([, text]) => /\S [:;?!](\s|$)/.test(text)).map(([key]) => key)).toEqual([]);
  });
});
