import { loadTerritory, type TerritoryData } from './load';
import { buildNameIndex, type NameIndex } from './name-index';

/** The loaded data plus its exact-name tables, built once per process. */
export interface Territory {
  data: TerritoryData;
  names: NameIndex;
  /** Time to build the name tables (ms), on top of data.stats.loadMs. */
  indexMs: number;
}

let cached: Territory | undefined;

export function getTerritory(): Territory {
  if (!cached) {
    const data = loadTerritory();
    const started = performance.now();
    const names = buildNameIndex(data);
    cached = { data, names, indexMs: Math.round(performance.now() - started) };
  }
  return cached;
}
