const path = require('path')
const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, waitFor, text, texts } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const ROOT = path.resolve(__dirname, '../miniprogram')
const opts = { rootPath: ROOT, compilerOptions: { maxBuffer: 64 << 20 } }
const shiftsId = simulate.load(path.join(ROOT, 'pages/duty/shifts/index'), opts)
const mineId = simulate.load(path.join(ROOT, 'pages/duty/mine/index'), opts)

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
  page.querySelector('.claim').dispatchEvent('tap')
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

  page.querySelector('.scan').dispatchEvent('tap')
  await waitFor(() => text(page, '.result-text') === '签到成功！春园社区红色驿站')
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: 'st=CY01', latitude: 32.07812, longitude: 112.14321 })

  page.querySelector('.checkout').dispatchEvent('tap')
  await waitFor(() => text(page, '.result-text') === '签退成功！本次服务60分钟')

  await waitFor(() => page.querySelector('.release'))
  page.querySelector('.release').dispatchEvent('tap')
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
  await waitFor(() => page.querySelector('.empty'))
  page.querySelector('.checkin').dispatchEvent('tap')
  await waitFor(() => modal.mock.calls.length > 0)
  expect(modal.mock.calls[0][0].content).toBe(msg)
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: '' })
})
