/** Territory knowledge: French communes, areas and the places people type (issue 4). */
export type {
  CommuneRecord,
  DepartementRecord,
  EpciRecord,
  LatLng,
  LoadStats,
  Place,
  PlaceType,
  RegionRecord,
  ResolveContext,
  ResolveResult,
  ZoneRecord,
} from './types';
export { loadTerritory, type TerritoryData } from './load';
export { getTerritory, type Territory } from './territory';
export { normalizeText, stripArticle } from './normalize';
export { stripPlaceFillers } from './fillers';
export { resolvePlace, resolveInsee, resolveCommuneByPostcode, warmUpTerritory, MAX_INPUT_LENGTH, type ResolveOptions } from './resolve';
export { servedPlace, isInside, liaisonOf, placeContext, refOf, SERVED_TYPES, type Liaison } from './served';
export {
  haversineKm,
  distanceKm,
  boundingBox,
  inBoundingBox,
  latLngDeltas,
  nearestCommunes,
  communesOf,
  anchorOf,
  type BoundingBox,
  type NearbyCommune,
  type NearestOptions,
} from './geometry';
export { editDistance } from './fuzzy';
