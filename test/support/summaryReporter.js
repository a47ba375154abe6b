// Closes the run with the measured figures (written by the evaluation tests into
// test-output/summaries/) and one line "jest: N passed, N failed, N skipped" that any CI can read.
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const summaries = join(__dirname, '..', '..', 'test-output', 'summaries');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    const measured = existsSync(summaries)
      ? readdirSync(summaries).sort().map((f) => readFileSync(join(summaries, f), 'utf8').trim())
      : [];
    const lines = measured.length ? ['', 'Measured in this run (details in test-output/):', ...measured.map((m) => `  ${m}`)] : [];
    process.stdout.write(`${lines.join('\n')}\n\njest: ${numPassedTests} passed, ${failed} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
