import type { KindStats } from './directoryPort';
import { isPartnerKind, isSiaeKind, type StructureKind } from './kinds';

/**
 * The figures of a territory as a local desk reads them: a count of structures means SIAE (AI, ACI,
 * EI, EITI, ETTI; Code du travail L5132-4) unless other kinds are asked; other inclusive employers
 * (GEIQ, EA…) and partners (France Travail, Mission Locale, Cap Emploi, PLIE, département…) are
 * listed apart, never added to the count.
 */
export interface TerritoryFigures {
  /** What the total counts: the SIAE, or the kinds asked. */
  counted: 'siae' | 'kinds';
  total: { structures: number; posts: number };
  /** The counted kinds present, in STRUCTURE_KINDS order. */
  byKind: KindStats[];
  /** SIAE of the kinds not asked, when kinds were asked (« combien d'ETTI ? »): insertion structures too, never partners. */
  otherSiae: KindStats[];
  /** Inclusive employers that are not SIAE and were not asked (GEIQ, EA, EATT, OPCS). */
  otherEmployers: KindStats[];
  /** Prescribers and partners that were not asked. */
  partners: KindStats[];
}

/** Splits the counts by kind of an area (`statsByKind`) into the counted kinds and the lists apart. */
export function figuresOf(rows: readonly KindStats[], kinds?: readonly StructureKind[]): TerritoryFigures {
  const asked = kinds && kinds.length > 0 ? new Set<string>(kinds) : undefined;
  const counts = (kind: string) => (asked ? asked.has(kind) : isSiaeKind(kind));
  const present = rows.filter((r) => r.structures > 0);
  const byKind = present.filter((r) => counts(r.kind));
  return {
    counted: asked ? 'kinds' : 'siae',
    total: { structures: byKind.reduce((n, r) => n + r.structures, 0), posts: byKind.reduce((n, r) => n + r.posts, 0) },
    byKind,
    otherSiae: present.filter((r) => !counts(r.kind) && isSiaeKind(r.kind)),
    otherEmployers: present.filter((r) => !counts(r.kind) && !isSiaeKind(r.kind) && !isPartnerKind(r.kind)),
    partners: present.filter((r) => !counts(r.kind) && isPartnerKind(r.kind)),
  };
}
