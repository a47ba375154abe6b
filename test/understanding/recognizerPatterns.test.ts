import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { RegExpUtility } from '@microsoft/recognizers-text';
import { projectPath } from '../../knowledge/projectFiles';
import { fromSaved, toSaved, type SavedPattern, type XRegExpConstructor } from '../../knowledge/understanding/recognizerPatterns';

/**
 * The bundled bot builds the recognizers' regular expressions from XRegExp's translations that the
 * build saved (knowledge/understanding/recognizerPatterns.ts). Each saved translation must be what
 * XRegExp gives now, and the expression built from it the one XRegExp builds. The packages the bot
 * uses each hold a copy of XRegExp and RegExpUtility: the same code as @microsoft/recognizers-text's,
 * which this test asks for the fresh translations. That the bundled bot starts with no translation
 * left to XRegExp, and answers, is test/bot/bundle.test.ts.
 */

jest.setTimeout(300_000);

// scripts/recognizerPatterns.cjs, plain CommonJS (the build runs it before anything is compiled).
const { routeGetSafeRegExp } = require(projectPath('scripts', 'recognizerPatterns.cjs')) as {
  routeGetSafeRegExp: (text: string, modulePath: string) => { text: string; count: number; unknown: number };
};

const PACKAGES = ['recognizers-text', 'recognizers-text-number', 'recognizers-text-number-with-unit', 'recognizers-text-date-time'];
const distFile = (name: string) => projectPath('node_modules', '@microsoft', name, 'dist', `${name}.umd.js`);
/** A package's XRegExp and RegExpUtility: from XRegExp's data key to RegExpUtility's last static field. */
function xregexpAndUtility(name: string): string {
  const text = readFileSync(distFile(name), 'utf8');
  const from = text.indexOf("var REGEX_DATA = 'xregexp'");
  const to = text.indexOf('RegExpUtility.matchNegativeLookbehind');
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return text.slice(from, to);
}

const XRegExpOf = (): XRegExpConstructor => {
  // The prototype XRegExp gives its expressions is its constructor's `prototype`: a function holding it is enough here.
  const proto = Object.getPrototypeOf(RegExpUtility.getSafeRegExp('a')) as object;
  const fn = ((pattern: string, flags?: string) => RegExpUtility.getSafeRegExp(pattern, flags)) as XRegExpConstructor;
  fn.prototype = proto;
  return fn;
};

test('the packages the bot uses hold the same XRegExp and RegExpUtility as @microsoft/recognizers-text', () => {
  const reference = xregexpAndUtility(PACKAGES[0]!);
  for (const name of PACKAGES.slice(1)) expect(xregexpAndUtility(name) === reference).toBe(true);
  // And the build routes each copy's getSafeRegExp (one per file), none left written otherwise.
  for (const name of PACKAGES.slice(1)) {
    const routed = routeGetSafeRegExp(readFileSync(distFile(name), 'utf8'), '/patterns.js');
    expect({ count: routed.count, unknown: routed.unknown }).toEqual({ count: 1, unknown: 0 });
    expect(routed.text).toContain('require("/patterns.js").safeRegExp(lib, this, source, flags)');
  }
  // XRegExp gives its expressions a prototype of its own (what fromSaved sets).
  expect(Object.getPrototypeOf(RegExpUtility.getSafeRegExp('a'))).not.toBe(RegExp.prototype);
});

test('each saved translation is what XRegExp gives now, and builds the same expression', () => {
  execFileSync(process.execPath, [projectPath('scripts', 'build.mjs'), '--if-stale'], { cwd: projectPath(), stdio: 'pipe' });
  const saved = JSON.parse(readFileSync(projectPath('dist', 'knowledge', 'understanding', 'recognizer-patterns.json'), 'utf8')) as SavedPattern[];
  // Numbers, ordinals, ages and dates in French and English: over a thousand expressions.
  expect(saved.length).toBeGreaterThan(1000);
  const XRegExp = XRegExpOf();
  let differing = 0;
  for (const entry of saved) {
    const [source, flags] = entry;
    // getSafeRegExp is what the packages' copies run: group names made unique, then XRegExp.
    const fresh = RegExpUtility.getSafeRegExp(source, flags);
    const again = toSaved(XRegExp, source, flags, fresh);
    const built = fromSaved(XRegExp, entry);
    const same =
      JSON.stringify(again) === JSON.stringify(entry) &&
      built.source === fresh.source &&
      built.flags === fresh.flags &&
      Object.getPrototypeOf(built) === Object.getPrototypeOf(fresh) &&
      JSON.stringify((built as RegExp & { xregexp?: unknown }).xregexp) === JSON.stringify((fresh as RegExp & { xregexp?: unknown }).xregexp);
    if (!same) differing++;
  }
  expect(differing).toBe(0);
});

test('an expression built from a saved translation matches as XRegExp’s does, named groups included', () => {
  const XRegExp = XRegExpOf();
  const source = String.raw`(?<number>\d+)\s*(?<unit>ans|years?)`;
  const fresh = RegExpUtility.getSafeRegExp(source);
  const built = fromSaved(XRegExp, toSaved(XRegExp, source, 'gis', fresh)!);
  const text = 'il a 32 ans, she is 40 years old';
  expect(RegExpUtility.getMatches(built, text)).toEqual(RegExpUtility.getMatches(fresh, text));
  const groups = (m: unknown) => (m as { innerGroups: Record<string, { value: string }> }).innerGroups;
  expect(RegExpUtility.getMatches(built, text).map((m) => [groups(m)['number']?.value, groups(m)['unit']?.value])).toEqual([
    ['32', 'ans'],
    ['40', 'years'],
  ]);
});
