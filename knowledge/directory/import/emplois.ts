import type { StructureInput } from '../structure';
import { RowIssues, cleanPostcode, cleanText, describeValue, idPart, jsonContactFields, placeFields } from './fields';
import { importJsonRecords, isObject, isoDate } from './json';
import { emploisKind } from './kindMaps';
import { todayIso, type CommuneResolver, type ImportOptions, type ImportResult } from './types';

/**
 * Les emplois de l'inclusion, `GET /api/v1/siaes/`: a DRF page `{count, next, previous, results}`
 * or a bare array of SIAE. id `emplois:<id>`; name = enseigne || raison_sociale; no coordinates
 * (the commune's point); acceptsApplications = !bloque_candidatures; sectors from `postes[]`.
 */

export const EMPLOIS_SOURCE_LABEL = "Les emplois de l'inclusion";

/** Job titles of the SIAE's posts, as sectors (unique, at most 20). */
function sectorsOf(postes: unknown, issues: RowIssues): string[] {
  if (!Array.isArray(postes)) return [];
  const out: string[] = [];
  for (const poste of postes) {
    if (!isObject(poste)) continue;
    const raw = [poste.appellation_modifiee, poste.appellation, poste.rome].find((v) => typeof v === 'string' && v.trim());
    const label = raw ? cleanText(raw, 'postes', issues, 100) : undefined;
    if (label && !out.includes(label)) out.push(label);
    if (out.length === 20) break;
  }
  return out;
}

export function parseEmploisJson(json: unknown, resolveCommune: CommuneResolver, options: ImportOptions = {}): ImportResult {
  const label = options.sourceLabel ?? EMPLOIS_SOURCE_LABEL;
  return importJsonRecords(json, ['results'], {
    idOf(item) {
      const rawId = typeof item.id === 'number' && Number.isInteger(item.id) ? String(item.id) : typeof item.id === 'string' ? item.id.trim() : '';
      return rawId ? `emplois:${idPart(rawId)}` : undefined;
    },
    read(item, id, issues) {
      const kind = typeof item.type === 'string' ? emploisKind(item.type) : undefined;
      if (!kind) return item.type ? `type: unknown kind ${describeValue(item.type)}` : 'type: missing';
      const name = cleanText(item.enseigne, 'enseigne', issues, 200) ?? cleanText(item.raison_sociale, 'raison_sociale', issues, 200);
      if (!name) return 'raison_sociale: empty';
      const postcode = cleanPostcode(item.code_postal);
      const town = cleanText(item.ville, 'ville', issues, 100);
      const commune = resolveCommune(postcode, town);
      if (!commune) return 'code_postal/ville: commune not found';
      if (typeof item.departement === 'string' && item.departement.trim() && item.departement.trim().toUpperCase() !== commune.departement) {
        issues.warn('departement', `says ${describeValue(item.departement)}, the commune is in ${commune.departement}`);
      }
      const line1 = cleanText(item.addresse_ligne_1, 'addresse_ligne_1', issues, 200);
      const line2 = cleanText(item.addresse_ligne_2, 'addresse_ligne_2', issues, 200);
      const updatedAt = isoDate(item.mis_a_jour_le) ?? isoDate(item.cree_le);
      if (!updatedAt) issues.warn('mis_a_jour_le', 'missing or not a date, import date used');
      const input: StructureInput = {
        id,
        name,
        kind,
        ...placeFields(commune, { line1, line2, postcode }),
        location: { lat: commune.lat, lng: commune.lng, precision: 'commune' },
        sectors: sectorsOf(item.postes, issues),
        acceptsApplications: item.bloque_candidatures !== true,
        source: { kind: 'emplois', label },
        updatedAt: updatedAt ?? todayIso(options),
        ...jsonContactFields(item, issues),
      };
      const description = cleanText(item.description, 'description', issues, 2000, { multiline: true });
      if (description) input.description = description;
      return input;
    },
  });
}
