import { haversineKm } from '../../territory';
import type { StructureInput } from '../structure';
import { RowIssues, cleanEmail, cleanPhone, cleanPostcode, cleanSiret, cleanText, cleanWebsite, describeValue, idPart, validateStructure } from './fields';
import { isObject, isoDate, recordsOf } from './json';
import { dataInclusionKind } from './kindMaps';
import { MAX_IMPORT_RECORDS, todayIso, type CommuneResolver, type ImportOptions, type ImportResult } from './types';

/**
 * data·inclusion structures (schema "structure": id, source, siret, nom, commune, code_postal,
 * code_insee, adresse, complement_adresse, longitude, latitude, telephone, courriel, site_web,
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
  const read = recordsOf(json, ['items', 'results']);
  if ('error' in read) return { structures: [], rejected: [{ line: 1, reason: read.error }], warnings: [] };
  const result: ImportResult = { structures: [], rejected: [], warnings: [] };
  const seen = new Map<string, number>();
  const label = options.sourceLabel ?? DATA_INCLUSION_SOURCE_LABEL;
  read.records.forEach((item, index) => {
    const line = index + 1;
    if (index >= MAX_IMPORT_RECORDS) {
      if (index === MAX_IMPORT_RECORDS) result.rejected.push({ line, reason: `file: more than ${MAX_IMPORT_RECORDS} records, the rest is ignored` });
      return;
    }
    if (!isObject(item)) return void result.rejected.push({ line, reason: 'record: not an object' });
    const issues = new RowIssues(line);
    const rawId = typeof item.id === 'string' ? item.id.trim() : typeof item.id === 'number' ? String(item.id) : '';
    if (!rawId) return void result.rejected.push({ line, reason: 'id: missing' });
    const source = typeof item.source === 'string' && item.source.trim() ? item.source.trim() : undefined;
    const id = `data-inclusion:${idPart(source && !rawId.startsWith(`${source}--`) ? `${source}--${rawId}` : rawId)}`;
    if (seen.has(id)) return void result.rejected.push({ line, reason: `id: same id as record ${seen.get(id)}` });
    const kind = dataInclusionKind(item.typologie, item.reseaux_porteurs);
    if (!kind) {
      const shown = item.typologie ?? item.reseaux_porteurs;
      return void result.rejected.push({ line, reason: shown ? `typologie/reseaux_porteurs: unknown kind ${describeValue(shown)}` : 'typologie/reseaux_porteurs: missing' });
    }
    const name = cleanText(item.nom, 'nom', issues, 200);
    if (!name) return void result.rejected.push({ line, reason: 'nom: empty' });
    const postcode = cleanPostcode(item.code_postal);
    const town = cleanText(item.commune, 'commune', issues, 100);
    const insee = typeof item.code_insee === 'string' ? item.code_insee.trim() : undefined;
    const commune = resolveCommune(postcode, town, insee);
    if (!commune) return void result.rejected.push({ line, reason: 'code_insee/code_postal/commune: commune not found' });
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
      address: { communeName: commune.name, ...(line1 ? { line1 } : {}), ...(line2 ? { line2 } : {}), ...(postcode ? { postcode } : {}) },
      territory: { communeInsee: commune.insee, departement: commune.departement, region: commune.region, ...(commune.epci ? { epci: commune.epci } : {}) },
      location: hasPoint ? { lat: lat!, lng: lng!, precision: 'address' } : { lat: commune.lat, lng: commune.lng, precision: 'commune' },
      source: { kind: 'data-inclusion', label },
      updatedAt: updatedAt ?? todayIso(options),
    };
    const siret = cleanSiret(item.siret, 'siret', issues);
    if (siret) input.siret = siret;
    const phone = cleanPhone(item.telephone, 'telephone', issues);
    if (phone) input.phone = phone;
    const email = cleanEmail(item.courriel, 'courriel', issues);
    if (email) input.email = email;
    const website = cleanWebsite(item.site_web, 'site_web', issues);
    if (website) input.website = website;
    const description = cleanText(item.description ?? item.presentation_detail ?? item.presentation_resume, 'description', issues, 2000, { multiline: true });
    if (description) input.description = description;
    const checked = validateStructure(input, line);
    if ('rejection' in checked) return void result.rejected.push(checked.rejection);
    seen.set(id, line);
    result.structures.push(checked.structure);
    result.warnings.push(...issues.warnings);
  });
  return result;
}
