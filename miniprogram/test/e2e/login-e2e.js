#!/usr/bin/env node
// End-to-end login check against a real server, run in plain Node (NOT a jest test).
//   node test/e2e/login-e2e.js <baseUrl> <code>
// Shims the `wx` global over real HTTP (Node 20 fetch), then uses the mini-program's own
// utils/request.js: setBaseUrl(baseUrl); get('/api/me') (which logs in with <code> first).
// stdout: exactly one JSON line
//   {"ok":true,"me":<body>,"tokenStored":true|false}                 exit 0
//   {"ok":false,"code":...,"status":...,"message":...}               exit 1
// Toasts/modals the helper would show are written to stderr.
'use strict'

const [baseUrl, code] = process.argv.slice(2)
if (!baseUrl || !code) {
  process.stderr.write('usage: node test/e2e/login-e2e.js <baseUrl> <code>\n')
  process.stdout.write(JSON.stringify({ ok: false, code: 'USAGE', status: 0, message: 'usage: login-e2e.js <baseUrl> <code>' }) + '\n')
  process.exit(2)
}

const storage = new Map()

function withQuery(url, data) {
  if (!data || typeof data !== 'object') return url
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(data)) if (v !== undefined && v !== null) qs.append(k, String(v))
  const s = qs.toString()
  return s ? url + (url.includes('?') ? '&' : '?') + s : url
}

global.wx = {
  login(opts) {
    setImmediate(() => opts.success && opts.success({ code, errMsg: 'login:ok' }))
  },
  request(opts) {
    const method = (opts.method || 'GET').toUpperCase()
    const header = Object.assign({}, opts.header || {})
    let url = opts.url
    let body
    if (method === 'GET' || method === 'HEAD') url = withQuery(url, opts.data)
    else if (opts.data !== undefined) body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data)
    fetch(url, { method, headers: header, body })
      .then(async (res) => {
        const text = await res.text()
        let data = text
        try { data = text ? JSON.parse(text) : '' } catch { /* not JSON: keep the text */ }
        const resHeader = {}
        res.headers.forEach((v, k) => { resHeader[k] = v })
        opts.success && opts.success({ statusCode: res.status, data, header: resHeader, errMsg: 'request:ok' })
      }, (err) => {
        opts.fail && opts.fail({ errMsg: 'request:fail ' + ((err && err.cause && err.cause.code) || (err && err.message) || 'error') })
      })
  },
  getStorageSync(key) { return storage.has(key) ? storage.get(key) : '' },
  setStorageSync(key, value) { storage.set(key, value) },
  removeStorageSync(key) { storage.delete(key) },
  showToast(opts) { process.stderr.write('[toast] ' + (opts && opts.title) + '\n') },
  showModal(opts) { process.stderr.write('[modal] ' + (opts && opts.content) + '\n') },
}

const { setBaseUrl, get, getToken } = require('../../miniprogram/utils/request.js')

async function main() {
  setBaseUrl(baseUrl)
  try {
    const me = await get('/api/me')
    process.stdout.write(JSON.stringify({ ok: true, me, tokenStored: Boolean(getToken()) }) + '\n')
    process.exitCode = 0
  } catch (err) {
    const e = err || {}
    process.stdout.write(JSON.stringify({
      ok: false, code: e.code || 'UNKNOWN', status: e.status || 0, message: e.message || String(err),
    }) + '\n')
    process.exitCode = 1
  }
}

main()
