// What the bundled bot gets for `@microsoft/recognizers-text-suite` (scripts/build.mjs bundleBot).
// botbuilder-dialogs requires the suite in one module only, prompts/promptCultureModels.js, and
// reads nothing of it but `Culture`'s locale codes (Culture.French, 'fr-fr'...). The suite (1.1.4)
// is a 2 MB file holding its own copies of the number, unit, date-time, sequence and choice
// recognizers for six languages: bundled, 1.4 MB of the bot's source that every start compiled and
// ran, and held as text. Its `Culture` inherits those codes from @microsoft/recognizers-text's,
// which the bot loads anyway (test/bot/bundleContents.test.ts: the same codes). The build refuses
// to put this in place of the suite for a module that reads anything else of it
// (scripts/suiteNamesRead.cjs).
'use strict';

const { Culture } = require('@microsoft/recognizers-text');

module.exports = { Culture };
