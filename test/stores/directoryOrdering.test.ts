import fc from 'fast-check';
import type { Candidate } from '../../stores/directory/candidates';
import { firstByDistance, sortByDistance } from '../../stores/directory/ordering';

/** Rows as a radius search has them: few distinct distances (records at a commune's centre share one) and names. */
const rows = fc.array(
  fc.record({
    candidate: fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      name: fc.constantFrom('Élan', 'elan', 'Avenir', 'Zébu', 'zebu', 'Bâtir'),
      kind: fc.constant('ACI' as const),
      lat: fc.constant(14.6),
      lng: fc.constant(-61),
    }),
    distanceKm: fc.constantFrom(0, 1.5, 1.5, 2, 7.25, 30),
  }),
  { maxLength: 80 },
) as fc.Arbitrary<Array<{ candidate: Candidate; distanceKm: number }>>;

describe('firstByDistance', () => {
  it('is the first rows of the full order, ties by name and id included', () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 90 }), (list, count) => {
        expect(firstByDistance(list, count)).toEqual(sortByDistance(list).slice(0, count));
      }),
      { numRuns: 500 },
    );
  });
});
