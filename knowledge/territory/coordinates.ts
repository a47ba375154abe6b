import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../projectFiles';
import type { LatLng } from './types';

/** The shipped file: one point per current commune and municipal arrondissement (see data/README in shared). */
export const COORDINATES_FILE = projectPath('knowledge', 'territory', 'data', 'communes-coordinates.csv');

/**
 * One CSV line: INSEE code (5 digits or 2A/2B + 3), latitude, longitude, plain decimals (an empty or
 * non-numeric cell is rejected, never read as 0). One zod regex per line: the file has 34,972 lines.
 */
export const CoordinateLine = z
  .string()
  .regex(/^(?:\d{5}|2[AB]\d{3}),-?\d{1,2}(?:\.\d{1,7})?,-?\d{1,3}(?:\.\d{1,7})?$/, 'expected insee,lat,lng');

/** Reads and validates `insee,lat,lng`; throws with the line number of the first bad row. */
export function readCoordinates(file = COORDINATES_FILE): Map<string, LatLng> {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  if (lines[0] !== 'insee,lat,lng') throw new Error(`${file}: unexpected header "${lines[0]}"`);
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const body = lines.slice(1);
  const parsed = z.array(CoordinateLine).safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const row = typeof issue.path[0] === 'number' ? issue.path[0] : -1;
    throw new Error(`${file}:${row + 2}: invalid row "${body[row] ?? ''}" (${issue.message})`);
  }
  const points = new Map<string, LatLng>();
  body.forEach((line, i) => {
    const [insee = '', latText = '', lngText = ''] = line.split(',');
    const lat = Number(latText);
    const lng = Number(lngText);
    if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new Error(`${file}:${i + 2}: point out of range "${line}"`);
    if (points.has(insee)) throw new Error(`${file}:${i + 2}: duplicate code ${insee}`);
    points.set(insee, { lat, lng });
  });
  return points;
}
