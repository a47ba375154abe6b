import { SAINT_TOKEN, compactKey, startsWithArticle, stripArticle } from './normalize';
import type { NameEntry } from './name-index';
import { parseDepartementCode } from './patterns';
import { placeOfKey } from './places';
import { decide, type Candidate, type RankContext } from './rank';
import type { Territory } from './territory';
import type { ResolveContext, ResolveResult } from './types';

/** Exact and normalised Map lookups of names (no fuzzy matching here). */

function entriesFor(t: Territory, q: string): NameEntry[] {
  let entries = t.names.byName.get(q);
  if (!entries && startsWithArticle(q)) entries = t.names.byName.get(stripArticle(q));
  if (!entries) entries = t.names.byCompact.get(compactKey(q));
  return entries ?? [];
}

/** Candidates for a normalised name: `name` entries first, EPCI short forms only when no name matched. */
export function nameCandidates(t: Territory, q: string): Candidate[] {
  const entries = entriesFor(t, q);
  const names = entries.filter((e) => e.level === 'name');
  const chosen = names.length > 0 ? names : entries.filter((e) => e.level === 'short');
  const context = entries.filter((e) => e.level === 'context');
  const out: Candidate[] = [];
  for (const e of [...chosen, ...context]) {
    const place = placeOfKey(t.data, e.key);
    if (place) out.push({ place, level: e.level });
  }
  return out;
}

export function lookupName(t: Territory, q: string, ctx: RankContext): ResolveResult | undefined {
  return decide(t.data, nameCandidates(t, q), ctx);
}

const TRAILING_LINKS = new Set(['en', 'a', 'au', 'aux', 'dans', 'de', 'du', 'des', 'd', 'sur', 'la', 'le', 'les', 'l']);

/**
 * A territory written after the name: "sainte luce 972", "saint denis (93)", "le robert martinique",
 * "saint pierre la reunion". Returns the name part and the territory as a context.
 */
export function parseQualifier(t: Territory, q: string): { name: string; ctx: ResolveContext } | undefined {
  const tokens = q.split(' ');
  if (tokens.length < 2) return undefined;
  for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
    const suffix = tokens.slice(-n).join(' ');
    let ctx: ResolveContext | undefined;
    const codes = n === 1 ? parseDepartementCode(suffix) : undefined;
    if (codes?.length === 1 && t.data.departements.has(codes[0]!)) ctx = { departement: codes[0]!, region: t.data.departements.get(codes[0]!)!.region };
    if (!ctx && !/^\d+$/.test(suffix) && suffix !== SAINT_TOKEN) {
      for (const e of entriesFor(t, suffix)) {
        if (e.level !== 'name') continue;
        const place = placeOfKey(t.data, e.key);
        if (place?.type === 'departement') ctx = { departement: place.code, region: place.region! };
        else if (place?.type === 'region' && !ctx) ctx = place.departement ? { departement: place.departement, region: place.code } : { region: place.code };
      }
    }
    if (!ctx) continue;
    const rest = tokens.slice(0, -n);
    while (rest.length > 1 && TRAILING_LINKS.has(rest[rest.length - 1]!)) rest.pop();
    if (rest.length > 0) return { name: rest.join(' '), ctx };
  }
  return undefined;
}
