import type { StructureKind } from '../../knowledge/directory/kinds';

/** The few fields a search needs to filter and sort, before loading the page's full records. */
export interface Candidate {
  id: string;
  name: string;
  kind: StructureKind;
  lat: number;
  lng: number;
  /** The name folded for sorting (accents and case ignored), when computed ahead (the spatial index does). */
  folded?: string;
  /** Present when the query has a text filter. */
  sectors?: string[];
  description?: string;
}

/** Fields to read for candidates, as a projection both NeDB and MongoDB accept. */
export function candidateProjection(withText: boolean): Record<string, 1> {
  const fields: Record<string, 1> = { id: 1, name: 1, kind: 1, 'location.lat': 1, 'location.lng': 1 };
  if (withText) Object.assign(fields, { sectors: 1, description: 1 });
  return fields;
}

interface ProjectedRow {
  id: string;
  name: string;
  kind: StructureKind;
  location: { lat: number; lng: number };
  sectors?: string[];
  description?: string;
}

export function candidateOf(row: ProjectedRow): Candidate {
  const candidate: Candidate = { id: row.id, name: row.name, kind: row.kind, lat: row.location.lat, lng: row.location.lng };
  if (row.sectors) candidate.sectors = row.sectors;
  if (row.description !== undefined) candidate.description = row.description;
  return candidate;
}
