/**
 * Build step (`npm run build` runs it after tsc): learns the understanding from examples.json once
 * and writes it next to the compiled module (dist/knowledge/understanding/learned.json), so that
 * the bot starts without training. `test/understanding/learned.test.ts` checks the saved learning
 * answers exactly as a fresh one.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { learnUnderstanding, SAVED_UNDERSTANDING_FILE, shippedExamples } from '../knowledge/understanding/understand';

export function writeLearnedUnderstanding(file = SAVED_UNDERSTANDING_FILE): void {
  rmSync(file, { force: true });
  const saved = JSON.stringify(learnUnderstanding(shippedExamples()).saved);
  writeFileSync(`${file}.tmp`, saved);
  renameSync(`${file}.tmp`, file);
}

if (require.main === module) {
  const started = Date.now();
  writeLearnedUnderstanding();
  console.log(`Understanding learned in ${((Date.now() - started) / 1000).toFixed(1)} s: ${SAVED_UNDERSTANDING_FILE}`);
}
