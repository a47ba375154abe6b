/**
 * Build step (`npm run build` runs it after tsc): reads and checks the territory sources once (12 MB
 * of decoupage-administratif JSON, the 35,000-line coordinates CSV) and writes the fields the loading
 * reads next to the compiled module (dist/knowledge/territory/territory-sources.json), so that the bot
 * starts without parsing them; and the exact-name tables built from them (name-index.json), so that
 * it does not normalise 37,000 names at each start. `test/territory/packedSources.test.ts` checks the
 * shipped files are exactly a fresh packing and load the same territory and tables.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { buildTerritory } from '../knowledge/territory/load';
import { buildNameIndex, PACKED_NAME_INDEX_FILE, packNameIndex } from '../knowledge/territory/name-index';
import { packTerritorySources, PACKED_SOURCES_FILE, readTerritorySources } from '../knowledge/territory/sources';

function writeAtomically(file: string, text: string): void {
  rmSync(file, { force: true });
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

export function writePackedTerritorySources(file = PACKED_SOURCES_FILE): void {
  writeAtomically(file, JSON.stringify(packTerritorySources(readTerritorySources())));
}

/** The exact-name tables (built from the sources, as the bot would at start), packed. */
export function writePackedNameIndex(file = PACKED_NAME_INDEX_FILE): void {
  const sources = readTerritorySources();
  writeAtomically(file, JSON.stringify(packNameIndex(buildNameIndex(buildTerritory(() => sources)))));
}

if (require.main === module) {
  const started = Date.now();
  writePackedTerritorySources();
  writePackedNameIndex();
  console.log(`Territory sources and name tables packed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${PACKED_SOURCES_FILE}, ${PACKED_NAME_INDEX_FILE}`);
}
