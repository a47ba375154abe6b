import { haversineKm } from '../../territory';
import type { StructureInput } from '../structure';
import { cleanPostcode, cleanText, describeValue, idPart, jsonContactFields, placeFields } from './fields';
import { importJsonRecords, isoDate } from './json';
import { dataInclusionKind } from './kindMaps';
import { todayIso, type CommuneResolver, type ImportOptions, type ImportResult } from './types';

/**
 * data·inclusion structures (schema "structure": id, source, siret, nom, commune, code_postal,
 * code_insee, adresse, complement_adresse, longitude, latitude, telephone, horaires_accueil, courriel, site_web,
 * description / presentation_resume, date_maj, typologie, reseaux_porteurs). A bare array, or an
 * API page holding `items` (or `results`). id `data-inclusion:<source>--<id>` (or `<id>` without a
 * source). code_insee wins over postal code + commune; latitude + longitude give an `address` point.
 */

export const DATA_INCLUSION_SOURCE_LABEL = 'data·inclusion';
/** A point farther than this from its commune is a geocoding error (swapped or wrong coordinates). */
const MAX_KM_FROM_COMMUNE = 30;

function coordinate(value: unknown, min: number, max: number): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

export function parseDataInclusionJson(json: unknown, resolveCommune: CommuneResolver, options: ImportOptions = {}): ImportResult {
  const label = options.sourceLabel ?? DATA_INCLUSION_SOURCE_LABEL;
  return importJsonRecords(json, ['items', 'results'], {
    idOf(item) {
      const rawId = typeof item.id === 'string' ? item.id.trim() : typeof item.id === 'number' ? String(item.id) : '';
      if (!rawId) return undefined;
      const source = typeof item.source === 'string' && item.source.trim() ? item.source.trim() : undefined;
      return `data-inclusion:${idPart(source && !rawId.startsWith(`${source}--`) ? `${source}--${rawId}` : rawId)}`;
    },
    read(item, id, issues) {
      const kind = dataInclusionKind(item.typologie, item.reseaux_porteurs);
      if (!kind) {
        const shown = item.typologie ?? item.reseaux_porteurs;
        return shown ? `typologie/reseaux_porteurs: unknown kind ${describeValue(shown)}` : 'typologie/reseaux_porteurs: missing';
      }
      const name = cleanText(item.nom, 'nom', issues, 200);
      if (!name) return 'nom: empty';
      const postcode = cleanPostcode(item.code_postal);
      const town = cleanText(item.commune, 'commune', issues, 100);
      const insee = typeof item.code_insee === 'string' ? item.code_insee.trim() : undefined;
      const commune = resolveCommune(postcode, town, insee);
      if (!commune) return 'code_insee/code_postal/commune: commune not found';
      const lat = coordinate(item.latitude, -90, 90);
      const lng = coordinate(item.longitude, -180, 180);
      let hasPoint = lat !== undefined && lng !== undefined && !(lat === 0 && lng === 0);
      if (hasPoint && haversineKm({ lat: lat!, lng: lng! }, { lat: commune.lat, lng: commune.lng }) > MAX_KM_FROM_COMMUNE) {
        hasPoint = false;
        issues.warn('latitude/longitude', `more than ${MAX_KM_FROM_COMMUNE} km from the commune, commune point used`);
      } else if (!hasPoint && (item.latitude != null || item.longitude != null)) issues.warn('latitude/longitude', 'not a valid point, commune point used');
      const line1 = cleanText(item.adresse, 'adresse', issues, 200);
      const line2 = cleanText(item.complement_adresse, 'complement_adresse', issues, 200);
      const updatedAt = isoDate(item.date_maj);
      if (!updatedAt) issues.warn('date_maj', 'missing or not a date, import date used');
      const input: StructureInput = {
        id,
        name,
        kind,
        ...placeFields(commune, { line1, line2, postcode }),
        location: hasPoint ? { lat: lat!, lng: lng!, precision: 'address' } : { lat: commune.lat, lng: commune.lng, precision: 'commune' },
        source: { kind: 'data-inclusion', label },
        updatedAt: updatedAt ?? todayIso(options),
        ...jsonContactFields(item, issues),
      };
      const openingHours = cleanText(item.horaires_accueil, 'horaires_accueil', issues, 500);
      if (openingHours) input.openingHours = openingHours;
      const description = cleanText(item.description ?? item.presentation_detail ?? item.presentation_resume, 'description', issues, 2000, { multiline: true });
      if (description) input.description = description;
      return input;
    },
  });
}
