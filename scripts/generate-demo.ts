/**
 * Writes the Martinique demo dataset from its generator (knowledge/directory/demo/generate.ts).
 *   npx tsc -p tsconfig.build.json && node dist/scripts/generate-demo.js
 * (or: UPDATE_DEMO=1 npx jest test/directory/demo). A test fails when the committed file differs.
 */
import { writeFileSync } from 'node:fs';
import { MARTINIQUE_DEMO_FILE, renderMartiniqueDemo } from '../knowledge/directory/demo';

export function writeMartiniqueDemo(file: string = MARTINIQUE_DEMO_FILE): string {
  writeFileSync(file, renderMartiniqueDemo(), 'utf8');
  return file;
}

if (require.main === module) {
  console.log(`written ${writeMartiniqueDemo()}`);
}
