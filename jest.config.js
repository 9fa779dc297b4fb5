// One jest run, tiers as projects: unit (pure rules, no I/O) and integration (real PostgreSQL and Redis).
// NestJS 12 packages are ESM-only, so tests run in Jest's native ESM mode (node --experimental-vm-modules):
// swc compiles our TypeScript to ES modules here, while the production build is CommonJS (require(esm)).
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'es6' },
}];
// ESM-only packages that a CommonJS dependency require()s (@fastify/static → content-disposition): Jest on
// Node < 24.9 cannot require(esm), so these few are compiled to CommonJS for the tests.
const requiredEsm = ['content-disposition'];
const swcCjs = [swc[0], { ...swc[1], module: { type: 'commonjs' } }];
const transform = {
  [`/node_modules/(${requiredEsm.join('|')})/.+\\.js$`]: swcCjs,
  '^.+\\.ts$': swc,
};
const transformIgnorePatterns = [`/node_modules/(?!(${requiredEsm.join('|')})/)`];
const moduleNameMapper = {
  '^@zs/(domain|db|config|queue)$': '<rootDir>/libs/$1/src/index.ts',
};
module.exports = {
  // a global option (jest-circus reads the global config's, not a project's): booting the API and a worker
  // against a cloned database takes seconds on a loaded 2-core machine
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'],
      // apps/web: only its pure-TS specs (client logic); its React files (.tsx) are type-checked and driven in Chromium
      testPathIgnorePatterns: ['/node_modules/', '/apps/web/dist/'],
      transform,
      transformIgnorePatterns,
      extensionsToTreatAsEsm: ['.ts'],
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform,
      transformIgnorePatterns,
      extensionsToTreatAsEsm: ['.ts'],
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: process.env.ZS_NO_SETUP ? undefined : '<rootDir>/test/support/global-setup.ts',
      globalTeardown: process.env.ZS_NO_SETUP ? undefined : '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
