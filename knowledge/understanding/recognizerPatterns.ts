import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * XRegExp's translations of the recognizers' patterns, computed at build time.
 *
 * Each recognizers package (numbers, ages, dates) carries its own copy of `RegExpUtility` and of
 * XRegExp, and builds every one of its regular expressions with `RegExpUtility.getSafeRegExp`:
 * group names made unique (`sanitizeGroups`), then XRegExp's translation of the pattern to a native
 * one (named groups made plain, their names kept aside). That translation, with the garbage it
 * makes, was about 1.5 s of the start's 5 s of CPU, and its result never changes between builds.
 * In the bundled bot (scripts/build.mjs, scripts/recognizerPatterns.cjs), `getSafeRegExp` calls
 * `safeRegExp` here, which builds the same
 * regular expression from the translation the build saved (dist/knowledge/understanding/
 * recognizer-patterns.json: the build's first start of the bundled bot records every translation
 * it made), and asks XRegExp for any pattern not saved. Unbundled (the tests), nothing calls it.
 * `test/understanding/recognizerPatterns.test.ts` checks each saved translation against a fresh one.
 */

/** XRegExp's constructor, as the packages hold it (its `prototype` is what it gives the expressions it builds). */
export type XRegExpConstructor = ((pattern: string, flags?: string) => RegExp) & { prototype: object };

/** What XRegExp keeps on an expression it built. */
interface XRegExpData {
  captureNames: Array<string | null> | null;
  source: string | null;
  flags: string | null;
}

/**
 * One saved translation: the pattern and flags `getSafeRegExp` was given, the native pattern and
 * flags XRegExp made, the capture names, and XRegExp's own record of the pattern and flags (the
 * pattern given, group names made unique: null when it is the pattern given). Null native pattern:
 * the same as XRegExp's record.
 */
export type SavedPattern = [source: string, flags: string, pattern: string | null, nativeFlags: string, captureNames: Array<string | null> | null, xSource: string | null, xFlags: string | null];

export const SAVED_PATTERNS_FILE = join(__dirname, 'recognizer-patterns.json');

// The build's recording start (scripts/build.mjs): every translation made is written at exit.
const recordTo = process.env.RECORD_RECOGNIZER_PATTERNS;
const recording = recordTo ? new Map<string, SavedPattern>() : undefined;
const recordKey = (source: string, flags: string) => `${flags}\u0000${source}`;
if (recordTo && recording) {
  process.on('exit', () => {
    writeFileSync(`${recordTo}.tmp`, JSON.stringify([...recording.values()]));
    renameSync(`${recordTo}.tmp`, recordTo);
  });
}

/** By flags, then by pattern (no key made of both: the patterns are 0.8 MB of text). */
let saved: Map<string, Map<string, SavedPattern>> | undefined;
const counts = { saved: 0, translated: 0 };

/** How many expressions were built from a saved translation and how many XRegExp translated, so far (the start logs them). */
export function recognizerPatternCounts(): { saved: number; translated: number } {
  return { ...counts };
}

function savedPattern(source: string, flags: string): SavedPattern | undefined {
  if (!saved) {
    saved = new Map();
    if (!recording && existsSync(SAVED_PATTERNS_FILE)) {
      for (const entry of JSON.parse(readFileSync(SAVED_PATTERNS_FILE, 'utf8')) as SavedPattern[]) {
        let byPattern = saved.get(entry[1]);
        if (!byPattern) saved.set(entry[1], (byPattern = new Map()));
        byPattern.set(entry[0], entry);
      }
    }
  }
  return saved.get(flags)?.get(source);
}

/** The regular expression XRegExp builds for a saved translation: same pattern, flags, data and prototype. */
export function fromSaved(xregexp: XRegExpConstructor, entry: SavedPattern): RegExp {
  const [source, , pattern, nativeFlags, captureNames, xSource, xFlags] = entry;
  const regex = new RegExp(pattern ?? xSource ?? source, nativeFlags);
  const data: XRegExpData = { captureNames, source: xSource ?? source, flags: xFlags };
  // As XRegExp's `augment`: its data, then its prototype.
  (regex as RegExp & { xregexp: XRegExpData }).xregexp = data;
  Object.setPrototypeOf(regex, xregexp.prototype);
  return regex;
}

/** What XRegExp made for `source` (the pattern given to getSafeRegExp), to save; undefined when it is not a plain XRegExp result. */
export function toSaved(xregexp: XRegExpConstructor, source: string, flags: string, made: RegExp): SavedPattern | undefined {
  const data = (made as RegExp & { xregexp?: XRegExpData }).xregexp;
  if (!data || Object.getPrototypeOf(made) !== xregexp.prototype || Object.keys(data).join() !== 'captureNames,source,flags') return undefined;
  const xSource = data.source === source ? null : data.source;
  const pattern = made.source === (data.source ?? source) ? null : made.source;
  return [source, flags, pattern, made.flags, data.captureNames, xSource, data.flags];
}

/**
 * `RegExpUtility.getSafeRegExp(source, flags)` of a recognizers package (`utility` is that
 * RegExpUtility, `xregexp` its XRegExp): from the saved translation when there is one.
 */
export function safeRegExp(xregexp: XRegExpConstructor, utility: { sanitizeGroups(source: string): string }, source: string, flags?: string): RegExp {
  const given = flags || 'gis';
  const entry = savedPattern(source, given);
  if (entry) {
    counts.saved++;
    return fromSaved(xregexp, entry);
  }
  counts.translated++;
  const made = xregexp(utility.sanitizeGroups(source), given);
  if (recording) {
    const entry = toSaved(xregexp, source, given, made);
    if (entry) recording.set(recordKey(source, given), entry);
  }
  return made;
}
