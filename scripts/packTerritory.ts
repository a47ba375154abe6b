/**
 * Build step (`npm run build` runs it after tsc): reads and checks the territory sources once (12 MB
 * of decoupage-administratif JSON, the 35,000-line coordinates CSV) and writes the fields the loading
 * reads next to the compiled module (dist/knowledge/territory/territory-sources.json), so that the bot
 * starts without parsing them. `test/territory/packedSources.test.ts` checks the shipped file is
 * exactly a fresh packing and loads the same territory.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { packTerritorySources, PACKED_SOURCES_FILE, readTerritorySources } from '../knowledge/territory/sources';

export function writePackedTerritorySources(file = PACKED_SOURCES_FILE): void {
  rmSync(file, { force: true });
  writeFileSync(`${file}.tmp`, JSON.stringify(packTerritorySources(readTerritorySources())));
  renameSync(`${file}.tmp`, file);
}

if (require.main === module) {
  const started = Date.now();
  writePackedTerritorySources();
  console.log(`Territory sources packed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${PACKED_SOURCES_FILE}`);
}
