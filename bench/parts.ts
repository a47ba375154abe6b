/** What `npm run bench` runs for a BENCH_ONLY value (absent: everything). */
export interface BenchParts {
  /** Echo servers, each turn type, the mix, the open loop, start and memory after conversations. */
  turns: boolean;
  /** Only the bot's start and its memory after the conversations. */
  conversations: boolean;
  /** Only the open loop (after a warm-up), with its latency by turn of the mix. */
  openLoop: boolean;
  directory: boolean;
}

export const BENCH_ONLY_VALUES = ['turns', 'directory', 'conversations', 'openloop'] as const;

export function benchParts(only: string | undefined): BenchParts {
  const value = only?.trim() || undefined;
  if (value === undefined) return { turns: true, conversations: false, openLoop: false, directory: true };
  if (!(BENCH_ONLY_VALUES as readonly string[]).includes(value)) throw new Error(`BENCH_ONLY=${value}: expected one of ${BENCH_ONLY_VALUES.join(', ')}`);
  return { turns: value === 'turns', conversations: value === 'conversations', openLoop: value === 'openloop', directory: value === 'directory' };
}
