import { loadTerritory, type TerritoryData } from './load';
import { shippedNameIndex, type NameIndex } from './name-index';

/** The loaded data plus its exact-name tables (the build's packed copy, else built now), once per process. */
export interface Territory {
  data: TerritoryData;
  names: NameIndex;
  /** Time to load (or build) the name tables (ms), on top of data.stats.loadMs. */
  indexMs: number;
}

let cached: Territory | undefined;

export function getTerritory(): Territory {
  if (!cached) {
    const data = loadTerritory();
    const started = performance.now();
    const names = shippedNameIndex(data);
    cached = { data, names, indexMs: Math.round(performance.now() - started) };
  }
  return cached;
}
