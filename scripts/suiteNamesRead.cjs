// Which names a module reads of @microsoft/recognizers-text-suite (scripts/build.mjs: the bundle
// gets scripts/recognizersSuite.cjs, which has only `Culture`, in place of the suite).
// Plain CommonJS: build.mjs runs before anything is compiled, and the tests require it as it is.
'use strict';

/**
 * The names a CommonJS module (as tsc writes it: `const x_1 = require("@microsoft/recognizers-text-suite")`)
 * reads of the suite, sorted; undefined when it requires the suite otherwise or uses the module
 * object itself (passes it on, reads a computed name).
 */
function suiteNamesRead(text) {
  const requires = [...text.matchAll(/require\(["']@microsoft\/recognizers-text-suite["']\)/g)];
  const binding = /(?:const|var|let)\s+([\w$]+)\s*=\s*require\("@microsoft\/recognizers-text-suite"\);/.exec(text);
  if (requires.length !== 1 || !binding) return undefined;
  const local = binding[1];
  const at = binding.index + binding[0].indexOf(local);
  const names = new Set();
  for (const match of text.matchAll(new RegExp(`(?<![\\w$.])${local.replace(/\$/g, '\\$')}(?![\\w$])(\\.[\\w$]+)?`, 'g'))) {
    if (match.index === at) continue;
    if (!match[1]) return undefined;
    names.add(match[1].slice(1));
  }
  return [...names].sort();
}

module.exports = { suiteNamesRead };
