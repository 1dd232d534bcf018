const { BASE, fakeServer, fakeLogin, loginRoute } = require('./helpers')
const api = require('../miniprogram/utils/request.js')
const config = require('../miniprogram/config.js')

const { ApiError } = api

beforeEach(() => {
  global.__storage.clear()
  api.setBaseUrl(BASE)
})

function stubServer(routes) {
  const server = fakeServer(routes)
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  return server
}

function stubUi() {
  return {
    toast: jest.spyOn(wx, 'showToast').mockImplementation(() => {}),
    modal: jest.spyOn(wx, 'showModal').mockImplementation(() => {}),
  }
}

test('config keeps the base URL in one place', () => {
  expect(config.baseUrl).toBe('http://127.0.0.1:8080')
})

test('login stores the token in rs_token and sends it as a Bearer header', async () => {
  const login = fakeLogin()
  const server = stubServer({
    'POST /api/auth/login': loginRoute,
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT'] } }),
  })

  const me = await api.get('/api/me')

  expect(me).toEqual({ id: 1, roles: ['RESIDENT'] })
  expect(login).toHaveBeenCalledTimes(1)
  expect(server.calls[0]).toMatchObject({ url: '/api/auth/login', method: 'POST', data: { code: 'code-1' } })
  expect(server.calls[0].header.Authorization).toBeUndefined()
  expect(wx.getStorageSync('rs_token')).toBe('token-code-1')
  expect(api.getToken()).toBe('token-code-1')
  expect(server.calls[1].header.Authorization).toBe('Bearer token-code-1')
  expect(wx.request).toHaveBeenLastCalledWith(expect.objectContaining({ url: BASE + '/api/me', method: 'GET' }))

  // Next request reuses the stored token: no new login.
  await api.get('/api/me')
  expect(login).toHaveBeenCalledTimes(1)
})

test('login() resolves with the server body and clearToken() removes the token', async () => {
  fakeLogin()
  stubServer({ 'POST /api/auth/login': loginRoute })
  const body = await api.login()
  expect(body).toMatchObject({ token: 'token-code-1', expiresIn: 7200, user: { id: 1, roles: ['RESIDENT'] } })
  api.clearToken()
  expect(api.getToken()).toBe('')
})

test('concurrent requests share one in-flight login', async () => {
  const login = fakeLogin()
  const server = stubServer({
    'POST /api/auth/login': loginRoute,
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1 } }),
    'GET /api/stations': () => ({ statusCode: 200, data: [] }),
  })

  const results = await Promise.all([api.get('/api/me'), api.get('/api/stations'), api.get('/api/me')])

  expect(results).toEqual([{ id: 1 }, [], { id: 1 }])
  expect(login).toHaveBeenCalledTimes(1)
  expect(server.calls.filter((c) => c.url === '/api/auth/login')).toHaveLength(1)
  for (const c of server.calls.filter((c) => c.url !== '/api/auth/login')) {
    expect(c.header.Authorization).toBe('Bearer token-code-1')
  }
})

test('401 clears the token, logs in again once and retries the request', async () => {
  wx.setStorageSync('rs_token', 'stale')
  const login = fakeLogin()
  const server = stubServer({
    'POST /api/auth/login': loginRoute,
    'GET /api/me': (call) => (call.header.Authorization === 'Bearer stale'
      ? { statusCode: 401, data: { code: 'AUTH_TOKEN_EXPIRED', message: '登录已过期，请重新登录' } }
      : { statusCode: 200, data: { id: 7 } }),
  })
  const ui = stubUi()

  await expect(api.get('/api/me')).resolves.toEqual({ id: 7 })

  expect(login).toHaveBeenCalledTimes(1)
  expect(server.calls.map((c) => c.method + ' ' + c.url)).toEqual(['GET /api/me', 'POST /api/auth/login', 'GET /api/me'])
  expect(server.calls[2].header.Authorization).toBe('Bearer token-code-1')
  expect(api.getToken()).toBe('token-code-1')
  expect(ui.toast).not.toHaveBeenCalled()
  expect(ui.modal).not.toHaveBeenCalled()
})

test('a second 401 rejects with ApiError and shows the message', async () => {
  const login = fakeLogin()
  const server = stubServer({
    'POST /api/auth/login': loginRoute,
    'GET /api/me': () => ({ statusCode: 401, data: { code: 'AUTH_TOKEN_INVALID', message: '登录状态无效，请重新进入', requestId: 'r-1' } }),
  })
  const ui = stubUi()

  const err = await api.get('/api/me').catch((e) => e)

  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({ code: 'AUTH_TOKEN_INVALID', status: 401, message: '登录状态无效，请重新进入', requestId: 'r-1' })
  // first login (no token) + exactly one re-login after the first 401
  expect(login).toHaveBeenCalledTimes(2)
  expect(server.calls.filter((c) => c.url === '/api/me')).toHaveLength(2)
  expect(api.getToken()).toBe('')
  expect(ui.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '提示', content: '登录状态无效，请重新进入', showCancel: false }))
  expect(ui.toast).not.toHaveBeenCalled()
})

test('a short Chinese error message is shown as a toast; the error carries code, status and field', async () => {
  wx.setStorageSync('rs_token', 't')
  stubServer({
    'POST /api/bookings': () => ({ statusCode: 400, data: { code: 'VALIDATION_FAILED', message: '手机号有误', field: 'phone', requestId: 'r-2' } }),
  })
  const ui = stubUi()

  const err = await api.post('/api/bookings', { phone: '1' }).catch((e) => e)

  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({ code: 'VALIDATION_FAILED', message: '手机号有误', status: 400, field: 'phone' })
  expect(ui.toast).toHaveBeenCalledWith({ title: '手机号有误', icon: 'none', duration: 3000 })
  expect(ui.modal).not.toHaveBeenCalled()
  expect(wx.request).toHaveBeenCalledWith(expect.objectContaining({ method: 'POST', data: { phone: '1' } }))
})

test('a long Chinese error message is shown in a modal', async () => {
  wx.setStorageSync('rs_token', 't')
  const msg = '该时段已约满，请选择其他时间'
  stubServer({ 'PUT /api/bookings/1': () => ({ statusCode: 409, data: { code: 'SLOT_FULL', message: msg } }) })
  const ui = stubUi()

  await expect(api.put('/api/bookings/1', {})).rejects.toMatchObject({ code: 'SLOT_FULL', status: 409, message: msg })
  expect(ui.modal).toHaveBeenCalledWith({ title: '提示', content: msg, showCancel: false })
  expect(ui.toast).not.toHaveBeenCalled()
})

test('showError:false rejects without any toast or modal', async () => {
  wx.setStorageSync('rs_token', 't')
  stubServer({ 'DELETE /api/bookings/1': () => ({ statusCode: 403, data: { code: 'FORBIDDEN', message: '无权操作' } }) })
  const ui = stubUi()
  await expect(api.del('/api/bookings/1', undefined, { showError: false })).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 })
  expect(ui.toast).not.toHaveBeenCalled()
  expect(ui.modal).not.toHaveBeenCalled()
})

test('network failure rejects with NETWORK_ERROR and a friendly message', async () => {
  wx.setStorageSync('rs_token', 't')
  stubServer({ 'GET /api/me': () => ({ fail: 'request:fail timeout' }) })
  const ui = stubUi()

  const err = await api.get('/api/me').catch((e) => e)

  expect(err).toBeInstanceOf(ApiError)
  expect(err.code).toBe('NETWORK_ERROR')
  expect(err.message).toBe('网络不给力，请稍后再试')
  expect(ui.modal).toHaveBeenCalledWith(expect.objectContaining({ content: '网络不给力，请稍后再试' }))
})

test('5xx without a JSON body rejects with SERVER_ERROR', async () => {
  wx.setStorageSync('rs_token', 't')
  stubServer({ 'GET /api/me': () => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }) })
  stubUi()
  await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'SERVER_ERROR', status: 502, message: '服务暂时不可用，请稍后再试' })
})

test('auth:false sends no token and does not log in', async () => {
  const login = fakeLogin()
  const server = stubServer({ 'GET /api/public/stations': () => ({ statusCode: 200, data: [{ id: 1 }] }) })
  await expect(api.request({ url: '/api/public/stations', auth: false })).resolves.toEqual([{ id: 1 }])
  expect(login).not.toHaveBeenCalled()
  expect(server.calls[0].header.Authorization).toBeUndefined()
})

test('wx.login failure rejects with WX_LOGIN_FAILED', async () => {
  jest.spyOn(wx, 'login').mockImplementation((opts) => setTimeout(() => opts.fail({ errMsg: 'login:fail' }), 0))
  stubServer({})
  stubUi()
  await expect(api.get('/api/me')).rejects.toMatchObject({ code: 'WX_LOGIN_FAILED' })
})

test('the token is never passed to console', async () => {
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace']
  const spies = methods.map((m) => jest.spyOn(console, m).mockImplementation(() => {}))
  fakeLogin()
  let meCalls = 0
  stubServer({
    'POST /api/auth/login': loginRoute,
    'GET /api/me': () => (++meCalls === 1
      ? { statusCode: 401, data: { code: 'AUTH_TOKEN_EXPIRED', message: '登录已过期' } }
      : { statusCode: 200, data: { id: 1 } }),
    'GET /api/fail': () => ({ statusCode: 500, data: { code: 'INTERNAL', message: '服务器开小差了，请稍后再试' } }),
    'GET /api/down': () => ({ fail: 'request:fail' }),
  })
  stubUi()

  await api.get('/api/me')
  await api.get('/api/fail').catch(() => {})
  await api.get('/api/down').catch(() => {})
  await api.login()

  const logged = JSON.stringify(spies.flatMap((s) => s.mock.calls))
  expect(logged).not.toMatch(/token-code-/)
  for (const s of spies) expect(s).not.toHaveBeenCalled()
})
