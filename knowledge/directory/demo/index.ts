import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../../projectFiles';
import { structureSchema, type Structure } from '../structure';

export { generateMartiniqueDemo, renderMartiniqueDemo, splitPosts, DEMO_SOURCE, DEMO_UPDATED_AT } from './generate';
export { DIECCTE_MARTINIQUE_2016, DIECCTE_TOTALS, DIECCTE_SOURCE, type DiecctZone, type DiecctCell } from './dieccte';

/** Path of the committed Martinique demo dataset. */
export const MARTINIQUE_DEMO_FILE = projectPath('knowledge', 'directory', 'data', 'martinique-demo.json');

/**
 * Reads and validates the committed demo dataset (every record through structureSchema), from the
 * project's sources (also when running from dist/).
 */
export function loadMartiniqueDemo(file: string = MARTINIQUE_DEMO_FILE): Structure[] {
  return z.array(structureSchema).parse(JSON.parse(readFileSync(file, 'utf8')));
}
