import {
  anchorOf,
  boundingBox,
  communesOf,
  distanceKm,
  haversineKm,
  inBoundingBox,
  latLngDeltas,
  nearestCommunes,
} from '../../knowledge/territory/geometry';
import { loadTerritory, type TerritoryData } from '../../knowledge/territory/load';
import { resolveInsee, resolvePlace } from '../../knowledge/territory/resolve';
import type { LatLng, Place } from '../../knowledge/territory/types';

let data: TerritoryData;
beforeAll(() => {
  data = loadTerritory();
});

const point = (code: string): LatLng => {
  const center = data.communes.get(code)?.center;
  if (!center) throw new Error(`no point for ${code}`);
  return center;
};
const found = (text: string): Place => {
  const r = resolvePlace(text);
  if (r.status !== 'found') throw new Error(`${text}: ${r.status}`);
  return r.place;
};

describe('haversine distances from shared/data/README.md', () => {
  test.each([
    ['Fort-de-France', '97209', 'Le Lamentin', '97213', 8.31, 0.01],
    ['Fort-de-France', '97209', 'Schœlcher', '97229', 3.41, 0.01],
    ['Fort-de-France', '97209', 'Sainte-Luce', '97227', 21.84, 0.01],
    ['Paris 1er', '75101', 'Paris 20e', '75120', 4.75, 0.01],
    ['Lyon 1er', '69381', 'Lyon 8e', '69388', 5.11, 0.01],
    ['Marseille 1er', '13201', 'Marseille 16e', '13216', 9.24, 0.01],
    ['Paris', '75056', 'Lyon', '69123', 392.8, 0.5],
    ['Paris', '75056', 'Marseille', '13055', 662.6, 0.5],
  ])('%s – %s', (_a, codeA, _b, codeB, km, tolerance) => {
    expect(Math.abs(haversineKm(point(codeA), point(codeB)) - km)).toBeLessThanOrEqual(tolerance);
  });

  test('is symmetric and zero on the same point', () => {
    expect(haversineKm(point('97209'), point('97213'))).toBeCloseTo(haversineKm(point('97213'), point('97209')), 10);
    expect(haversineKm(point('97209'), point('97209'))).toBe(0);
  });

  test('between places; undefined when a place has no point (never guessed)', () => {
    expect(distanceKm(found('Fort-de-France'), found('Le Lamentin'))).toBeCloseTo(8.31, 1);
    expect(distanceKm(found('Fort-de-France'), resolveInsee('97801')!)).toBeUndefined();
    expect(distanceKm(found('Farino'), found('Nouméa'))).toBeUndefined();
  });
});

describe('bounding box for a radius', () => {
  test('contains every point of the circle (checked on a ring of 360 points)', () => {
    for (const [center, radius] of [[point('97209'), 25], [point('75056'), 100], [{ lat: 70, lng: 20 }, 50]] as Array<[LatLng, number]>) {
      const box = boundingBox(center, radius);
      for (let bearing = 0; bearing < 360; bearing++) {
        const b = (bearing * Math.PI) / 180;
        const d = (radius * 0.999) / 6371.0088;
        const lat1 = (center.lat * Math.PI) / 180;
        const lng1 = (center.lng * Math.PI) / 180;
        const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
        const lng2 = lng1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        expect(inBoundingBox({ lat: (lat2 * 180) / Math.PI, lng: (lng2 * 180) / Math.PI }, box)).toBe(true);
      }
    }
  });

  test('gives deltas for an indexed range query', () => {
    const { dLat, dLng } = latLngDeltas(14.64, 10);
    expect(dLat).toBeCloseTo(10 / 111.195, 4);
    expect(dLng).toBeGreaterThan(dLat);
    const box = boundingBox({ lat: 14.64, lng: -61.07 }, 10);
    expect(box.minLat).toBeCloseTo(14.64 - dLat, 6);
    expect(box.maxLng).toBeLessThan(-60.9);
  });

  test('wraps across the antimeridian (Wallis-et-Futuna)', () => {
    const box = boundingBox({ lat: -14.3, lng: -178.1 }, 300);
    expect(box.minLng).toBeGreaterThan(box.maxLng);
    expect(inBoundingBox({ lat: -14.3, lng: 179.5 }, box)).toBe(true);
    expect(inBoundingBox({ lat: -14.3, lng: 0 }, box)).toBe(false);
  });

  test('covers all longitudes near a pole', () => {
    expect(boundingBox({ lat: 89.5, lng: 0 }, 100)).toMatchObject({ minLng: -180, maxLng: 180, maxLat: 90 });
  });
});

describe('nearest communes', () => {
  test('around Fort-de-France: itself, then Schœlcher', () => {
    const near = nearestCommunes(point('97209'), { limit: 3 });
    expect(near.map((n) => n.place.code).slice(0, 2)).toEqual(['97209', '97229']);
    expect(near[0]!.distanceKm).toBe(0);
    expect(near[1]!.distanceKm).toBeCloseTo(3.41, 1);
  });

  test('within a radius, sorted by distance', () => {
    const near = nearestCommunes(point('97209'), { limit: 50, maxKm: 10 });
    expect(near.every((n) => n.distanceKm <= 10)).toBe(true);
    expect(near.map((n) => n.place.code)).toEqual(expect.arrayContaining(['97213', '97229', '97224']));
    expect(near.map((n) => n.distanceKm)).toEqual([...near.map((n) => n.distanceKm)].sort((a, b) => a - b));
  });

  test('cities or their arrondissements', () => {
    expect(nearestCommunes(point('75056'), { limit: 1 })[0]!.place.code).toBe('75056');
    expect(nearestCommunes(point('75101'), { limit: 1, arrondissements: true })[0]!.place.code).toBe('75101');
  });
});

describe('communesOf and anchorOf', () => {
  test.each([
    ['Martinique', 34],
    ['Martinique Nord', 18],
    ['CACEM', 4],
    ['Espace Sud', 12],
    ['CA du Pays Nord Martinique', 18],
    ['97250', 3],
    ['Le Lamentin', 1],
    ['Paris 15', 1],
    ['Guadeloupe', 32],
    ['France', 34969],
  ])('%s → %i communes', (text, count) => {
    expect(communesOf(found(text))).toHaveLength(count);
  });

  test('région Île-de-France holds the communes of its eight départements', () => {
    const codes = communesOf(found('Île-de-France'));
    expect(codes).toContain('93066');
    expect(new Set(codes.map((c) => data.communes.get(c)!.departement))).toEqual(new Set(['75', '77', '78', '91', '92', '93', '94', '95']));
  });

  test('Paris with its arrondissements on request', () => {
    expect(communesOf(found('Paris'))).toEqual(['75056']);
    expect(communesOf(found('Paris'), { arrondissements: true })).toHaveLength(21);
  });

  test('a coordinate is not an area', () => {
    expect(communesOf(found('14.6,-61.07'))).toEqual([]);
  });

  test('anchor: own point, else the most populated commune with a point', () => {
    expect(anchorOf(found('Le Lamentin'))).toEqual({ center: point('97213') });
    expect(anchorOf(found('Martinique'))).toEqual({ center: point('97209'), commune: '97209' });
    expect(anchorOf(found('97250'))?.commune).toBe('97225');
    expect(anchorOf(resolveInsee('97801')!)).toBeUndefined();
  });
});
