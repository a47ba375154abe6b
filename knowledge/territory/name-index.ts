import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TerritoryData } from './load';
import { compactKey, normalizeText, stripArticle } from './normalize';

/**
 * Exact lookup tables from normalised names to places.
 * - `name`: official names, names without their article, official aliases;
 * - `short`: EPCI names without "CC de"/"CA du", EPCI acronyms (used only when no `name` matches);
 * - `context`: generic words ("nord", "centre") that mean a zone only in its own territory.
 * A place key is "<kind>:<code>", e.g. "commune:97213", "zone:972-NORD".
 */
export type NameLevel = 'name' | 'short' | 'context';

export interface NameEntry {
  key: string;
  level: NameLevel;
}

export interface NameIndex {
  byName: Map<string, NameEntry[]>;
  byCompact: Map<string, NameEntry[]>;
}

/** Common ways to name a région that are not its official name. */
const REGION_ALIASES: ReadonlyArray<readonly [string, string, NameLevel]> = [
  ['idf', '11', 'name'],
  ['region parisienne', '11', 'name'],
  ['paca', '93', 'name'],
  ['provence alpes cote d azur', '93', 'name'],
  ['aura', '84', 'name'],
  ['bfc', '27', 'name'],
  ['hdf', '32', 'name'],
  ['centre val de loire', '24', 'name'],
  ['centre', '24', 'context'],
  ['spm', '975', 'name'],
  ['polynesie', '987', 'name'],
  ['wallis', '986', 'name'],
  ['wallis futuna', '986', 'name'],
  ['taaf', '984', 'name'],
  ['clipperton', '989', 'name'],
  ['guyane francaise', '03', 'name'],
];

/** Everyday short names of communes (as written in Martinique: "FDF", Creole "Foyal"). */
const COMMUNE_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['fdf', '97209'],
  ['foyal', '97209'],
  ['schoel', '97229'],
];

const COUNTRY_ALIASES = ['france', 'toute la france', 'france entiere', 'partout en france', 'national', 'niveau national'];

const EPCI_PREFIX =
  /^(?:cc|ca|cu|communaute de communes|communaute d agglomeration|communaute urbaine|metropole|eurometropole|agglomeration)(?: (?:de la|de l|des|du|de|d|l|la|le|les))? /;

function add(map: Map<string, NameEntry[]>, text: string, entry: NameEntry): void {
  if (!text) return;
  const list = map.get(text);
  if (!list) map.set(text, [entry]);
  else if (!list.some((e) => e.key === entry.key && e.level === entry.level)) list.push(entry);
}

const NUMBER_WORDS: Record<string, string> = { deux: '2', trois: '3', quatre: '4', cinq: '5', six: '6', sept: '7', huit: '8', neuf: '9', dix: '10' };

/** "les trois ilets" → "les 3 ilets" (people write "3 Îlets"), or undefined when there is no number word. */
function withDigits(text: string): string | undefined {
  const tokens = text.split(' ');
  return tokens.some((w) => w in NUMBER_WORDS) ? tokens.map((w) => NUMBER_WORDS[w] ?? w).join(' ') : undefined;
}

/** Adds a name under its normalised form, its form without a leading article, and with digits for number words. */
function addName(map: Map<string, NameEntry[]>, name: string, key: string, level: NameLevel = 'name'): void {
  const full = normalizeText(name);
  const digits = withDigits(full);
  for (const text of digits ? [full, digits] : [full]) {
    add(map, text, { key, level });
    add(map, stripArticle(text), { key, level });
  }
}

/** EPCI short forms: "CC de l'Ouest Guyanais" → "ouest guyanais"; "CA … (CIREST)" → "cirest". */
export function epciShortNames(name: string): string[] {
  const names: string[] = [];
  const acronym = /\(([^)]+)\)\s*$/.exec(name)?.[1];
  const withoutParenthesis = normalizeText(name.replace(/\([^)]*\)/g, ' '));
  const short = withoutParenthesis.replace(EPCI_PREFIX, '');
  if (short !== withoutParenthesis) names.push(short);
  if (withoutParenthesis !== normalizeText(name)) names.push(withoutParenthesis);
  if (acronym) {
    const normalized = normalizeText(acronym);
    if (normalized && normalized.split(' ').length <= 2) names.push(normalized);
  }
  return names;
}

export function buildNameIndex(data: TerritoryData): NameIndex {
  const byName = new Map<string, NameEntry[]>();
  for (const c of data.communes.values()) addName(byName, c.name, `commune:${c.code}`);
  for (const d of data.departements.values()) addName(byName, d.name, `departement:${d.code}`);
  for (const r of data.regions.values()) addName(byName, r.name, `region:${r.code}`);
  for (const [alias, code, level] of REGION_ALIASES) if (data.regions.has(code)) addName(byName, alias, `region:${code}`, level);
  for (const alias of COUNTRY_ALIASES) addName(byName, alias, 'country:FR');
  for (const [alias, code] of COMMUNE_ALIASES) if (data.communes.has(code)) addName(byName, alias, `commune:${code}`, 'short');
  for (const e of data.epcis.values()) {
    addName(byName, e.name, `epci:${e.code}`);
    for (const short of epciShortNames(e.name)) addName(byName, short, `epci:${e.code}`, 'short');
  }
  for (const z of data.zones.values()) {
    for (const alias of z.aliases) addName(byName, alias, `zone:${z.code}`);
    for (const alias of z.contextAliases) addName(byName, alias, `zone:${z.code}`, 'context');
  }
  const byCompact = new Map<string, NameEntry[]>();
  for (const [text, entries] of byName) {
    const compact = compactKey(text);
    if (compact !== text) for (const entry of entries) if (entry.level === 'name') add(byCompact, compact, entry);
  }
  return { byName, byCompact };
}

const NAME_INDEX_FORMAT = 1;

/**
 * The name tables as the build ships them: each distinct entry once (`entries`, as "key level"),
 * each name with the positions of its entries, in the tables' order.
 * `unpackNameIndex(packNameIndex(i))` equals `i`.
 */
export interface PackedNameIndex {
  format: number;
  entries: string[];
  byName: Array<[string, number[]]>;
  byCompact: Array<[string, number[]]>;
}

export function packNameIndex(index: NameIndex): PackedNameIndex {
  const positions = new Map<string, number>();
  const entries: string[] = [];
  const positionOf = (e: NameEntry): number => {
    const id = `${e.key} ${e.level}`;
    let at = positions.get(id);
    if (at === undefined) {
      at = entries.length;
      entries.push(id);
      positions.set(id, at);
    }
    return at;
  };
  const pack = (map: Map<string, NameEntry[]>): Array<[string, number[]]> => [...map].map(([text, list]) => [text, list.map(positionOf)]);
  return { format: NAME_INDEX_FORMAT, entries, byName: pack(index.byName), byCompact: pack(index.byCompact) };
}

export function unpackNameIndex(packed: PackedNameIndex): NameIndex {
  if (packed.format !== NAME_INDEX_FORMAT) throw new Error(`packed name index: format ${String(packed.format)}, expected ${NAME_INDEX_FORMAT}`);
  // One object per distinct entry, shared by every name that has it.
  const entries = packed.entries.map((id): NameEntry => {
    const space = id.lastIndexOf(' ');
    return { key: id.slice(0, space), level: id.slice(space + 1) as NameLevel };
  });
  const unpack = (rows: Array<[string, number[]]>) => new Map(rows.map(([text, list]) => [text, list.map((at) => entries[at]!)]));
  return { byName: unpack(packed.byName), byCompact: unpack(packed.byCompact) };
}

/** Where the build writes the packed name tables: next to the compiled module (dist/knowledge/territory/). */
export const PACKED_NAME_INDEX_FILE = join(__dirname, 'name-index.json');

/** The build's name tables when there is a file (dist/), else built now from the data (sources, tests). */
export function shippedNameIndex(data: TerritoryData, file = PACKED_NAME_INDEX_FILE): NameIndex {
  if (existsSync(file)) return unpackNameIndex(JSON.parse(readFileSync(file, 'utf8')) as PackedNameIndex);
  return buildNameIndex(data);
}
