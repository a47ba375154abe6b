import type { TFunction } from 'i18next';
import { isInside, liaisonOf, servedPlace, type Place } from '../../knowledge/territory';

/**
 * The territory the guichet serves, as the dialogs say it: « de la Martinique », « du Nord »,
 * « de La Réunion », « de l'Ain » (the liaison comes from INSEE's data, the words from the locales).
 */

/** « de la Martinique » / "Martinique": the served territory's name after « hors », « de »… */
export function ofTerritory(t: TFunction, served: Place): string {
  return t(`territory:of_${liaisonOf(served)}`, { name: served.label });
}

/** The served place of a TERRITORY code, or undefined for the whole country. */
export function servedArea(territory: string | undefined): Place | undefined {
  const place = territory ? servedPlace(territory) : undefined;
  return place && place.type !== 'country' ? place : undefined;
}

/**
 * One sentence when a searched place is outside the served territory (« Cette commune est hors de
 * la Martinique ; voici les structures les plus proches. »), or undefined when it is inside or the
 * guichet serves the whole country.
 */
export function outsideSentence(t: TFunction, place: Place, territory: string | undefined, hasResults: boolean): string | undefined {
  const served = servedArea(territory);
  if (!served || isInside(place, served)) return undefined;
  const kind = place.type === 'commune' || place.type === 'arrondissement' ? 'commune' : place.type === 'postcode' || place.type === 'coords' ? place.type : 'area';
  return hasResults ? t(`territory:outside.${kind}`, { of: ofTerritory(t, served) }) : t(`territory:outsideEmpty.${kind}`, { of: ofTerritory(t, served) });
}
