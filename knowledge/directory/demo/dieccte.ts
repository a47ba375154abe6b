import type { SiaeKind } from '../kinds';

/**
 * DIECCTE Martinique (Pôle 3E, November 2016): SIAE and insertion posts per zone and kind
 * (shared/domain/iae-ecosystem.md). The zones are the three intercommunalities. The source's
 * headline "Nord: 229 postes" is a typo: its per-kind figures add up to 245, which makes the
 * regional total of 1103 right.
 */
export interface DiecctCell {
  structures: number;
  posts: number;
}

export interface DiecctZone {
  zone: 'Nord' | 'Centre' | 'Sud';
  /** Zone code of knowledge/territory/data/zones.json. */
  code: string;
  /** SIREN of the intercommunality. */
  epci: string;
  kinds: Partial<Record<SiaeKind, DiecctCell>>;
}

export const DIECCTE_MARTINIQUE_2016: readonly DiecctZone[] = [
  {
    zone: 'Nord',
    code: '972-NORD',
    epci: '200041788',
    kinds: { EI: { structures: 6, posts: 27 }, AI: { structures: 2, posts: 52 }, ACI: { structures: 13, posts: 166 } },
  },
  {
    zone: 'Centre',
    code: '972-CENTRE',
    epci: '249720061',
    kinds: { EI: { structures: 11, posts: 352 }, AI: { structures: 6, posts: 168 }, ETTI: { structures: 1, posts: 60 }, ACI: { structures: 11, posts: 157 } },
  },
  {
    zone: 'Sud',
    code: '972-SUD',
    epci: '249720053',
    kinds: { EI: { structures: 3, posts: 22 }, AI: { structures: 2, posts: 13 }, ACI: { structures: 6, posts: 86 } },
  },
];

export const DIECCTE_TOTALS = { structures: 61, posts: 1103 } as const;
export const DIECCTE_SOURCE = 'DIECCTE Martinique, Pôle 3E, offre d’insertion par territoire, novembre 2016';
