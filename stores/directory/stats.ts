import { STRUCTURE_KINDS, type StructureKind } from '../../knowledge/directory/kinds';
import type { KindStats } from '../../knowledge/directory/directoryPort';

const RANK = new Map<string, number>(STRUCTURE_KINDS.map((kind, i) => [kind, i]));

/** Counts structures and sums posts by kind (rows read by the application). */
export function tallyByKind(rows: Iterable<{ kind: StructureKind; insertionPosts?: number }>): KindStats[] {
  const byKind = new Map<StructureKind, KindStats>();
  for (const row of rows) {
    const stats = byKind.get(row.kind) ?? { kind: row.kind, structures: 0, posts: 0 };
    stats.structures += 1;
    stats.posts += typeof row.insertionPosts === 'number' ? row.insertionPosts : 0;
    byKind.set(row.kind, stats);
  }
  return inKindOrder([...byKind.values()]);
}

/** Kinds with at least one structure, in STRUCTURE_KINDS order. */
export function inKindOrder(stats: KindStats[]): KindStats[] {
  return stats.filter((s) => s.structures > 0 && RANK.has(s.kind)).sort((a, b) => RANK.get(a.kind)! - RANK.get(b.kind)!);
}
