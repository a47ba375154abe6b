import { parseReference } from '../../requests/reference';

/**
 * A request reference as issued by knowledge/requests/reference.ts: "GI-" + 6 characters of
 * 23456789ABCDEFGHJKLMNPQRSTUVWXYZ ("GI-7K3P9Q", typed "gi 7k3p9q", "GI-7K3-P9Q"). Without the
 * prefix, a 6-character word with at least one letter and one digit ("7K3P9Q") is taken too.
 */
const WITH_PREFIX = /(?<![\p{L}\p{N}])gi[\s.\-_]*([a-z2-9]{3})[\s.\-_]?([a-z2-9]{3})(?![\p{L}\p{N}])/iu;
const BARE = /(?<![\p{L}\p{N}])(?=[a-z2-9]*\d)(?=[a-z2-9]*[a-z])([a-z2-9]{6})(?![\p{L}\p{N}])/giu;

export function findReference(raw: string): { reference: string; text: string } | undefined {
  const m = WITH_PREFIX.exec(raw);
  if (m) {
    const reference = parseReference(`GI-${m[1]}${m[2]}`);
    if (reference) return { reference, text: m[0] };
  }
  for (const b of raw.matchAll(BARE)) {
    const candidate = b[1]!;
    if (/^\d+[a-z]+$/i.test(candidate) && /(km|ans|an|mois)$/i.test(candidate)) continue;
    const reference = parseReference(candidate);
    if (reference) return { reference, text: candidate };
  }
  return undefined;
}
