// Fake server for wx.request: routes `METHOD path` to handlers returning {statusCode, data}.
// Each call is recorded (url, method, header, data) and answered asynchronously like the real API.
const BASE = 'http://api.test'

function fakeServer(routes) {
  const calls = []
  const impl = (opts) => {
    const url = opts.url.startsWith(BASE) ? opts.url.slice(BASE.length) : opts.url
    const method = (opts.method || 'GET').toUpperCase()
    const call = { url, method, header: { ...(opts.header || {}) }, data: opts.data }
    calls.push(call)
    const handler = routes[method + ' ' + url]
    setTimeout(() => {
      if (!handler) return opts.success({ statusCode: 404, data: { code: 'NOT_FOUND', message: '未找到' } })
      const res = handler(call, calls)
      if (res && res.fail) opts.fail({ errMsg: res.fail })
      else opts.success({ statusCode: res.statusCode, data: res.data, header: {} })
    }, 0)
  }
  return { calls, impl }
}

/** wx.login stub that hands out code-1, code-2, ... */
function fakeLogin() {
  let n = 0
  return jest.spyOn(wx, 'login').mockImplementation((opts) => {
    n += 1
    const code = 'code-' + n
    setTimeout(() => opts.success({ code, errMsg: 'login:ok' }), 0)
  })
}

/** POST /api/auth/login handler issuing token-<code>. */
function loginRoute(call) {
  return { statusCode: 200, data: { token: 'token-' + call.data.code, expiresIn: 7200, user: { id: 1, roles: ['RESIDENT'] } } }
}

const flush = () => new Promise((r) => setTimeout(r, 5))

module.exports = { BASE, fakeServer, fakeLogin, loginRoute, flush }

/** Poll until fn() is truthy (default 1 s). */
async function waitFor(fn, timeout = 1000) {
  const start = Date.now()
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() - start > timeout) throw new Error('waitFor: timed out')
    await new Promise((r) => setTimeout(r, 2))
  }
}

module.exports.waitFor = waitFor

/** Trimmed text of the first element matching a selector (null when absent), and of all of them. */
// A TDesign component's host has no DOM node of its own: read its inner element instead.
const domOf = (el) => el.dom || ['.t-button', '.t-cell', '.t-radio'].map((s) => el.querySelector(s)).filter(Boolean).map((e) => e.dom)[0]
const text = (page, sel) => {
  const el = page.querySelector(sel)
  return el ? domOf(el).textContent.trim() : null
}
const texts = (page, sel) => page.querySelectorAll(sel).map((e) => domOf(e).textContent.trim())
module.exports.text = text
module.exports.texts = texts

// ---- pages and components -------------------------------------------------------------------
const fs = require('fs')
const path = require('path')
const simulate = require('miniprogram-simulate')

const ROOT = path.resolve(__dirname, '../miniprogram')

/**
 * miniprogram-simulate resolves usingComponents relative to a component or absolute to rootPath, not
 * npm-style ("tdesign-miniprogram/button/button"). Map every TDesign tag the app uses onto the
 * scripts/pack-npm.js output, so the REAL components render in the tests.
 */
function tdesignComponents() {
  const map = {}
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) { if (e.name !== 'miniprogram_npm') walk(p) } else if (e.name.endsWith('.json')) {
        const using = JSON.parse(fs.readFileSync(p, 'utf8')).usingComponents || {}
        for (const [tag, target] of Object.entries(using)) if (target.startsWith('tdesign-miniprogram/')) map[tag] = '/miniprogram_npm/' + target
      }
    }
  }
  walk(ROOT)
  return map
}
const TDESIGN = tdesignComponents()

/** simulate.load a page or component by its path under miniprogram/ (once per test file). */
function load(rel, tag) {
  return simulate.load(path.join(ROOT, rel), tag, { rootPath: ROOT, compilerOptions: { maxBuffer: 64 << 20 }, usingComponents: TDESIGN })
}

/** Render a loaded page with the query its onLoad gets. */
function renderPage(id, query) {
  global.__pageQuery = query || {}
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/** Tap an element; on a TDesign button, cell or radio tap its inner element, as a finger would. */
function tap(page, sel, index = 0) {
  const el = page.querySelectorAll(sel)[index]
  if (!el) throw new Error('tap: no ' + sel)
  const inner = el.querySelector && (el.querySelector('.t-button') || el.querySelector('.t-cell') || el.querySelector('.t-radio__content'))
  ;(inner || el).dispatchEvent('tap')
}

/** The state component of a page (loading / empty / error) as {status, message}, or null. */
function state(page) {
  const host = page.querySelector('.page-state')
  if (!host) return null
  const box = host.querySelector('.state')
  if (!box) return null
  const cls = box.dom.className
  const status = /state-loading/.test(cls) ? 'loading' : /state-empty/.test(cls) ? 'empty' : /state-error/.test(cls) ? 'error' : ''
  const msg = host.querySelector('.state-message')
  return { status, message: msg ? msg.dom.textContent.trim() : '' }
}

/** Tap 重试 of a page's state component. */
function retry(page) {
  tap(page.querySelector('.page-state'), '.state-retry')
}

module.exports.ROOT = ROOT
module.exports.load = load
module.exports.renderPage = renderPage
module.exports.tap = tap
module.exports.state = state
module.exports.retry = retry
