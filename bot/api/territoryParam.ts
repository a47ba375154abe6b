import { resolvePlace, type Place } from '../../knowledge/territory';

/**
 * The `territory` parameter of an API call, as a client writes it: any code or ref the API returns
 * ("972", "200041788", "972-NORD", "region:02", "97290", "FR") or a name ("Martinique"). Its place
 * when exactly one place that is not a point matches; "FR" is the whole country.
 */
export function territoryOf(typed: string): Place | undefined {
  const result = resolvePlace(typed, undefined, { codes: true });
  return result.status === 'found' && result.place.type !== 'coords' ? result.place : undefined;
}
