import { foldText } from '../../text/fold';
import type { StructureKind } from '../kinds';

/**
 * Kind vocabularies of the sources, mapped to our kinds (knowledge/directory/kinds.ts).
 * The tables are in knowledge/directory/README.md.
 */

/**
 * ASP "MESURE": the ASP codes (`ACI_DC` droit commun, `ACI_MP` milieu pénitentiaire, `EI_DC`,
 * `EI_MP`, `AI_DC`, `ETTI_DC`, `EITI_DC`), the short codes and the long labels
 * ("Droit Commun - Atelier et Chantier d'Insertion"). Keys are folded (lower case, no accents,
 * punctuation as spaces). `FDI_DC` (a fund, not a structure) is not a kind.
 */
const ASP_MESURES: ReadonlyMap<string, StructureKind> = new Map<string, StructureKind>([
  ['aci', 'ACI'],
  ['aci dc', 'ACI'],
  ['aci mp', 'ACI'],
  ['aciphc', 'ACI'],
  ['ei', 'EI'],
  ['ei dc', 'EI'],
  ['ei mp', 'EI'],
  ['ai', 'AI'],
  ['ai dc', 'AI'],
  ['etti', 'ETTI'],
  ['etti dc', 'ETTI'],
  ['eiti', 'EITI'],
  ['eiti dc', 'EITI'],
  ['atelier et chantier d insertion', 'ACI'],
  ['atelier chantier d insertion', 'ACI'],
  ['ateliers et chantiers d insertion', 'ACI'],
  ['chantier d insertion', 'ACI'],
  ['entreprise d insertion', 'EI'],
  ['association intermediaire', 'AI'],
  ['entreprise de travail temporaire d insertion', 'ETTI'],
  ['entreprise d insertion par le travail independant', 'EITI'],
]);

export function aspKind(mesure: string): StructureKind | undefined {
  const key = foldText(mesure).replace(/^(droit commun|milieu penitentiaire) /, '');
  return ASP_MESURES.get(key);
}

/** Les emplois `type` (CompanyKind): the same codes as ours; `ACIPHC` (premières heures) is an ACI. */
const EMPLOIS_TYPES: ReadonlyMap<string, StructureKind> = new Map<string, StructureKind>([
  ['ACI', 'ACI'],
  ['ACIPHC', 'ACI'],
  ['AI', 'AI'],
  ['EA', 'EA'],
  ['EATT', 'EATT'],
  ['EI', 'EI'],
  ['EITI', 'EITI'],
  ['ETTI', 'ETTI'],
  ['GEIQ', 'GEIQ'],
  ['OPCS', 'OPCS'],
]);

export function emploisKind(type: string): StructureKind | undefined {
  return EMPLOIS_TYPES.get(type.trim().toUpperCase());
}

/** data·inclusion `typologie` (typologies de structures, upper-case codes). */
const DI_TYPOLOGIES: ReadonlyMap<string, StructureKind> = new Map<string, StructureKind>([
  ['ACI', 'ACI'],
  ['ACIPHC', 'ACI'],
  ['AI', 'AI'],
  ['EI', 'EI'],
  ['ETTI', 'ETTI'],
  ['EITI', 'EITI'],
  ['GEIQ', 'GEIQ'],
  ['EA', 'EA'],
  ['EATT', 'EATT'],
  ['OPCS', 'OPCS'],
  ['FT', 'FT'],
  ['PE', 'FT'],
  ['ML', 'ML'],
  ['CAP_EMPLOI', 'CAP_EMPLOI'],
  ['PLIE', 'PLIE'],
  ['DEPT', 'DEPT'],
  ['CD', 'DEPT'],
  ['CCAS', 'CCAS'],
  ['CIAS', 'CCAS'],
  ['CAF', 'CAF'],
  ['CHRS', 'CHRS'],
  ['SPIP', 'SPIP'],
  ['PJJ', 'PJJ'],
  ['E2C', 'E2C'],
  ['EPIDE', 'EPIDE'],
  ['AFPA', 'AFPA'],
]);

/** data·inclusion `reseaux_porteurs` (lower-case slugs), in the order they decide the kind. */
const DI_NETWORKS: ReadonlyArray<readonly [string, StructureKind]> = [
  ['aci', 'ACI'],
  ['ai', 'AI'],
  ['ei', 'EI'],
  ['etti', 'ETTI'],
  ['eiti', 'EITI'],
  ['geiq', 'GEIQ'],
  ['ea', 'EA'],
  ['eatt', 'EATT'],
  ['france-travail', 'FT'],
  ['pole-emploi', 'FT'],
  ['mission-locale', 'ML'],
  ['cap-emploi-reseau-cheops', 'CAP_EMPLOI'],
  ['cap-emploi', 'CAP_EMPLOI'],
  ['plie', 'PLIE'],
  ['ccas-cias', 'CCAS'],
  ['chrs', 'CHRS'],
  ['spip', 'SPIP'],
  ['pjj', 'PJJ'],
  ['ecoles-de-la-deuxieme-chance', 'E2C'],
  ['epide', 'EPIDE'],
  ['afpa', 'AFPA'],
  ['caf', 'CAF'],
  ['departements', 'DEPT'],
];

/** The kind of a data·inclusion structure: its `typologie` first, else its networks. */
export function dataInclusionKind(typologie: unknown, networks: unknown): StructureKind | undefined {
  if (typeof typologie === 'string') {
    const kind = DI_TYPOLOGIES.get(typologie.trim().toUpperCase());
    if (kind) return kind;
  }
  if (Array.isArray(networks)) {
    const slugs = new Set(networks.filter((n): n is string => typeof n === 'string').map((n) => n.trim().toLowerCase()));
    for (const [slug, kind] of DI_NETWORKS) if (slugs.has(slug)) return kind;
  }
  return undefined;
}
