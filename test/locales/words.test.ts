import { translator } from '../../locales/i18n';

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
