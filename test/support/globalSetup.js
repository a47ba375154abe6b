// Dates in rules and tests are read in Europe/Paris whatever the machine says.
module.exports = async () => {
  process.env.TZ = 'Europe/Paris';
};
