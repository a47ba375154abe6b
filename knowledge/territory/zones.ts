import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { projectPath } from '../projectFiles';
import type { CommuneRecord, EpciRecord, ZoneRecord } from './types';

/** Named local zones (Martinique Nord / Centre / Sud), kept as data with their source. */
export const ZONES_FILE = projectPath('knowledge', 'territory', 'data', 'zones.json');

const ZoneDefinition = z.object({
  code: z.string().regex(/^[0-9AB]{2,3}-[A-Z]+$/),
  label: z.string().min(1),
  departement: z.string().min(2),
  epci: z.string().regex(/^\d{9}$/),
  expectedCommunes: z.number().int().positive(),
  aliases: z.array(z.string().min(2)),
  contextAliases: z.array(z.string().min(2)),
});

const ZonesFile = z.object({ source: z.string().min(1), zones: z.array(ZoneDefinition) });

/** Zones with their communes taken from the EPCI; throws if the data moved (member count, département). */
export function readZones(
  epcis: ReadonlyMap<string, EpciRecord>,
  communes: ReadonlyMap<string, CommuneRecord>,
  file = ZONES_FILE,
): ZoneRecord[] {
  const data = ZonesFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  return data.zones.map((def) => {
    const epci = epcis.get(def.epci);
    if (!epci) throw new Error(`${file}: zone ${def.code}: EPCI ${def.epci} not found`);
    if (epci.communes.length !== def.expectedCommunes) {
      throw new Error(`${file}: zone ${def.code}: ${epci.communes.length} communes, expected ${def.expectedCommunes}`);
    }
    const outside = epci.communes.filter((code) => communes.get(code)?.departement !== def.departement);
    if (outside.length > 0) throw new Error(`${file}: zone ${def.code}: communes outside ${def.departement}: ${outside.join(', ')}`);
    const region = communes.get(epci.communes[0] ?? '')?.region ?? '';
    return {
      code: def.code,
      label: def.label,
      departement: def.departement,
      region,
      epci: def.epci,
      communes: [...epci.communes],
      population: epci.population,
      aliases: def.aliases,
      contextAliases: def.contextAliases,
      source: `${data.source} EPCI ${epci.code} ${epci.name}.`,
    };
  });
}
