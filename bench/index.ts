import { benchDirectory } from './directory';

/**
 * Benches, run after a build: `npm run build && node dist/bench/index.js`
 * (MONGODB_URI=mongodb://… to include MongoDB; BENCH_STRUCTURES and BENCH_CENTERS to change sizes).
 */
async function main(): Promise<void> {
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isInteger(n) && n > 0 ? n : fallback;
  };
  await benchDirectory({
    structures: positive(process.env.BENCH_STRUCTURES, 50_000),
    centers: positive(process.env.BENCH_CENTERS, 200),
    mongodbUri: process.env.MONGODB_URI?.trim() || undefined,
  });
}

main().catch((error: unknown) => {
  console.error('Bench failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
