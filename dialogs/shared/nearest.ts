import type { DirectoryReader } from '../../knowledge/directory/directoryPort';
import type { StructureKind } from '../../knowledge/directory/kinds';
import type { LatLng } from '../../knowledge/territory';

/** How far to look for the nearest office of a kind: near first, then the whole area around. */
const RADII_KM = [25, 100] as const;

/** The nearest structure of a kind around a point (within 100 km), with its distance. */
export async function nearestOf(directory: DirectoryReader, center: LatLng, kind: StructureKind) {
  for (const radiusKm of RADII_KM) {
    const found = await directory.search({ center, radiusKm, kinds: [kind], limit: 1, offset: 0 });
    if (found.items[0]) return found.items[0];
  }
  return undefined;
}
