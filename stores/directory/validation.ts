import { z } from 'zod';
import { STRUCTURE_KINDS } from '../../knowledge/directory/kinds';
import { structureSchema, type Structure } from '../../knowledge/directory/structure';
import { canonical } from './canonical';
import type { AreaQuery, RadiusQuery, StatsArea } from '../../knowledge/directory/directoryPort';
import { InvalidDirectoryQueryError, InvalidStructureError } from './errors';

/** Largest page a query may ask for. */
export const MAX_PAGE_SIZE = 1000;
/** Half the Earth's circumference is ~20,015 km: any radius beyond covers everything. */
const MAX_RADIUS_KM = 40_075;

/** Validates a batch (all or nothing) and returns the canonical records; refuses an id given twice. */
export function validateStructures(batch: readonly unknown[]): Structure[] {
  if (!Array.isArray(batch)) throw new InvalidStructureError(0, undefined, '', 'expected an array of structures');
  const seen = new Set<string>();
  return batch.map((input, index) => {
    const parsed = structureSchema.safeParse(input);
    const rawId = (input as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' && rawId.length <= 100 ? rawId : undefined;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? issue.path.map(String).join('.') : '';
      throw new InvalidStructureError(index, id, field, issue?.message ?? 'invalid', { cause: parsed.error });
    }
    if (seen.has(parsed.data.id)) throw new InvalidStructureError(index, parsed.data.id, 'id', 'the same id appears twice in the batch');
    seen.add(parsed.data.id);
    return canonical(parsed.data);
  });
}

const kinds = z.array(z.enum(STRUCTURE_KINDS)).max(STRUCTURE_KINDS.length * 4).optional();
/** Free text is data: any string is accepted (it is folded and matched in the application). */
const text = z.string().optional();
const page = {
  limit: z.number().int().min(0).max(MAX_PAGE_SIZE),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
};
const communeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/);
const departement = z.string().regex(/^(\d{2,3}|2[AB])$/);
const region = z.string().regex(/^\d{2}$/);

const radiusQuery = z
  .object({
    /** Extra keys (a record's `location.precision`…) are dropped: only lat and lng are read. */
    center: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
    radiusKm: z.number().min(0).max(MAX_RADIUS_KM),
    kinds,
    text,
    ...page,
  })
  .strict();

const areaQuery = z
  .object({ communes: z.array(communeCode).max(100_000).optional(), departement: departement.optional(), region: region.optional(), kinds, text, ...page })
  .strict();

const statsArea = z.union([
  z.object({ all: z.literal(true) }).strict(),
  z.object({ departement }).strict(),
  z.object({ region }).strict(),
  z.object({ communes: z.array(communeCode).max(100_000).optional() }).strict(),
]);

function parse<T>(schema: z.ZodType<T>, operation: string, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InvalidDirectoryQueryError(operation, issue ? issue.path.map(String).join('.') : '', issue?.message ?? 'invalid', { cause: parsed.error });
}

export const parseRadiusQuery = (input: RadiusQuery): RadiusQuery => parse(radiusQuery, 'search', input);
export const parseAreaQuery = (input: AreaQuery): AreaQuery => parse(areaQuery, 'inArea', input);
export const parseStatsArea = (input: StatsArea): StatsArea => parse(statsArea, 'statsByKind', input);

export function parseId(operation: string, id: unknown): string {
  if (typeof id !== 'string') throw new InvalidDirectoryQueryError(operation, 'id', 'expected a string');
  return id;
}

export function parseIds(operation: string, ids: unknown): string[] {
  if (!Array.isArray(ids)) throw new InvalidDirectoryQueryError(operation, 'ids', 'expected an array of strings');
  return ids.map((id, i) => {
    if (typeof id !== 'string') throw new InvalidDirectoryQueryError(operation, `ids.${i}`, 'expected a string');
    return id;
  });
}
