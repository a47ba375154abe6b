import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';
import type { ModelResult } from '@microsoft/recognizers-text';
import { NumberWithUnitRecognizer } from '@microsoft/recognizers-text-number-with-unit';
import { DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';

/**
 * The Microsoft recognizers this project uses (numbers, ordinals, ages, dates; French and English),
 * from the suite's parts rather than the suite (which loads every culture and model family), with
 * their largest regular expressions made cheap to compile.
 *
 * The French number, ordinal and fraction expressions are 100 to 130 KB long and hold about 6 000
 * capturing groups that nothing reads (the extractors read the whole match and the named groups):
 * V8 takes over a second to compile each one, about 5 s of CPU for the French models, at the first
 * message that needs them (or at start, to warm them). The same expression with those groups made
 * non-capturing matches exactly the same text and compiles ten times faster. `lightenModel` does
 * that on a model's regular expressions, once, before its first use; the named groups stay.
 *
 * `@microsoft/recognizers-text-number` is the copy botbuilder-dialogs' choice recognizer uses too
 * (same version, one module): lightening its models serves both.
 */

/** What XRegExp keeps on a regular expression it built: the names of its capturing groups, in order (null when unnamed). */
interface XRegExpData {
  captureNames: Array<string | null> | null;
  source: string;
  flags: string | null;
}
type XRegExpLike = RegExp & { xregexp?: XRegExpData };

/** Expressions this long are worth lightening (the French ones that cost seconds are over 100 KB; 10 KB ones cost tens of milliseconds). */
export const LIGHTEN_FROM_CHARS = 5_000;

/**
 * The capturing groups of `source` (a native pattern) whose index `keep` refuses become
 * non-capturing; escapes and character classes are left as they are. Undefined when the pattern
 * refers to a group by number (a backreference), which renumbering would break.
 */
export function withoutCaptures(source: string, keep: (group: number) => boolean): { source: string; kept: number[] } | undefined {
  if (/\\[1-9]/.test(source.replace(/\\\\/g, ''))) return undefined;
  let out = '';
  let inClass = false;
  let group = 0;
  const kept: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '(' && source[i + 1] !== '?') {
      group++;
      if (keep(group)) {
        kept.push(group);
        out += c;
      } else out += '(?:';
    } else if (c === '(' && source.startsWith('(?<', i) && source[i + 3] !== '=' && source[i + 3] !== '!') {
      // A native named group (XRegExp turns names into plain groups, but keep any left).
      group++;
      kept.push(group);
      out += c;
    } else out += c;
  }
  return { source: out, kept };
}

/** One string for each light text, whatever it was made from. */
const lightSources = new Map<string, string>();
/**
 * Each long pattern's light form, rewritten once: the models hold the same long expression in many
 * places (the French number expression 17 times, some 13 KB ones 55 and 75 times, each a regular
 * expression of its own). One string for each light pattern (each lightening wrote a new copy of its
 * text: 7.6 MB of copies after start), and one rewriting (scanning 100 KB a time, then flattening
 * the text built character by character: ~0.3 s of the start's CPU when done for every copy).
 * By pattern, then by its capture names' array (the expressions built from one saved translation
 * share it, recognizerPatterns.ts; any other array is another entry, rewritten again).
 */
const lightForms = new Map<string, Map<ReadonlyArray<string | null>, { source: string; kept: number[] } | null>>();

function lightForm(source: string, names: ReadonlyArray<string | null>): { source: string; kept: number[] } | undefined {
  let byNames = lightForms.get(source);
  if (!byNames) lightForms.set(source, (byNames = new Map()));
  let form = byNames.get(names);
  if (form === undefined) {
    form = withoutCaptures(source, (group) => !!names[group - 1]) ?? null;
    if (form) {
      const same = lightSources.get(form.source);
      if (same === undefined) lightSources.set(form.source, form.source);
      else form.source = same;
    }
    byNames.set(names, form);
  }
  return form ?? undefined;
}

const NO_NAMES: ReadonlyArray<string | null> = [];

/** The same expression without its unnamed capturing groups (named ones stay, with their names), or the expression itself. */
export function lightenRegExp(regex: RegExp): RegExp {
  const data = (regex as XRegExpLike).xregexp;
  if (regex.source.length < LIGHTEN_FROM_CHARS || !data) return regex;
  const names = data.captureNames ?? NO_NAMES;
  const rewritten = lightForm(regex.source, names);
  if (!rewritten) return regex;
  const light = new RegExp(rewritten.source, regex.flags) as XRegExpLike;
  const keptNames = rewritten.kept.map((group) => names[group - 1] ?? null);
  light.xregexp = { captureNames: keptNames.length > 0 ? keptNames : null, source: data.source, flags: data.flags };
  return light;
}

/**
 * Replaces, everywhere in a model's object graph (fields, arrays, map keys and values), each long
 * regular expression by its light form. Returns how many it replaced.
 */
export function lightenModel(model: object): number {
  const seen = new Set<object>();
  const replaced = new Map<RegExp, RegExp>();
  const light = (value: unknown): unknown => {
    if (!(value instanceof RegExp)) return value;
    let done = replaced.get(value);
    if (!done) replaced.set(value, (done = lightenRegExp(value)));
    return done;
  };
  const stack: object[] = [model];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node) || node instanceof RegExp) continue;
    seen.add(node);
    if (node instanceof Map) {
      const entries = [...node.entries()];
      if (entries.some(([k, v]) => light(k) !== k || light(v) !== v)) {
        node.clear();
        for (const [k, v] of entries) node.set(light(k), light(v));
      }
      for (const [k, v] of node) for (const x of [k, v]) if (x && typeof x === 'object') stack.push(x);
      continue;
    }
    if (node instanceof Set) {
      const values = [...node];
      if (values.some((v) => light(v) !== v)) {
        node.clear();
        for (const v of values) node.add(light(v));
      }
      for (const v of node) if (v && typeof v === 'object') stack.push(v);
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      if (value instanceof RegExp) {
        const l = light(value);
        if (l !== value) record[key] = l;
      } else if (value && typeof value === 'object') stack.push(value);
    }
  }
  return [...replaced].filter(([a, b]) => a !== b).length;
}

/** The cultures this project reads. */
export const RECOGNIZER_CULTURES = { fr: Culture.French, en: Culture.English } as const;
type RecognizerCulture = (typeof RECOGNIZER_CULTURES)[keyof typeof RECOGNIZER_CULTURES];

interface ParsingModel {
  parse(query: string, ...rest: unknown[]): ModelResult[];
}

const lightened = new Set<string>();
let lightenedCount = 0;

/** How many expressions the models asked for so far were replaced by their light form. */
export function lightenedExpressions(): number {
  return lightenedCount;
}

/**
 * The recognizers cache their models by culture (one per module); the first time a model is asked
 * for here, it is lightened, so every later use (ours and botbuilder-dialogs') gets the light form.
 */
function lightModel<M extends object>(key: string, get: () => M): M {
  const model = get();
  if (!lightened.has(key)) {
    lightenedCount += lightenModel(model);
    lightened.add(key);
  }
  return model;
}

function numberModel(culture: RecognizerCulture): ParsingModel {
  return lightModel(`number ${culture}`, () => new NumberRecognizer(culture).getNumberModel(culture, false));
}

function ordinalModel(culture: RecognizerCulture): ParsingModel {
  return lightModel(`ordinal ${culture}`, () => new NumberRecognizer(culture).getOrdinalModel(culture, false));
}

function ageModel(culture: RecognizerCulture): ParsingModel {
  return lightModel(`age ${culture}`, () => new NumberWithUnitRecognizer(culture).getAgeModel(culture, false));
}

function dateTimeModel(culture: RecognizerCulture): ParsingModel {
  return lightModel(`datetime ${culture}`, () => new DateTimeRecognizer(culture).getDateTimeModel(culture, false));
}

/** Numbers in `text` (digits or words), as `recognizeNumber` of the recognizers. */
export function recognizeNumber(text: string, culture: RecognizerCulture): ModelResult[] {
  return numberModel(culture).parse(text);
}

/** Ages ("32 ans", "twenty years old"), as `recognizeAge` of the recognizers. */
export function recognizeAge(text: string, culture: RecognizerCulture): ModelResult[] {
  return ageModel(culture).parse(text);
}

/** Dates and times, relative to `reference`, as `recognizeDateTime` of the recognizers. */
export function recognizeDateTime(text: string, culture: RecognizerCulture, reference: Date): ModelResult[] {
  return dateTimeModel(culture).parse(text, reference);
}

/**
 * Makes every model this project uses light and compiles its expressions once, so no message waits
 * for it: numbers and ordinals (ours and botbuilder-dialogs' choice positions), ages and dates; one
 * step per culture (French first). The age and date packages carry their own copies of the number
 * expressions: read in the same step, V8 compiles each source once and shares it between copies.
 */
export function modelWarmSteps(locales: ReadonlyArray<keyof typeof RECOGNIZER_CULTURES> = ['fr', 'en']): Array<() => void> {
  const reference = new Date('2026-01-01T12:00:00');
  return locales.map((locale) => () => {
    const culture = RECOGNIZER_CULTURES[locale];
    // Every model made light first, then read: the shared sources are compiled once, close together.
    const models = [numberModel(culture), ordinalModel(culture), ageModel(culture)];
    for (const model of models) model.parse('cinquante-quatre ans depuis trente mois, le deuxième, fifty four years old, the second');
    dateTimeModel(culture).parse('né le 3 mars 1990, born on March 3rd 1990', reference);
  });
}
