import {
  LIGHTEN_FROM_CHARS,
  lightenModel,
  lightenRegExp,
  lightenedExpressions,
  recognizeAge,
  recognizeDateTime,
  recognizeNumber,
  modelWarmSteps,
  withoutCaptures,
} from '../../knowledge/understanding/recognizers';
import { recognizeChoices } from 'botbuilder-dialogs';
import { shippedExamples } from '../../knowledge/understanding/understand';
import { loadSplit } from '../../eval/understanding/evaluate';

type Recognizers = {
  number: typeof import('@microsoft/recognizers-text-number');
  unit: typeof import('@microsoft/recognizers-text-number-with-unit');
  dateTime: typeof import('@microsoft/recognizers-text-date-time');
  recognizeChoices: typeof recognizeChoices;
};

/** Fresh copies of the recognizer packages (their own model caches): the models as published, not lightened. */
function publishedRecognizers(): Recognizers {
  let loaded: Recognizers | undefined;
  jest.isolateModules(() => {
    loaded = {
      number: require('@microsoft/recognizers-text-number'),
      unit: require('@microsoft/recognizers-text-number-with-unit'),
      dateTime: require('@microsoft/recognizers-text-date-time'),
      // botbuilder-dialogs' own copy in this registry reads positions with the published number module above.
      recognizeChoices: (require('botbuilder-dialogs') as typeof import('botbuilder-dialogs')).recognizeChoices,
    };
  });
  return loaded!;
}

const FRENCH = [
  'cinquante-quatre ans depuis trente mois',
  "j'ai vingt-cinq ans et demi",
  'quatre-vingt-dix-neuf kilomètres, deux tiers, trois quarts',
  'un an et demi, deux cent trente et un, mille deux cents',
  'le deuxième, la troisième, le vingt et unième, le dernier',
  'né le 3 mars 1990, 32 ans',
  'née le premier mai quatre-vingt-dix',
  'le vingt-cinq décembre 1985 à 10 heures',
  'inscrite depuis dix-huit mois, âgée de cinquante-sept ans',
  'trois centièmes, un demi, une demie, deux sur trois',
];
const ENGLISH = [
  'fifty four years since thirty months',
  'I am twenty-five and a half years old',
  'the second, the twenty-first, the last one',
  'born on March 3rd 1990, 32 years old',
  'three quarters, two thirds, one hundred and one',
  'registered for eighteen months, aged fifty seven',
];
const REFERENCE = new Date('2026-11-22T12:00:00');
/** One corpus message in STRIDE is compared (each costs the published models' slow expressions too); with 3, all 1 180 matched on 2026-12-07. */
const STRIDE = 12;

describe('lightened recognizers', () => {
  beforeAll(() => modelWarmSteps().forEach((step) => step()), 120_000);

  it('read exactly what the published models read (numbers, ordinals, ages, dates; French and English)', () => {
    const published = publishedRecognizers();
    // The comparison is between two different copies: the published one holds the long expressions, ours does not.
    expect(published.number).not.toBe(require('@microsoft/recognizers-text-number'));
    expect(lightenedExpressions()).toBeGreaterThan(10);
    let found = 0;
    const cases: Array<[string, string]> = [...FRENCH.map((t): [string, string] => [t, 'fr-fr']), ...ENGLISH.map((t): [string, string] => [t, 'en-us'])];
    for (const [text, culture] of cases) {
      const c = culture as 'fr-fr' | 'en-us';
      found += recognizeNumber(text, c).length + recognizeAge(text, c).length + recognizeDateTime(text, c, REFERENCE).length;
      expect([text, recognizeNumber(text, c)]).toEqual([text, published.number.recognizeNumber(text, c)]);
      expect([text, recognizeAge(text, c)]).toEqual([text, published.unit.recognizeAge(text, c)]);
      expect([text, recognizeDateTime(text, c, REFERENCE)]).toEqual([text, published.dateTime.recognizeDateTime(text, c, undefined, REFERENCE)]);
      expect([text, recognizeChoices(text, ['a', 'b', 'c'], { locale: c })]).toEqual([text, published.recognizeChoices(text, ['a', 'b', 'c'], { locale: c })]);
    }
    expect(found).toBeGreaterThan(50);
  }, 120_000);

  it('read exactly what the published models read on the messages people write (every 12th message of the corpus; every third, once, matched too)', () => {
    const published = publishedRecognizers();
    const messages = [...shippedExamples(), ...loadSplit('heldout'), ...loadSplit('clusters')].filter((_, i) => i % STRIDE === 0);
    expect(messages.length).toBeGreaterThan(250);
    const differing: string[] = [];
    let found = 0;
    for (const message of messages) {
      const c = message.locale === 'en' ? 'en-us' : 'fr-fr';
      const ours = [recognizeNumber(message.text, c), recognizeAge(message.text, c), recognizeDateTime(message.text, c, REFERENCE)];
      const theirs = [published.number.recognizeNumber(message.text, c), published.unit.recognizeAge(message.text, c), published.dateTime.recognizeDateTime(message.text, c, undefined, REFERENCE)];
      found += ours.flat().length;
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) differing.push(message.text);
    }
    expect(differing).toEqual([]);
    // The comparison is not empty: numbers, ages and dates are found in hundreds of them.
    expect(found).toBeGreaterThan(75);
  }, 300_000);

  it('botbuilder-dialogs reads positions with the same (lightened) number module', () => {
    expect(recognizeChoices('le deuxième', ['a', 'b'], { locale: 'fr-fr' })[0]?.resolution.value).toBe('b');
    expect(recognizeChoices('the second one', ['a', 'b'], { locale: 'en-us' })[0]?.resolution.value).toBe('b');
  });

  it('keeps named groups, drops the unnamed ones, leaves escapes and classes alone', () => {
    expect(withoutCaptures('(a)(b)\\((?:c)[(]', (g) => g === 2)).toEqual({ source: '(?:a)(b)\\((?:c)[(]', kept: [2] });
    expect(withoutCaptures('(a)\\1', () => false)).toBeUndefined();
    const xregexp = (source: string, captureNames: Array<string | null>) =>
      Object.assign(new RegExp(source, 'gi'), { xregexp: { captureNames, source, flags: 'gis' } });
    const long = `(${'x|'.repeat(LIGHTEN_FROM_CHARS)}y)(z)(w)`;
    const light = lightenRegExp(xregexp(long, [null, 'zed__0', null])) as RegExp & { xregexp: { captureNames: unknown } };
    expect(light.source).toBe(`(?:${'x|'.repeat(LIGHTEN_FROM_CHARS)}y)(z)(?:w)`);
    expect(light.xregexp.captureNames).toEqual(['zed__0']);
    const short = xregexp('(a)', [null]);
    expect(lightenRegExp(short)).toBe(short);
  });

  it('lightens copies of one expression to one text, each copy by its own capture names', () => {
    const long = `(${'x|'.repeat(LIGHTEN_FROM_CHARS)}y)(z)(w)`;
    const names = [null, 'zed__0', null];
    const copy = (captureNames: Array<string | null>) => Object.assign(new RegExp(long, 'gi'), { xregexp: { captureNames, source: long, flags: 'gis' } });
    // Two copies sharing their names (as those built from one saved translation), one with names of its own, one named otherwise.
    const [a, b, c, d] = [copy(names), copy(names), copy([...names]), copy([null, null, 'w__1'])].map((r) => lightenRegExp(r) as RegExp & { xregexp: { captureNames: unknown } });
    expect(a!.source).toBe(`(?:${'x|'.repeat(LIGHTEN_FROM_CHARS)}y)(z)(?:w)`);
    for (const r of [b!, c!]) {
      expect(r).not.toBe(a);
      expect(r.source).toBe(a!.source);
      expect(r.xregexp.captureNames).toEqual(['zed__0']);
    }
    expect(d!.source).toBe(`(?:${'x|'.repeat(LIGHTEN_FROM_CHARS)}y)(?:z)(w)`);
    expect(d!.xregexp.captureNames).toEqual(['w__1']);
    expect('xyzw'.replace(a!, '.')).toBe('x' + '.');
  });

  it('replaces a long expression wherever a model holds it (fields, arrays, map keys and values)', () => {
    const long = Object.assign(new RegExp(`(${'a|'.repeat(LIGHTEN_FROM_CHARS)}b)`, 'gi'), { xregexp: { captureNames: [null], source: 'x', flags: 'gis' } });
    const model = { field: long, list: [{ regExp: long }], map: new Map<unknown, unknown>([[long, 'value'], ['key', long]]) };
    expect(lightenModel(model)).toBe(1);
    const all = [model.field, model.list[0]!.regExp, ...model.map.keys(), ...model.map.values()].filter((v) => v instanceof RegExp) as RegExp[];
    expect(all).toHaveLength(4);
    for (const r of all) expect(r.source.startsWith('(?:')).toBe(true);
    expect(new Set(all).size).toBe(1);
  });
});

