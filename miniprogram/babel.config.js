// Used by jest only (babel-jest on miniprogram_npm/): TDesign ships ES modules, which WeChat DevTools
// transpile at build time; jest needs CommonJS. The app's own code is CommonJS and is not transformed.
module.exports = { plugins: ['@babel/plugin-transform-modules-commonjs'] }
