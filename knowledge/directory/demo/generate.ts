import { getTerritory } from '../../territory';
import type { CommuneRecord } from '../../territory';
import type { SiaeKind } from '../kinds';
import { structureSchema, type Structure, type StructureInput } from '../structure';
import { DEMO_ACTIVITIES, DEMO_PARTNERS } from './catalogue';
import { DIECCTE_MARTINIQUE_2016 } from './dieccte';

/**
 * The Martinique demo dataset (knowledge/directory/data/martinique-demo.json): 61 invented SIAE whose
 * counts and insertion posts per zone and kind equal the DIECCTE 2016 table, in real communes of the
 * right zone at the commune's point, plus invented partner records. Deterministic: no randomness,
 * no clock. Regenerate with `UPDATE_DEMO=1 npx jest test/directory/demo` (or scripts/generate-demo.ts).
 */

export const DEMO_SOURCE = { kind: 'demo', label: 'Exemple fictif, chiffres DIECCTE Martinique 2016' } as const;
export const DEMO_UPDATED_AT = '2016-11-30';
/** Order in which kinds are laid out in each zone. */
const KIND_ORDER: readonly SiaeKind[] = ['EI', 'AI', 'ETTI', 'ACI', 'EITI'];
/** Relative sizes cycled over the structures of one zone and kind (posts differ, the sum is exact). */
const WEIGHTS = [5, 3, 4, 2, 6, 3, 4, 5, 2, 3, 4, 6, 3];

const KIND_PHRASE: Record<SiaeKind, string> = {
  ACI: 'Chantier d’insertion',
  EI: 'Entreprise d’insertion',
  AI: 'Association intermédiaire',
  ETTI: 'Intérim d’insertion',
  EITI: 'Entreprise d’insertion par le travail indépendant',
};

/** Splits `total` into `n` whole parts following WEIGHTS; the parts add up to `total` exactly. */
export function splitPosts(total: number, n: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => WEIGHTS[i % WEIGHTS.length]!);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % n) {
    if (rest > 0) {
      parts[i]!++;
      rest--;
    } else if (parts[i]! > 1) {
      parts[i]!--;
      rest++;
    }
  }
  return parts;
}

function territoryOf(commune: CommuneRecord): Pick<Structure, 'address' | 'territory' | 'location'> {
  if (!commune.center || !commune.epci) throw new Error(`demo: commune ${commune.code} has no point or no EPCI`);
  return {
    address: { communeName: commune.name, postcode: [...commune.postcodes].sort()[0]! },
    territory: { communeInsee: commune.code, departement: commune.departement, region: commune.region, epci: commune.epci.code },
    location: { lat: commune.center.lat, lng: commune.center.lng, precision: 'commune' },
  };
}

/** Communes of a zone, most populated first (ties by INSEE code). */
function zoneCommunes(zoneCode: string): CommuneRecord[] {
  const { data } = getTerritory();
  const zone = data.zones.get(zoneCode);
  if (!zone) throw new Error(`demo: unknown zone ${zoneCode}`);
  return zone.communes
    .map((code) => data.communes.get(code)!)
    .sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.code.localeCompare(b.code));
}

function build(input: StructureInput): Structure {
  return structureSchema.parse(input);
}

export function generateMartiniqueDemo(): Structure[] {
  const out: Structure[] = [];
  const numberByKind = new Map<SiaeKind, number>();
  for (const zone of DIECCTE_MARTINIQUE_2016) {
    const communes = zoneCommunes(zone.code);
    let slot = 0;
    for (const kind of KIND_ORDER) {
      const cell = zone.kinds[kind];
      if (!cell) continue;
      const posts = splitPosts(cell.posts, cell.structures);
      for (let i = 0; i < cell.structures; i++) {
        const n = (numberByKind.get(kind) ?? 0) + 1;
        numberByKind.set(kind, n);
        const activity = DEMO_ACTIVITIES[kind][n - 1];
        if (!activity) throw new Error(`demo: no activity left for ${kind} #${n}`);
        const commune = communes[slot++ % communes.length]!;
        out.push(
          build({
            id: `demo:972-${kind.toLowerCase()}-${String(n).padStart(2, '0')}`,
            name: `${activity.name} – ${commune.name}`,
            kind,
            ...territoryOf(commune),
            email: `contact@${activity.slug}.demo.example`,
            description: `${KIND_PHRASE[kind]} : ${activity.sectors.join(', ')}.`,
            sectors: [...activity.sectors],
            insertionPosts: posts[i]!,
            acceptsApplications: true,
            source: { ...DEMO_SOURCE },
            updatedAt: DEMO_UPDATED_AT,
          }),
        );
      }
    }
  }
  const { data } = getTerritory();
  for (const partner of DEMO_PARTNERS) {
    const commune = data.communes.get(partner.insee);
    if (!commune) throw new Error(`demo: unknown commune ${partner.insee}`);
    out.push(
      build({
        id: partner.id,
        name: partner.name,
        kind: partner.kind,
        ...territoryOf(commune),
        description: partner.description,
        phone: partner.phone,
        openingHours: partner.openingHours,
        sectors: [],
        acceptsApplications: true,
        source: { ...DEMO_SOURCE },
        updatedAt: DEMO_UPDATED_AT,
      }),
    );
  }
  return out;
}

/** The committed file's exact text (2-space JSON array, final newline). */
export function renderMartiniqueDemo(structures: Structure[] = generateMartiniqueDemo()): string {
  return `${JSON.stringify(structures, null, 2)}\n`;
}
