import type { TFunction } from 'i18next';
import { translator } from '../../locales/i18n';
import { frenchPlace, type FrenchPlaceForms } from '../../knowledge/text/frenchPlace';
import { isInside, liaisonOf, servedPlace, type Place } from '../../knowledge/territory';
import { placeChoiceLabel } from './place/placeLabel';

/**
 * A place as the dialogs say it, and the served territory: « à moins de 25 km du Lamentin », « au
 * François », « hors de la Martinique », « du Nord », « de La Réunion », « de l'Ain ». The elision
 * and contraction come from knowledge/text/frenchPlace (the article of a commune is in its INSEE name,
 * a département's is its INSEE « type de nom en clair »); the common nouns of areas (« la zone … »,
 * « le code postal … ») from the locales.
 */

/** The i18n params of a place: `place` (its name, for every language), `ofPlace` and `atPlace` (French: after « de », where). */
export type PlaceWords = {
  place: string;
  ofPlace: string;
  atPlace: string;
};

/**
 * The French forms of a place's name: a commune's from its name, an area's from its article or common
 * noun. French whatever the turn's language (English sentences take `place`), so the common nouns
 * (`territory:named.*`) are read in French; their English values only keep the two files alike.
 */
export function frenchPlaceOf(place: Place): FrenchPlaceForms {
  const fr = translator('fr');
  switch (place.type) {
    case 'departement':
    case 'region':
    case 'country': {
      const liaison = place.type === 'country' ? 'de_la' : liaisonOf(place);
      return frenchPlace(place.label, { kind: 'area', liaison: liaison === 'zone' ? 'de_la' : liaison });
    }
    case 'epci':
    case 'zone':
      return frenchPlace(fr(`territory:named.${place.type}`, { name: place.label }), { kind: 'area' });
    case 'postcode': {
      const names = place.label.includes(' : ') ? place.label.slice(place.label.indexOf(' : ') + 3) : '';
      return frenchPlace(names ? fr('territory:named.postcode', { code: place.code, names }) : fr('territory:named.postcodeAlone', { code: place.code }), { kind: 'area' });
    }
    case 'coords':
      return frenchPlace(fr('territory:named.coords', { name: place.label }), { kind: 'area' });
    default:
      return frenchPlace(placeChoiceLabel(place));
  }
}

/** `{ place, ofPlace, atPlace }` for a translation: « Le Lamentin (972) », « du Lamentin (972) », « au Lamentin (972) ». */
export function placeWords(place: Place): PlaceWords {
  const forms = frenchPlaceOf(place);
  return { place: placeChoiceLabel(place), ofPlace: forms.of, atPlace: forms.at };
}

/** `{ name, ofName, atName }` for a structure's or an organisation's name: « envoyée au Relais », « chez … ». */
export function nameWords(name: string): { name: string; ofName: string; atName: string } {
  const forms = frenchPlace(name);
  return { name, ofName: forms.of, atName: forms.at };
}

/** « de la Martinique » / "Martinique": the served territory's name after « hors », « de »… (the translation's own language). */
export function ofTerritory(t: TFunction, served: Place): string {
  return t('territory:of', placeWords(served));
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
  return hasResults ? t(`territory:outside.${kind}`, placeWords(served)) : t(`territory:outsideEmpty.${kind}`, placeWords(served));
}
