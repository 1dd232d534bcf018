const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, fakeLogin, loginRoute, waitFor, text } = require('./helpers')
const { load, tap, state, retry } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

// load() once per test file (jest's module registry ignores simulate's require-cache reset).
// The default 'official' compiler runs the real wcc, so WXML errors fail here too.
const pageId = load('pages/home/index/index')

function renderPage() {
  const page = simulate.render(pageId)
  page.attach(document.createElement('parent-wrapper'))
  return page
}


beforeEach(() => {
  global.__storage.clear()
  api.setBaseUrl(BASE)
  // nearby stations are tested in station-home.test.js: keep the location request pending here
  jest.spyOn(wx, 'getLocation').mockImplementation(() => {})
})

test('shows the header, intro and scan button', () => {
  wx.setStorageSync('rs_token', 't') // no login: nothing may leak into the next test
  jest.spyOn(wx, 'request').mockImplementation(() => {}) // keep /api/me pending
  const page = renderPage()
  expect(text(page, '.title')).toBe('红色驿站 · 家门口的服务')
  expect(text(page, '.hint')).toBe('扫一扫驿站门口的二维码，查看服务、预约晚间一小时')
  expect(text(page, '.scan')).toBe('扫码进驿站')
  expect(state(page).status).toBe('loading')
})

test('logs in, loads /api/me and shows a greeting, the roles beyond resident and the unread count', async () => {
  fakeLogin()
  const server = fakeServer({
    'POST /api/auth/login': loginRoute,
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT', 'MEMBER', 'STAFF'] } }),
    'GET /api/notify/messages/unread-count': () => ({ statusCode: 200, data: { unread: 3 } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)

  const page = renderPage()
  await waitFor(() => page.querySelector('.welcome'))

  expect(text(page, '.welcome')).toBe('您好，欢迎来到红色驿站')
  expect(text(page, '.roles')).toBe('党员、社区工作人员')
  expect(page.instance.data.welcome + page.instance.data.roleText).not.toMatch(/已登录|身份|居民/)
  expect(state(page)).toBeNull()
  await waitFor(() => page.querySelector('.unread-count'))
  expect(text(page, '.unread-count')).toBe('（3条未读）')
  expect(server.calls.map((c) => c.method + ' ' + c.url)).toEqual(['POST /api/auth/login', 'GET /api/me', 'GET /api/notify/messages/unread-count'])
  expect(server.calls[1].header.Authorization).toBe('Bearer token-code-1')
})

test('failure shows .error with the message; .retry requests again and recovers', async () => {
  wx.setStorageSync('rs_token', 't')
  const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const modal = jest.spyOn(wx, 'showModal').mockImplementation(() => {})
  let meCalls = 0
  const server = fakeServer({
    'GET /api/me': () => (++meCalls === 1
      ? { statusCode: 503, data: { code: 'SERVICE_UNAVAILABLE', message: '系统维护中，请稍后再试' } }
      : { statusCode: 200, data: { id: 2, name: '王阿姨', roles: ['RESIDENT'] } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)

  const page = renderPage()
  await waitFor(() => (state(page) || {}).status === 'error')
  expect(state(page).message).toBe('系统维护中，请稍后再试')
  expect(page.querySelector('.welcome')).toBeFalsy()
  // the page shows the error itself: no extra toast/modal on top
  expect(toast).not.toHaveBeenCalled()
  expect(modal).not.toHaveBeenCalled()

  retry(page)
  await waitFor(() => page.querySelector('.welcome'))

  expect(meCalls).toBe(2)
  expect(text(page, '.welcome')).toBe('您好，王阿姨')
  expect(page.querySelector('.roles')).toBeFalsy()
  expect(state(page)).toBeNull()
})

test('network failure shows the friendly network message', async () => {
  wx.setStorageSync('rs_token', 't')
  jest.spyOn(wx, 'request').mockImplementation((o) => setTimeout(() => o.fail({ errMsg: 'request:fail' }), 0))
  const page = renderPage()
  await waitFor(() => (state(page) || {}).status === 'error')
  expect(state(page).message).toBe('网络不给力，请稍后再试')
  expect(page.querySelector('.page-state').querySelector('.state-retry')).toBeTruthy()
})

describe('scan button', () => {
  let page
  beforeEach(() => {
    wx.setStorageSync('rs_token', 't')
    jest.spyOn(wx, 'request').mockImplementation(() => {})
    page = renderPage()
  })

  test('calls wx.scanCode and navigates to the station page with the scene', async () => {
    const scan = jest.spyOn(wx, 'scanCode').mockImplementation((o) => o.success({ path: 'pages/index/index?scene=st%3D12', result: '', errMsg: 'scanCode:ok' }))
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
    tap(page, '.scan')
    await simulate.sleep(0)
    expect(scan).toHaveBeenCalledTimes(1)
    expect(nav).toHaveBeenCalledWith({ url: '/pages/station/detail/index?scene=st%3D12' })
  })

  test('quick links open my bookings and the member centre', async () => {
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
    tap(page, '.my-bookings')
    tap(page, '.member-center')
    await simulate.sleep(0)
    expect(nav).toHaveBeenCalledWith({ url: '/pages/booking/mine/index' })
    expect(nav).toHaveBeenCalledWith({ url: '/pages/member/center/index' })
  })

  test('quick links open my wishes, volunteer activities and the tasks assigned to me', async () => {
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
    tap(page, '.my-wishes')
    tap(page, '.volunteer')
    tap(page, '.my-tasks')
    await simulate.sleep(0)
    expect(nav).toHaveBeenCalledWith({ url: '/pages/wish/mine/index' })
    expect(nav).toHaveBeenCalledWith({ url: '/pages/volunteer/activities/index' })
    expect(nav).toHaveBeenCalledWith({ url: '/pages/wish/tasks/index' })
  })

  test('cancel does nothing', async () => {
    jest.spyOn(wx, 'scanCode').mockImplementation((o) => o.fail({ errMsg: 'scanCode:fail cancel' }))
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
    const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
    tap(page, '.scan')
    await simulate.sleep(0)
    expect(nav).not.toHaveBeenCalled()
    expect(toast).not.toHaveBeenCalled()
  })

  test('failure shows a toast', async () => {
    jest.spyOn(wx, 'scanCode').mockImplementation((o) => o.fail({ errMsg: 'scanCode:fail camera' }))
    const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
    tap(page, '.scan')
    await simulate.sleep(0)
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '扫码失败，请重试', icon: 'none' }))
  })

  test('a code that is not a station code does not navigate', async () => {
    jest.spyOn(wx, 'scanCode').mockImplementation((o) => o.success({ result: 'https://example.com', errMsg: 'scanCode:ok' }))
    const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
    const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
    tap(page, '.scan')
    await simulate.sleep(0)
    expect(nav).not.toHaveBeenCalled()
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '不是驿站二维码' }))
  })
})

test('关怀模式: the switch enlarges the page at once and is kept on the server; the server\'s choice is applied at login', async () => {
  fakeLogin()
  let elderMode = true
  const server = fakeServer({
    'POST /api/auth/login': loginRoute,
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT'], elderMode } }),
    'GET /api/notify/messages/unread-count': () => ({ statusCode: 200, data: { unread: 0 } }),
    'PUT /api/me/elder-mode': (call) => { elderMode = call.data.on; return { statusCode: 200, data: { id: 1, roles: ['RESIDENT'], elderMode } } },
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = renderPage()
  await waitFor(() => page.querySelector('.elder-switch'))
  // chosen on another phone: applied here as soon as /api/me answers
  expect(page.querySelector('.elder')).toBeTruthy()
  expect(wx.getStorageSync('rs_elder')).toBe(true)
  await page.instance.onElder({ detail: { value: false } })
  await simulate.sleep(0)
  expect(page.querySelector('.elder')).toBeFalsy()
  expect(server.calls.find((c) => c.method === 'PUT').data).toEqual({ on: false })
  expect(wx.getStorageSync('rs_elder')).toBe(false)
})

test('关怀模式: a failed save puts the switch back', async () => {
  wx.setStorageSync('rs_token', 't')
  const server = fakeServer({
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT'], elderMode: false } }),
    'GET /api/notify/messages/unread-count': () => ({ statusCode: 200, data: { unread: 0 } }),
    'PUT /api/me/elder-mode': () => ({ statusCode: 503, data: { code: 'SERVICE_BUSY', message: '系统繁忙，请稍后再试' } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const page = renderPage()
  await waitFor(() => page.querySelector('.elder-switch'))
  await page.instance.onElder({ detail: { value: true } })
  await simulate.sleep(0)
  expect(page.instance.data.elder).toBe(false)
  expect(toast).toHaveBeenCalled()
})
