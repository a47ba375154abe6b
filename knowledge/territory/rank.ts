import type { TerritoryData } from './load';
import type { NameLevel } from './name-index';
import { isInside, servedPlace } from './served';
import type { Place, ResolveContext, ResolveResult } from './types';

/** How namesakes are ranked and when a short choice must be offered. */

export const MAX_CANDIDATES = 5;
/** An area wins over namesake communes when it has at least this many times their population. */
const AREA_DOMINANCE = 10;

export interface Candidate {
  place: Place;
  level: NameLevel;
}

/** A context ready for ranking: the served territory as a place. */
export interface RankContext extends ResolveContext {
  served?: Place;
}

/**
 * Context with its région filled in from the département ("972" → région "02"); without a
 * département of its own, the served territory's département and région.
 */
export function completeContext(data: TerritoryData, ctx: ResolveContext | undefined): RankContext {
  if (!ctx) return {};
  const known = ctx.territory ? servedPlace(ctx.territory) : undefined;
  // The whole country ranks nothing: as no territory.
  const served = known && known.type !== 'country' ? known : undefined;
  const departement = ctx.departement?.trim().toUpperCase() || served?.departement;
  const region = ctx.region?.trim() || (departement ? data.departements.get(departement)?.region : undefined) || served?.region;
  const out: RankContext = {};
  if (departement) out.departement = departement;
  if (region) out.region = region;
  if (served) {
    out.territory = ctx.territory;
    out.served = served;
  }
  return out;
}

/** 3: inside the served territory, 2: same département as the context, 1: same région, 0: elsewhere or no context. */
export function contextScore(place: Place, ctx: RankContext): number {
  if (ctx.served && place.type !== 'country' && isInside(place, ctx.served)) return 3;
  if (ctx.departement && place.departement === ctx.departement) return 2;
  if (ctx.region && place.region === ctx.region) return 1;
  return 0;
}

export function compareByContextThenPopulation(ctx: RankContext) {
  return (a: Place, b: Place): number => contextScore(b, ctx) - contextScore(a, ctx) || (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code);
}

const placeId = (p: Place) => `${p.type}:${p.code}`;

/** Same place found twice; a région that is one département; a département that is one commune (Paris). */
export function collapse<T extends { place: Place; level?: NameLevel }>(data: TerritoryData, items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const c of items) {
    const known = byId.get(placeId(c.place));
    if (!known || (known.level === 'context' && c.level !== 'context')) byId.set(placeId(c.place), c);
  }
  const ids = new Set(byId.keys());
  for (const [id, c] of byId) {
    if (c.place.type === 'region') {
      const deps = data.regions.get(c.place.code)?.departements ?? [];
      if (deps.length === 1 && ids.has(`departement:${deps[0]}`)) ids.delete(id);
    }
  }
  for (const id of [...ids]) {
    const c = byId.get(id)!;
    if (c.place.type === 'departement') {
      const communes = data.departements.get(c.place.code)?.communes ?? [];
      if (communes.length === 1 && ids.has(`commune:${communes[0]}`)) ids.delete(id);
    }
  }
  return [...ids].map((id) => byId.get(id)!);
}

/** Places without duplicates or redundant areas, best first for the context, at most MAX_CANDIDATES. */
export function shortList(data: TerritoryData, places: Place[], ctx: RankContext): Place[] {
  return collapse(data, places.map((place) => ({ place })))
    .map((c) => c.place)
    .sort(compareByContextThenPopulation(ctx))
    .slice(0, MAX_CANDIDATES);
}

/** Turns exact-name candidates into an answer. */
export function decide(data: TerritoryData, found: Candidate[], ctx: RankContext): ResolveResult | undefined {
  const candidates = collapse(data, found);
  if (candidates.length === 0) return undefined;
  const strong = candidates.filter((c) => c.level !== 'context' || contextScore(c.place, ctx) > 0);
  const weak = candidates.filter((c) => !strong.includes(c));
  const ranked = candidates.map((c) => c.place).sort(compareByContextThenPopulation(ctx));

  if (candidates.length > 1 && (ctx.departement || ctx.region || ctx.served)) {
    const scores = ranked.map((p) => contextScore(p, ctx));
    if (scores[0]! > 0 && scores[0]! > scores[1]!) return { status: 'found', place: ranked[0]! };
  }
  if (strong.length === 1 && weak.length === 0) return { status: 'found', place: strong[0]!.place };
  if (strong.length === 0 && weak.length === 1) return { status: 'suggestions', candidates: [weak[0]!.place] };
  if (weak.length === 0) {
    const areas = strong.filter((c) => c.place.type === 'departement' || c.place.type === 'region');
    const others = strong.filter((c) => !areas.includes(c));
    if (areas.length === 1 && others.every((c) => c.place.type === 'commune' && (c.place.population ?? 0) * AREA_DOMINANCE <= (areas[0]!.place.population ?? 0))) {
      return { status: 'found', place: areas[0]!.place };
    }
  }
  return { status: 'ambiguous', candidates: ranked.slice(0, MAX_CANDIDATES) };
}
