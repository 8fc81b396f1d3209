/** ts-jest in ESM mode: @inquirer is ESM-only. Type checking is `tsc --noEmit`. */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
    // yalps reads a global in its inner loop, which is slow in jest's sandbox: see the transform.
    '/node_modules/yalps/.+\\.js$': '<rootDir>/test/support/bind-math.mjs',
  },
  transformIgnorePatterns: ['/node_modules/(?!yalps/)'],
  testTimeout: 60000,
};
