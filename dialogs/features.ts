import type { Feature } from './feature';

/**
 * Every capability the menu offers, in menu order. A capability appears here only once its dialog
 * exists and is tested.
 */
export function createFeatures(): Feature[] {
  return [];
}
