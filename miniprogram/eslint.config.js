const js = require('@eslint/js')
const globals = require('globals')

// Globals of the WeChat mini-program runtime (no maintained shareable config exists on npm).
const miniprogramGlobals = {
  wx: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly', Behavior: 'readonly',
  getApp: 'readonly', getCurrentPages: 'readonly', requirePlugin: 'readonly', requireMiniProgram: 'readonly',
  worklet: 'readonly', __wxConfig: 'readonly',
}

module.exports = [
  { ignores: ['miniprogram/miniprogram_npm/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  {
    files: ['miniprogram/**/*.js'],
    languageOptions: { ecmaVersion: 2020, sourceType: 'commonjs', globals: { ...globals.commonjs, ...miniprogramGlobals } },
    rules: {
      'no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }],
      // Never log from the app (tokens and personal data must not end up in logs).
      'no-console': 'error',
    },
  },
  {
    files: ['test/**/*.js', 'scripts/**/*.js', '*.config.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest, ...globals.browser, wx: 'writable' } },
  },
  {
    // Plain Node script (not jest): only Node globals, plus the wx shim it defines.
    files: ['test/e2e/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { ...globals.node, wx: 'writable' } },
  },
]
