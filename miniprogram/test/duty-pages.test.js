const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, waitFor, text, texts } = require('./helpers')
const { load, tap, state, retry } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const shiftsId = load('pages/duty/shifts/index')
const mineId = load('pages/duty/mine/index')

function render(id) {
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
})
afterEach(() => jest.restoreAllMocks())

const SHIFT = { id: 7, date: '2026-12-01', start: '18:00', end: '19:00', stationName: '春园社区红色驿站', roleName: '晚间一小时', seats: 3, seatsLeft: 1, orgName: '春园路小学党支部', claimedByMe: false }

test('open shifts: claim one; a full shift shows 已满员 and a refusal is shown by the request helper', async () => {
  let claimed = false
  const modal = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const server = fakeServer({
    'GET /api/duty/shifts': () => ({ statusCode: 200, data: [Object.assign({}, SHIFT, { claimedByMe: claimed }), Object.assign({}, SHIFT, { id: 8, seatsLeft: 0 })] }),
    'POST /api/duty/shifts/7/claim': () => {
      claimed = true
      return { statusCode: 200, data: { claimId: 1 } }
    },
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(shiftsId)
  await waitFor(() => page.querySelectorAll('.shift').length === 2)
  expect(texts(page, '.when')[0]).toBe('2026-12-01 18:00-19:00')
  expect(text(page, '.full')).toBe('已满员')
  tap(page, '.claim')
  await waitFor(() => page.querySelector('.mine'))
  expect(text(page, '.mine')).toBe('已认领')
  expect(modal).toHaveBeenCalledWith({ title: '认领成功', icon: 'success' })
})

test('my shifts: scan check-in sends the scene and location; check-out shows the minutes; release', async () => {
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.success({ latitude: 32.07812, longitude: 112.14321 }))
  jest.spyOn(wx, 'scanCode').mockImplementation((o) => o.success({ path: 'pages/station/index?scene=st%3DCY01' }))
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [{ claimId: 1, shiftId: 7, date: '2026-12-01', start: '18:00', end: '19:00', stationName: '春园社区红色驿站', roleName: '晚间一小时', statusName: '待值班', releasable: true }] }),
    'POST /api/duty/check-in': () => ({ statusCode: 200, data: { message: '签到成功！春园社区红色驿站' } }),
    'POST /api/duty/check-out': () => ({ statusCode: 200, data: { message: '签退成功！本次服务60分钟' } }),
    'POST /api/duty/shifts/7/release': () => ({ statusCode: 200, data: { released: true } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(mineId)
  await waitFor(() => page.querySelector('.shift'))
  expect(text(page, '.state')).toBe('待值班')

  tap(page, '.scan')
  await waitFor(() => text(page, '.result-text') === '签到成功！春园社区红色驿站')
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: 'st=CY01', latitude: 32.07812, longitude: 112.14321 })

  tap(page, '.checkout')
  await waitFor(() => text(page, '.result-text') === '签退成功！本次服务60分钟')

  await waitFor(() => page.querySelector('.release'))
  tap(page, '.release')
  await waitFor(() => server.calls.some((c) => c.url === '/api/duty/shifts/7/release'))
})

test('check-in refused outside the window: the server message is shown, location refused is fine', async () => {
  const modal = jest.spyOn(wx, 'showModal').mockImplementation(() => {})
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }))
  const msg = '现在不在签到时间内：您的值班 2026-12-01 18:00 开始，请在开始前15分钟到开始后30分钟之间签到'
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [] }),
    'POST /api/duty/check-in': () => ({ statusCode: 409, data: { code: 'CHECKIN_OUTSIDE_WINDOW', message: msg } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(mineId)
  await waitFor(() => (state(page) || {}).status === 'empty')
  expect(state(page).message).toBe('您近期没有认领的班次')
  tap(page, '.checkin')
  await waitFor(() => modal.mock.calls.length > 0)
  expect(modal.mock.calls[0][0].content).toBe(msg)
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: '' })
})

test('open shifts: loading, then an error with 重试 that loads again', async () => {
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  let calls = 0
  const server = fakeServer({
    'GET /api/duty/shifts': () => (++calls === 1
      ? { statusCode: 503, data: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }
      : { statusCode: 200, data: [] }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(shiftsId)
  expect(state(page).status).toBe('loading')
  await waitFor(() => (state(page) || {}).status === 'error')
  expect(state(page).message).toBe('服务暂时不可用，请稍后再试')
  retry(page)
  await waitFor(() => (state(page) || {}).status === 'empty')
  expect(state(page).message).toBe('近两周暂无可认领的班次')
  expect(calls).toBe(2)
})
