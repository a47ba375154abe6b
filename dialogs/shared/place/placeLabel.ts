import type { Place } from '../../../knowledge/territory';

/** How a place is shown in a list to choose from: "Sainte-Luce (972)", "97200". */
export function placeChoiceLabel(place: Place): string {
  if (place.type === 'commune' || place.type === 'arrondissement') {
    return place.departement ? `${place.label} (${place.departement})` : place.label;
  }
  return place.label;
}
