// jest "setupFiles": runs before each test file.
// 1. miniprogram-simulate installs a global `wx` mock (its storage APIs are no-ops).
// 2. Give wx an in-memory storage so the token logic can be tested.
// 3. Shim Page/getApp/getCurrentPages: simulate only knows Component(), so Page(opts) becomes a
//    Component whose attached/ready/detached call onLoad(query)+onShow / onReady / onUnload.
require('miniprogram-simulate')

const storage = new Map()
global.__storage = storage
wx.getStorageSync = (key) => (storage.has(key) ? storage.get(key) : '')
wx.setStorageSync = (key, value) => { storage.set(key, value) }
wx.removeStorageSync = (key) => { storage.delete(key) }
wx.clearStorageSync = () => { storage.clear() }

global.__pageQuery = {}
global.Page = (options) => {
  const def = { data: options.data || {}, methods: {} }
  for (const [k, v] of Object.entries(options)) {
    if (k === 'data') continue
    if (typeof v === 'function') def.methods[k] = v
    else def[k] = v
  }
  def.lifetimes = {
    attached() {
      if (this.onLoad) this.onLoad(global.__pageQuery)
      if (this.onShow) this.onShow()
    },
    ready() { if (this.onReady) this.onReady() },
    detached() { if (this.onUnload) this.onUnload() },
  }
  global.Component(def)
}
global.__app = { globalData: { user: null } }
global.getApp = () => global.__app
global.getCurrentPages = () => []

// miniprogram-simulate minifies each component's WXSS with csso only to inject it into jsdom (tests
// never assert on styles). csso 4 crashes on some TDesign rules (`isEmpty` of undefined), so fall back
// to the unminified CSS instead of failing the load. The real wcsc still compiles our WXSS in check:wx.
const csso = require('csso')
const minify = csso.minify
csso.minify = (css, options) => {
  try {
    return minify(css, options)
  } catch {
    return { css, map: null }
  }
}

// simulate.load() runs each component's JS with `delete require.cache[...]; require(...)` so that
// Component() registers it again for this load. jest's module registry ignores require.cache, so a
// component shared by two pages of one test file (components/state, TDesign) would register only for
// the first page. Re-run shared components in an isolated registry; pages (loaded once per file) keep
// the normal registry so they share utils/request.js with the test.
const simUtils = require('miniprogram-simulate/src/utils')
const runJs = simUtils.runJs
simUtils.runJs = (filePath) => {
  if (/[\\/](components|miniprogram_npm)[\\/]/.test(filePath)) jest.isolateModules(() => { require(filePath) })
  else runJs(filePath)
}
