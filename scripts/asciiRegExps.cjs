// Regular-expression literals written in ASCII, for the bundled bot (scripts/build.mjs bundleBot).
// esbuild's `charset: 'ascii'` escapes non-ASCII characters in strings, templates and names but
// leaves regular-expression literals as they are (/０/g, /á/g, /[aeiouyhâéèêîôû]/i in
// recognizers-text and in our own code). One such character makes V8 hold the whole bundle's
// source (13 million characters) as a two-byte string: 26 MB instead of 13. Each non-ASCII
// character of a literal is written here as an escape that matches the same text:
//   - `\uXXXX` per UTF-16 unit without the u or v flag (such an expression matches code units:
//     an astral character is two of them, a quantifier after it applies to the second, as before);
//   - `\uXXXX`, or `\u{XXXXX}` for an astral character, with the u or v flag;
//   - a character already escaped (`\é`, an identity escape, the character itself) loses its
//     backslash first: `\é` becomes `\u00e9`, not `\\u00e9`.
// The literals are found by a JavaScript parser (acorn), not by a pattern: a `/` may be a division.
// Plain CommonJS: build.mjs runs before anything is compiled, and the tests require it as it is.
'use strict';

const acorn = require('acorn');

const hex4 = (unit) => `\\u${unit.toString(16).padStart(4, '0')}`;

/** One literal's raw text (`/pattern/flags`) with its non-ASCII characters escaped. */
function asciiRegExpLiteral(raw, flags) {
  const unicode = flags.includes('u') || flags.includes('v');
  let out = '';
  let backslashes = 0;
  for (const char of raw) {
    const cp = char.codePointAt(0);
    if (cp < 0x80) {
      out += char;
      backslashes = char === '\\' ? backslashes + 1 : 0;
      continue;
    }
    // An odd run of backslashes escapes this character: drop the escaping one.
    if (backslashes % 2 === 1) out = out.slice(0, -1);
    backslashes = 0;
    if (unicode) out += cp > 0xffff ? `\\u{${cp.toString(16)}}` : hex4(cp);
    else for (let i = 0; i < char.length; i++) out += hex4(char.charCodeAt(i));
  }
  return out;
}

function parse(text, sourceType, onToken) {
  acorn.parse(text, {
    ecmaVersion: 'latest',
    sourceType,
    allowHashBang: true,
    allowReturnOutsideFunction: sourceType === 'script',
    allowAwaitOutsideFunction: sourceType === 'module',
    onToken,
  });
}

/**
 * `text` (a JavaScript file, script or module) with every regular-expression literal holding a
 * non-ASCII character written in ASCII, and the literals rewritten (`[before, after]`, for the
 * tests). Throws when the text does not parse.
 */
function asciiRegExpLiterals(text) {
  const rewrites = [];
  if (!/[^\x00-\x7f]/.test(text)) return { text, rewrites };
  const found = (tokens) => (token) => {
    if (token.type.label === 'regexp') tokens.push(token);
  };
  let tokens = [];
  try {
    parse(text, 'script', found(tokens));
  } catch (scriptError) {
    tokens = [];
    try {
      parse(text, 'module', found(tokens));
    } catch {
      throw scriptError;
    }
  }
  let out = '';
  let last = 0;
  for (const token of tokens) {
    const raw = text.slice(token.start, token.end);
    if (!/[^\x00-\x7f]/.test(raw)) continue;
    const ascii = asciiRegExpLiteral(raw, token.value.flags);
    rewrites.push([raw, ascii]);
    out += text.slice(last, token.start) + ascii;
    last = token.end;
  }
  return { text: rewrites.length === 0 ? text : out + text.slice(last), rewrites };
}

/** Where `text` holds a non-ASCII character: undefined when it holds none, else the first one and around it. */
function firstNonAscii(text) {
  const at = text.search(/[^\x00-\x7f]/);
  if (at < 0) return undefined;
  const line = text.slice(0, at).split('\n').length;
  return { at, line, around: text.slice(Math.max(0, at - 60), at + 20) };
}

module.exports = { asciiRegExpLiteral, asciiRegExpLiterals, firstNonAscii };
