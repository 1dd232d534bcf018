/**
 * @jest-environment node
 */
// Runs test/e2e/login-e2e.js (the script the server's tests spawn) against a tiny in-process
// HTTP server, so the real-HTTP wx shim and its one-line JSON output stay working.
const http = require('http')
const path = require('path')
const { execFile } = require('child_process')

const SCRIPT = path.resolve(__dirname, 'e2e/login-e2e.js')
let server
let baseUrl
let seen

function json(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => { raw += c })
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization || null, body: raw })
      if (req.method === 'POST' && req.url === '/api/auth/login') {
        const { code } = JSON.parse(raw)
        if (code === 'bad') return json(res, 400, { code: 'AUTH_CODE_INVALID', message: '登录失败，请重新打开小程序', requestId: 'x1' })
        return json(res, 200, { token: 'tok-' + code, expiresIn: 7200, user: { id: 5, roles: ['RESIDENT'] } })
      }
      if (req.method === 'GET' && req.url === '/api/me') {
        if (req.headers.authorization === 'Bearer tok-' + 'good') return json(res, 200, { id: 5, roles: ['RESIDENT', 'MEMBER'] })
        return json(res, 401, { code: 'AUTH_TOKEN_INVALID', message: '登录状态无效' })
      }
      json(res, 404, { code: 'NOT_FOUND', message: '未找到' })
    })
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  baseUrl = 'http://127.0.0.1:' + server.address().port
})

afterAll(() => new Promise((r) => server.close(r)))
beforeEach(() => { seen = [] })

function runScript(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { timeout: 10000 }, (err, stdout, stderr) => {
      resolve({ code: err ? err.code : 0, stdout, stderr })
    })
  })
}

test('logs in with the code, calls /api/me with the Bearer token, prints one JSON line', async () => {
  const r = await runScript(baseUrl, 'good')
  expect(r.code).toBe(0)
  const lines = r.stdout.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(JSON.parse(lines[0])).toEqual({ ok: true, me: { id: 5, roles: ['RESIDENT', 'MEMBER'] }, tokenStored: true })
  expect(seen.map((s) => s.method + ' ' + s.url)).toEqual(['POST /api/auth/login', 'GET /api/me'])
  expect(JSON.parse(seen[0].body)).toEqual({ code: 'good' })
  expect(seen[1].auth).toBe('Bearer tok-good')
  expect(r.stdout + r.stderr).not.toContain('tok-good')
})

test('server error: prints ok:false with code, status and message, exits 1', async () => {
  const r = await runScript(baseUrl, 'bad')
  expect(r.code).toBe(1)
  expect(JSON.parse(r.stdout.trim())).toEqual({ ok: false, code: 'AUTH_CODE_INVALID', status: 400, message: '登录失败，请重新打开小程序' })
  expect(r.stderr).toContain('登录失败，请重新打开小程序')
})

test('401 twice: one re-login, then ok:false status 401', async () => {
  const r = await runScript(baseUrl, 'other')
  expect(r.code).toBe(1)
  expect(JSON.parse(r.stdout.trim())).toMatchObject({ ok: false, code: 'AUTH_TOKEN_INVALID', status: 401 })
  expect(seen.map((s) => s.method + ' ' + s.url)).toEqual(['POST /api/auth/login', 'GET /api/me', 'POST /api/auth/login', 'GET /api/me'])
})
