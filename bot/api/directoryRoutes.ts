import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { DEFAULT_RADIUS_KM, PARTNER_KINDS, STRUCTURE_KINDS } from '../../knowledge/directory/kinds';
import { areaOf, type DirectoryReader } from '../../knowledge/directory/directoryPort';
import { figuresOf } from '../../knowledge/directory/figures';
import { findStructures, searchesAround } from '../../knowledge/directory/findStructures';
import { isInside, MAX_INPUT_LENGTH, refOf, resolvePlace, servedPlace, type Place } from '../../knowledge/territory';
import { sendProblem, sendValidationProblem } from '../http/problem';

export const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The territory a call is answered for; absent: the guichet's own (TERRITORY). "FR": the whole country. */
const territoryParam = text(MAX_INPUT_LENGTH).optional();

export const placesQuery = z.object({ q: text(MAX_INPUT_LENGTH), territory: territoryParam }).strict();

const kindList = z
  .string()
  .trim()
  .transform((value) => value.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean))
  .pipe(z.array(z.enum(STRUCTURE_KINDS, { message: `must be among ${STRUCTURE_KINDS.join(', ')}` })).min(1).max(STRUCTURE_KINDS.length));

export const structuresQuery = z
  .object({
    near: text(MAX_INPUT_LENGTH),
    territory: territoryParam,
    radiusKm: z.coerce.number().gt(0, 'must be more than 0').max(200, 'must be at most 200').optional(),
    kind: kindList.optional(),
    q: text(100).optional(),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
    offset: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(MAX_OFFSET).optional(),
  })
  .strict();

export const statsQuery = z.object({ territory: territoryParam, kind: kindList.optional() }).strict();

/** A place as the API shows it; `ref` ("region:02", "commune:13001") is accepted back wherever a place is taken, `code` too when no other place has it. */
function placeOut(place: Place) {
  return {
    type: place.type,
    code: place.code,
    ref: refOf(place),
    label: place.label,
    ...(place.departement ? { departement: place.departement } : {}),
    ...(place.region ? { region: place.region } : {}),
    ...(place.center ? { center: place.center } : {}),
  };
}

/** The guichet's territory for this call: the `territory` parameter when given ("FR": none), else the configured one. */
interface CallTerritory {
  /** Undefined: the whole country. */
  served?: Place;
}

/**
 * Resolves what a client typed to one place (every code the API returns is read back), or answers
 * 400 naming the field (with candidates when ambiguous).
 */
function onePlace(res: Response, typed: string, field: string, served?: Place): Place | undefined {
  const result = resolvePlace(typed, served ? { territory: refOf(served) } : undefined, { codes: true });
  if (result.status === 'found') return result.place;
  if (result.status === 'not_found') {
    sendProblem(res, 400, 'unknown_place', `${field}: no place matches "${typed.slice(0, 60)}"`, field);
    return undefined;
  }
  res.send(400, {
    error: {
      code: result.status === 'ambiguous' ? 'ambiguous_place' : 'unknown_place',
      message: `${field}: ${result.status === 'ambiguous' ? 'several places match' : 'no place matches exactly'}; send the ref of one of the candidates`,
      field,
      candidates: result.candidates.map(placeOut),
    },
  });
  return undefined;
}

/** The `territory` parameter of a call, else the configured territory; undefined after a 400. */
function callTerritory(res: Response, typed: string | undefined, configured: Place | undefined): CallTerritory | undefined {
  if (typed === undefined) return { served: configured };
  // A name is read on the configured territory first (« Nord » is its zone).
  const place = onePlace(res, typed, 'territory', configured);
  if (!place) return undefined;
  if (place.type === 'coords') {
    sendProblem(res, 400, 'not_a_territory', 'territory: give a commune, postal code, EPCI, zone, département, région or FR', 'territory');
    return undefined;
  }
  return { served: place.type === 'country' ? undefined : place };
}

/** The territory a response reports: null for the whole country. */
const territoryOut = (served: Place | undefined) => (served ? placeOut(served) : null);

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
export function registerDirectoryRoutes(server: Server, directory: DirectoryReader, options: DirectoryRouteOptions = {}): void {
  const configured = options.territory ? servedOrThrow(options.territory) : undefined;

  server.get('/api/v1/places', async (req: Request, res: Response) => {
    const parsed = placesQuery.safeParse(queryOf(req));
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    const call = callTerritory(res, parsed.data.territory, configured);
    if (!call) return;
    const result = resolvePlace(parsed.data.q, call.served ? { territory: refOf(call.served) } : undefined, { codes: true });
    const places = result.status === 'found' ? [result.place] : result.status === 'not_found' ? [] : result.candidates;
    res.send(200, {
      query: parsed.data.q,
      territory: territoryOut(call.served),
      status: result.status,
      places: places.map((p) => ({ ...placeOut(p), ...(call.served ? { insideTerritory: isInside(p, call.served) } : {}) })),
    });
  });

  server.get('/api/v1/structures', async (req: Request, res: Response) => {
    const parsed = structuresQuery.safeParse(queryOf(req));
    if (!parsed.success) return sendValidationProblem(res, parsed.error);
    const { near, kind, q } = parsed.data;
    const call = callTerritory(res, parsed.data.territory, configured);
    if (!call) return;
    const place = onePlace(res, near, 'near', call.served);
    if (!place) return;
    const onlyPartners = kind !== undefined && kind.every((k) => (PARTNER_KINDS as readonly string[]).includes(k));
    const radiusKm = parsed.data.radiusKm ?? (onlyPartners ? DEFAULT_RADIUS_KM.partners : DEFAULT_RADIUS_KM.employers);
    const limit = Math.min(parsed.data.limit ?? 20, MAX_LIMIT);
    const offset = parsed.data.offset ?? 0;
    const found = await findStructures(directory, { place, radiusKm, kinds: kind, text: q, limit, offset });
    res.send(200, {
      place: placeOut(place),
      territory: territoryOut(call.served),
      ...(call.served ? { insideTerritory: isInside(place, call.served) } : {}),
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
    const call = callTerritory(res, parsed.data.territory, configured);
    if (!call) return;
    const area = call.served ?? servedPlace('FR')!;
    const figures = figuresOf(await directory.statsByKind(areaOf(area)), parsed.data.kind);
    res.send(200, { territory: placeOut(area), ...figures });
  });
}

export interface DirectoryRouteOptions {
  /** The territory the guichet serves (TERRITORY code); absent: the whole country. Each call may override it with `territory`. */
  territory?: string;
}

function servedOrThrow(code: string): Place | undefined {
  const place = servedPlace(code);
  if (!place) throw new Error(`registerDirectoryRoutes: unknown territory ${code}`);
  return place.type === 'country' ? undefined : place;
}
