const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // TypeScript is compiled file by file with esbuild (types are checked by `npm run typecheck`);
  // kdbush (the directory's spatial index) and loadtest (the bench's open loop) are ES modules only,
  // compiled to CommonJS too.
  transform: {
    '^.+\\.ts$': '<rootDir>/test/support/esbuildTransform.js',
    '^.+/node_modules/(kdbush|loadtest)/.+\\.js$': '<rootDir>/test/support/esbuildTransform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!kdbush/|loadtest/)'],
  testTimeout: 30000,
  // Jest's default is one worker per core but one: on 2 cores, one test file at a time with the other
  // core mostly idle. Test files share nothing but the services (each has its own database, port and
  // temporary files; the build that bundle tests run is locked), so at least two run at once.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  // A fixed clock zone: rules on dates must not depend on the machine.
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  // The shipped understanding is learned once per run, not once per test file.
  setupFiles: ['<rootDir>/test/support/sharedLearning.ts'],
};
