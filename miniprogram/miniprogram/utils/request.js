// THE request helper used by every page. CommonJS, no getApp(): it also runs in plain Node when a
// global `wx` object is provided (see test/e2e/login-e2e.js).
//
// - Session token in wx storage under `rs_token`, sent as `Authorization: Bearer <token>`.
// - login(): wx.login() -> POST /api/auth/login {code} -> {token, expiresIn, user}; concurrent
//   callers share one in-flight login.
// - On HTTP 401 the token is dropped, login runs again ONCE and the request is retried once.
// - Non-2xx rejects with ApiError {code, message, status, field, requestId}; the server's Chinese
//   message is shown (toast if short, modal otherwise) unless showError is false.
// - The token is never logged.
const config = require('../config.js')

const TOKEN_KEY = 'rs_token'
const LOGIN_PATH = '/api/auth/login'
const TOAST_MAX_CHARS = 7

const MSG_NETWORK = '网络不给力，请稍后再试'
const MSG_SERVER = '服务暂时不可用，请稍后再试'
const MSG_WX_LOGIN = '微信登录失败，请稍后再试'

let baseUrl = config.baseUrl
/** @type {Promise<any> | null} */
let loginPromise = null

class ApiError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {number} [status]
   * @param {string} [field]
   * @param {string} [requestId]
   */
  constructor(code, message, status, field, requestId) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status || 0
    this.field = field || null
    this.requestId = requestId || null
  }
}

function setBaseUrl(url) {
  baseUrl = String(url || '').replace(/\/+$/, '')
}

function getToken() {
  try {
    return wx.getStorageSync(TOKEN_KEY) || ''
  } catch (e) {
    return ''
  }
}

function setToken(token) {
  try {
    wx.setStorageSync(TOKEN_KEY, token)
  } catch (e) {
    // storage full or unavailable: keep working for this request only
  }
}

function clearToken() {
  try {
    wx.removeStorageSync(TOKEN_KEY)
  } catch (e) {
    // ignore
  }
}

function fullUrl(url) {
  return /^https?:\/\//.test(url) ? url : baseUrl + url
}

function isOk(status) {
  return status >= 200 && status < 300
}

/** Turn a non-2xx wx.request result into an ApiError. */
function toApiError(res) {
  const status = res.statusCode
  const body = res.data
  if (body && typeof body === 'object' && typeof body.message === 'string' && body.message) {
    return new ApiError(body.code || 'HTTP_' + status, body.message, status, body.field, body.requestId)
  }
  return new ApiError('SERVER_ERROR', MSG_SERVER, status)
}

/** One wx.request call as a Promise of {statusCode, data}; network failure rejects with NETWORK_ERROR. */
function send(url, method, data, token) {
  /** @type {Record<string, string>} */
  const header = { 'Content-Type': 'application/json' }
  if (token) header.Authorization = 'Bearer ' + token
  return new Promise((resolve, reject) => {
    wx.request({
      url: fullUrl(url),
      method: /** @type {any} */ (method),
      data,
      header,
      dataType: 'json',
      success(res) {
        resolve({ statusCode: res.statusCode, data: res.data })
      },
      fail() {
        // errMsg may contain the URL but never the token; still, do not log anything here.
        reject(new ApiError('NETWORK_ERROR', MSG_NETWORK))
      },
    })
  })
}

function wxLoginCode() {
  return new Promise((resolve, reject) => {
    wx.login({
      success(res) {
        if (res && res.code) resolve(res.code)
        else reject(new ApiError('WX_LOGIN_FAILED', MSG_WX_LOGIN))
      },
      fail() {
        reject(new ApiError('WX_LOGIN_FAILED', MSG_WX_LOGIN))
      },
    })
  })
}

/**
 * Log in with wx.login's code. Resolves with the server's body {token, expiresIn, user}.
 * Concurrent callers get the same promise.
 */
function login() {
  if (loginPromise) return loginPromise
  const p = wxLoginCode()
    .then((code) => send(LOGIN_PATH, 'POST', { code }, null))
    .then((res) => {
      if (!isOk(res.statusCode)) throw toApiError(res)
      const body = res.data
      if (!body || typeof body !== 'object' || !body.token) throw new ApiError('SERVER_ERROR', MSG_SERVER, res.statusCode)
      setToken(body.token)
      return body
    })
  loginPromise = p
  const done = () => {
    if (loginPromise === p) loginPromise = null
  }
  p.then(done, done)
  return p
}

/** Show an error in large readable form: short messages as a toast, longer ones as a modal. */
function showErrorMessage(message) {
  const text = message || MSG_SERVER
  if (text.length <= TOAST_MAX_CHARS) {
    wx.showToast({ title: text, icon: 'none', duration: 3000 })
  } else {
    wx.showModal({ title: '提示', content: text, showCancel: false })
  }
}

/**
 * @param {{url: string, method?: string, data?: any, auth?: boolean, showError?: boolean}} options
 * @returns {Promise<any>} the response body
 */
function request(options) {
  const url = options.url
  const method = (options.method || 'GET').toUpperCase()
  const data = options.data
  const auth = options.auth !== false
  const showError = options.showError !== false
  let retried = false

  function attempt() {
    const ready = auth && !getToken() ? login() : Promise.resolve()
    return ready.then(() => {
      const token = auth ? getToken() : ''
      return send(url, method, data, token).then((res) => {
        if (isOk(res.statusCode)) return res.data
        if (res.statusCode === 401 && auth && !retried) {
          retried = true
          // Only drop the token this request used: a parallel request may already have renewed it.
          if (getToken() === token) clearToken()
          return attempt()
        }
        if (res.statusCode === 401 && auth && getToken() === token) clearToken()
        throw toApiError(res)
      })
    })
  }

  return attempt().catch((err) => {
    const e = err instanceof ApiError ? err : new ApiError('CLIENT_ERROR', MSG_SERVER)
    if (showError) showErrorMessage(e.message)
    throw e
  })
}

function withMethod(method) {
  return (url, data, options) => request(Object.assign({}, options, { url, method, data }))
}

const get = withMethod('GET')
const post = withMethod('POST')
const put = withMethod('PUT')
const del = withMethod('DELETE')

module.exports = { request, get, post, put, del, login, getToken, clearToken, setBaseUrl, fullUrl, ApiError }
