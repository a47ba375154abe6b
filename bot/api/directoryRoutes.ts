import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { DEFAULT_RADIUS_KM, PARTNER_KINDS, STRUCTURE_KINDS } from '../../knowledge/directory/kinds';
import { areaOf, type DirectoryReader } from '../../knowledge/directory/directoryPort';
import { findStructures, searchesAround } from '../../knowledge/directory/findStructures';
import { MAX_INPUT_LENGTH, resolvePlace, type Place } from '../../knowledge/territory';
import { sendProblem, sendValidationProblem } from '../http/problem';

export const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const placesQuery = z.object({ q: text(MAX_INPUT_LENGTH) }).strict();

const kindList = z
  .string()
  .trim()
  .transform((value) => value.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.enum(STRUCTURE_KINDS, { message: `must be among ${STRUCTURE_KINDS.join(', ')}` })).min(1).max(STRUCTURE_KINDS.length));

const structuresQuery = z
  .object({
    near: text(MAX_INPUT_LENGTH),
    radiusKm: z.coerce.number().gt(0, 'must be more than 0').max(200, 'must be at most 200').optional(),
    kind: kindList.optional(),
    q: text(100).optional(),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    offset: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(MAX_OFFSET).optional(),
  })
  .strict();

const statsQuery = z.object({ territory: text(MAX_INPUT_LENGTH) }).strict();

/** A place as the API shows it. */
function placeOut(place: Place) {
  return {
    type: place.type,
    code: place.code,
    label: place.label,
    ...(place.departement ? { departement: place.departement } : {}),
    ...(place.region ? { region: place.region } : {}),
    ...(place.center ? { center: place.center } : {}),
  };
}

/** Resolves what a client typed to one place, or answers 400 naming the field (with candidates when ambiguous). */
function onePlace(res: Response, typed: string, field: string): Place | undefined {
  const result = resolvePlace(typed);
  if (result.status === 'found') return result.place;
  if (result.status === 'not_found') {
    sendProblem(res, 400, 'unknown_place', `${field}: no place matches "${typed.slice(0, 60)}"`, field);
    return undefined;
  }
  res.send(400, {
    error: {
      code: result.status === 'ambiguous' ? 'ambiguous_place' : 'unknown_place',
      message: `${field}: several places match; choose one of the candidates (send its code)`,
      field,
      candidates: result.candidates.map(placeOut),
    },
  });
  return undefined;
}

function queryOf(req: Request): Record<string, unknown> {
  const query = (req.query ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(query)) if (Array.isArray(value)) query[key] = value.join(',');
  return query;
}

/**
 * The read-only directory API for partner tools and advisers:
 * `GET /api/v1/places?q=`, `GET /api/v1/structures?near=&radiusKm=&kind=&q=&limit=&offset=`,
 * `GET /api/v1/stats?territory=`.
 */
export function registerDirectoryRoutes(server: Server, directory: DirectoryReader): void {
  server.get('/api/v1/places', async (req: Request, res: Response) => {
    const parsed = placesQuery.safeParse(queryOf(req));
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    const result = resolvePlace(parsed.data.q);
    const places = result.status === 'found' ? [result.place] : result.status === 'not_found' ? [] : result.candidates;
    res.send(200, { query: parsed.data.q, status: result.status, places: places.map(placeOut) });
  });

  server.get('/api/v1/structures', async (req: Request, res: Response) => {
    const parsed = structuresQuery.safeParse(queryOf(req));
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    const { near, kind, q } = parsed.data;
    const place = onePlace(res, near, 'near');
    if (!place) return;
    const onlyPartners = kind !== undefined && kind.every((k) => (PARTNER_KINDS as readonly string[]).includes(k));
    const radiusKm = parsed.data.radiusKm ?? (onlyPartners ? DEFAULT_RADIUS_KM.partners : DEFAULT_RADIUS_KM.employers);
    const limit = Math.min(parsed.data.limit ?? 20, MAX_LIMIT);
    const offset = parsed.data.offset ?? 0;
    const found = await findStructures(directory, { place, radiusKm, kinds: kind, text: q, limit, offset });
    res.send(200, {
      place: placeOut(place),
      mode: found.mode,
      ...(searchesAround(place) ? { radiusKm } : {}),
      total: found.total,
      limit,
      offset,
      items: found.items.map((i) => ({
        ...i.structure,
        ...(i.distanceKm !== undefined ? { distanceKm: Math.round(i.distanceKm * 100) / 100 } : {}),
      })),
    });
  });

  server.get('/api/v1/stats', async (req: Request, res: Response) => {
    const parsed = statsQuery.safeParse(queryOf(req));
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    const place = onePlace(res, parsed.data.territory, 'territory');
    if (!place) return;
    if (place.type === 'coords') {
      return sendProblem(res, 400, 'not_a_territory', 'territory: give a commune, postal code, EPCI, zone, département or région', 'territory');
    }
    const byKind = await directory.statsByKind(areaOf(place));
    res.send(200, {
      territory: placeOut(place),
      byKind,
      total: {
        structures: byKind.reduce((n, k) => n + k.structures, 0),
        posts: byKind.reduce((n, k) => n + k.posts, 0),
      },
    });
  });
}

