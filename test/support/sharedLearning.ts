import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Understanding from '../../knowledge/understanding/understand';

/**
 * Jest set-up file: the shipped understanding is learned once per run (and kept while nothing it
 * learns from changes), not once per test file. The learning is saved under test-output/cache/,
 * named by a hash of every file in knowledge/ and locales/ (the examples, lexicons, slot readers
 * and learning code), so a change to any of them learns again. What a test then reads is exactly
 * what a fresh learning gives (the learning is deterministic; test/understanding/shippedLearning
 * compares a saved learning with a fresh one).
 *
 * The understanding module is given its source when a test file first requires it (jest.mock with
 * a factory returning the real module), not imported here: a test file that never uses it does not
 * pay for its module graph (recognizers, territory, MiniSearch: about 0.4 s of CPU per file).
 */

const ROOT = join(__dirname, '..', '..');
const CACHE = join(ROOT, 'test-output', 'cache');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function inputsHash(): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(ROOT, 'knowledge')), ...filesUnder(join(ROOT, 'locales'))]) {
    hash.update(file.slice(ROOT.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function useSharedLearning(module: typeof Understanding): void {
  const { learnUnderstanding, shippedExamples, understandingFromSaved } = module;
  module.setShippedSource(() => {
    const file = join(CACHE, `learned-${inputsHash()}.json`);
    if (existsSync(file)) return understandingFromSaved(JSON.parse(readFileSync(file, 'utf8')) as Understanding.SavedUnderstanding);
    const { understand, saved } = learnUnderstanding(shippedExamples());
    mkdirSync(CACHE, { recursive: true });
    // Written aside then renamed: a test file running at the same time never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(saved));
    renameSync(partial, file);
    return understand;
  });
}

jest.mock('../../knowledge/understanding/understand', () => {
  const module = jest.requireActual<typeof Understanding>('../../knowledge/understanding/understand');
  useSharedLearning(module);
  return module;
});
