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
