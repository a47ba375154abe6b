import { haversineKm } from '../../knowledge/territory/geometry';
import type { LatLng } from '../../knowledge/territory/types';
import { searchBox, type SearchBox } from '../../stores/directory/searchBox';
import { destination, seededRandom } from '../support/structures';

const inside = (p: LatLng, box: SearchBox) =>
  p.lat >= box.minLat && p.lat <= box.maxLat && box.lngRanges.some(([min, max]) => p.lng >= min && p.lng <= max);

describe('the search box of a radius query', () => {
  it('holds every point of the circle, for random centres (poles and antimeridian included) and radii', () => {
    const random = seededRandom(99);
    const centers: LatLng[] = [
      { lat: -14.3, lng: 179.99 },
      { lat: -14.3, lng: -180 },
      { lat: 89.95, lng: 12 },
      { lat: -89.9, lng: -170 },
      { lat: 0, lng: 180 },
      ...Array.from({ length: 200 }, () => ({ lat: random() * 180 - 90, lng: random() * 360 - 180 })),
    ];
    for (const center of centers) {
      for (const radiusKm of [0, 0.5, 5, 25, 100, 1000, 5000]) {
        const box = searchBox(center, radiusKm);
        for (let bearing = 0; bearing < 360; bearing += 3) {
          const p = destination(center, radiusKm, bearing);
          if (haversineKm(center, p) <= radiusKm && !inside(p, box)) throw new Error(`${JSON.stringify({ center, radiusKm, bearing, p, box })}`);
        }
      }
    }
  });

  it('splits at the antimeridian and opens to every longitude around a pole', () => {
    expect(searchBox({ lat: -14.3, lng: 179.99 }, 15).lngRanges).toHaveLength(2);
    expect(searchBox({ lat: 89.95, lng: 0 }, 15).lngRanges).toEqual([[-180, 180]]);
    expect(searchBox({ lat: 46, lng: 2 }, 25).lngRanges).toHaveLength(1);
  });

  it('is tight for France: a 25 km box is about 50 km tall', () => {
    const box = searchBox({ lat: 46, lng: 2 }, 25);
    expect((box.maxLat - box.minLat) * 111.2).toBeGreaterThan(49.9);
    expect((box.maxLat - box.minLat) * 111.2).toBeLessThan(50.1);
  });
});
