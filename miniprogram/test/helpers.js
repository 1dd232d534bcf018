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
const text = (page, sel) => {
  const el = page.querySelector(sel)
  return el ? el.dom.textContent.trim() : null
}
const texts = (page, sel) => page.querySelectorAll(sel).map((e) => e.dom.textContent.trim())
module.exports.text = text
module.exports.texts = texts
