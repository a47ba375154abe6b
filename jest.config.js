/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // kdbush (the directory's spatial index) is an ES module only, compiled to CommonJS for jest.
    '^.+/node_modules/kdbush/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!kdbush/)'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summaryReporter.js'],
  // A fixed clock zone: rules on dates must not depend on the machine.
  globalSetup: '<rootDir>/test/support/globalSetup.js',
  // The shipped understanding is learned once per run, not once per test file.
  setupFiles: ['<rootDir>/test/support/sharedLearning.ts'],
};
