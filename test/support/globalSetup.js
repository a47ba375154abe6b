const { rmSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async () => {
  // Dates in rules and tests are read in Europe/Paris whatever the machine says.
  process.env.TZ = 'Europe/Paris';
  // The figures the summary reporter prints are this run's only.
  rmSync(join(__dirname, '..', '..', 'test-output', 'summaries'), { recursive: true, force: true });
};
