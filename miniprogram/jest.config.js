module.exports = {
  testEnvironment: 'jsdom',
  setupFiles: ['<rootDir>/test/setup.js'],
  // Only *.test.js: test/e2e/login-e2e.js is a plain Node script spawned by the server's tests.
  testMatch: ['<rootDir>/test/**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
  snapshotSerializers: ['miniprogram-simulate/jest-snapshot-plugin'],
  // Sources are plain CommonJS that the mini-program runtime runs as is: no transform needed.
  transform: {},
  restoreMocks: true,
  // spawning node or compiling WXML can take seconds on a busy 2-core machine
  testTimeout: 30000,
}
