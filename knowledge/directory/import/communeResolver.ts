import { getTerritory, normalizeText, resolveCommuneByPostcode, resolveInsee, stripArticle } from '../../territory';
import type { CommuneRecord } from '../../territory';
import type { CommuneResolver, ResolvedCommune } from './types';

/**
 * The default commune resolver, on the territory knowledge (COG 2026, La Poste postal codes).
 *
 * Order: a valid INSEE code wins (a former commune's code gives the current commune); else the
 * communes of the postal code whose name matches ("STE MARIE", "FORT DE FRANCE CEDEX"); else the
 * name inside the postal code's département — the name decides when it contradicts the postal code
 * (Martinique trap: postal 97232 is Le Lamentin, INSEE 97232 is Le Vauclin); else the only commune
 * of the postal code or its one close spelling; else a CEDEX / unknown postal code read through its
 * département and the name. Arrondissements (Paris, Lyon, Marseille) come from their postal codes.
 */

const CEDEX = / cedex( \d+)?$/;

function nameKeys(name: string): string[] {
  const n = normalizeText(name).replace(CEDEX, '').trim();
  return n ? [...new Set([n, stripArticle(n)])] : [];
}

let byDepartementName: Map<string, Map<string, string[]>> | undefined;

/** département → normalised name (with and without article) → INSEE codes of current communes. */
function nameIndex(): Map<string, Map<string, string[]>> {
  if (byDepartementName) return byDepartementName;
  const index = new Map<string, Map<string, string[]>>();
  for (const record of getTerritory().data.communes.values()) {
    if (record.kind !== 'commune') continue;
    let names = index.get(record.departement);
    if (!names) index.set(record.departement, (names = new Map()));
    for (const key of nameKeys(record.name)) {
      const list = names.get(key) ?? [];
      if (!list.includes(record.code)) list.push(record.code);
      names.set(key, list);
    }
  }
  byDepartementName = index;
  return index;
}

/** Départements a postal code may belong to ("97230" → 972, "20000" → 2A and 2B). */
export function departementsOfPostcode(postcode: string): string[] {
  if (!/^\d{5}$/.test(postcode)) return [];
  if (postcode.startsWith('97') || postcode.startsWith('98')) return [postcode.slice(0, 3)];
  if (postcode.startsWith('20')) return ['2A', '2B'];
  return [postcode.slice(0, 2)];
}

function toResolved(record: CommuneRecord | undefined): ResolvedCommune | undefined {
  if (!record?.center) return undefined;
  const { data } = getTerritory();
  const epci = record.epci?.code ?? (record.parent ? data.communes.get(record.parent)?.epci?.code : undefined);
  const resolved: ResolvedCommune = {
    insee: record.code,
    name: record.name,
    departement: record.departement,
    region: record.region,
    lat: record.center.lat,
    lng: record.center.lng,
  };
  if (epci) resolved.epci = epci;
  return resolved;
}

function byName(departements: string[], name: string): CommuneRecord | undefined {
  const { data } = getTerritory();
  const keys = nameKeys(name);
  const found = new Set<string>();
  for (const dep of departements) for (const key of keys) for (const code of nameIndex().get(dep)?.get(key) ?? []) found.add(code);
  return found.size === 1 ? data.communes.get([...found][0]!) : undefined;
}

export const territoryCommuneResolver: CommuneResolver = (postcode, communeName, inseeCode) => {
  const { data } = getTerritory();
  const insee = inseeCode?.trim().toUpperCase();
  if (insee && /^(\d{5}|2[AB]\d{3})$/.test(insee)) {
    const place = resolveInsee(insee);
    if (place) return toResolved(data.communes.get(place.code));
  }
  const pc = postcode?.trim() ?? '';
  const name = communeName?.trim() ?? '';
  const codes = /^\d{5}$/.test(pc) ? (data.postcodes.get(pc) ?? []) : [];
  if (codes.length > 0 && name) {
    const keys = nameKeys(name);
    const exact = codes.map((code) => data.communes.get(code)!).filter((r) => nameKeys(r.parent ? (data.communes.get(r.parent)?.name ?? r.name) : r.name).some((k) => keys.includes(k)) || nameKeys(r.name).some((k) => keys.includes(k)));
    if (exact.length === 1) return toResolved(exact[0]);
  }
  if (name) {
    const deps = departementsOfPostcode(pc);
    const named = byName(deps, name);
    if (named) return toResolved(named);
  }
  if (codes.length > 0) {
    const place = resolveCommuneByPostcode(pc, name);
    if (place) return toResolved(data.communes.get(place.code));
  }
  return undefined;
};
