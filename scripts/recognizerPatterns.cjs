// The recognizers packages' `RegExpUtility.getSafeRegExp` routed to the saved translations of their
// patterns (knowledge/understanding/recognizerPatterns.ts), for the bundled bot (scripts/build.mjs
// bundleBot). Each package's dist file holds its own copy of the method, written the same way;
// the build stops if a recognizers file holds one written otherwise.
// Plain CommonJS: build.mjs runs before anything is compiled, and the tests require it as it is.
'use strict';

const METHOD = /static getSafeRegExp\(source, flags\) \{\s*let sanitizedSource = this\.sanitizeGroups\(source\);\s*return (\w+)\(sanitizedSource, flags \|\| 'gis'\);\s*\}/g;

/**
 * `text` (a recognizers dist file) with getSafeRegExp calling `safeRegExp` of the module at
 * `modulePath`; `count` is how many methods were rewritten, `unknown` how many getSafeRegExp
 * methods were left because they are written otherwise.
 */
function routeGetSafeRegExp(text, modulePath) {
  let count = 0;
  const out = text.replace(METHOD, (_, xregexp) => {
    count++;
    return `static getSafeRegExp(source, flags) {\n        return require(${JSON.stringify(modulePath)}).safeRegExp(${xregexp}, this, source, flags);\n    }`;
  });
  const unknown = (out.match(/static getSafeRegExp\(/g) ?? []).length - count;
  return { text: out, count, unknown };
}

module.exports = { routeGetSafeRegExp };
