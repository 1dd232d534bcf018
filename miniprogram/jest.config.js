module.exports = {
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/test/setup.js'],
  // Only *.test.js: test/e2e/login-e2e.js is a plain Node script spawned by the server's tests.
  testMatch: ['<rootDir>/test/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  snapshotSerializers: ['miniprogram-simulate/jest-snapshot-plugin'],
  // App sources are plain CommonJS that the mini-program runtime runs as is; only TDesign (ES modules,
  // copied into miniprogram_npm by scripts/pack-npm.js) goes through babel.
  transform: { '/miniprogram_npm/.+\\.js$': 'babel-jest' },
  // TDesign imports "tslib", which WeChat resolves from TDesign's own miniprogram_npm.
  moduleNameMapper: {
    '^tslib$': '<rootDir>/miniprogram/miniprogram_npm/tdesign-miniprogram/miniprogram_npm/tslib/index.js',
  },
  restoreMocks: true,
  // spawning node or compiling WXML can take seconds on a busy 2-core machine
  testTimeout: 30000,
}
