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
  global.__pageQuery = {}
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

const MY_SHIFT = { claimId: 1, shiftId: 7, date: '2026-12-01', start: '18:00', end: '19:00', stationName: '春园社区红色驿站', roleName: '晚间一小时', statusName: '待值班', releasable: true }

test('my shifts: 扫码签到 sends the scene and location and shows 核验方式; check-out shows the minutes; release', async () => {
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.success({ latitude: 32.07812, longitude: 112.14321 }))
  const scan = jest.spyOn(wx, 'scanCode').mockImplementation((o) => o.success({ path: 'pages/station/index?scene=st%3DCY01' }))
  let checkedIn = false
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [Object.assign({}, MY_SHIFT, checkedIn ? { statusName: '值班中', verifyName: '扫驿站码', releasable: false } : {})] }),
    'POST /api/duty/check-in': () => {
      checkedIn = true
      return { statusCode: 200, data: { message: '签到成功！春园社区红色驿站（已扫驿站码核验）', verify: 'STATION_CODE', verifyName: '扫驿站码' } }
    },
    'POST /api/duty/check-out': () => ({ statusCode: 200, data: { message: '签退成功！本次服务60分钟' } }),
    'POST /api/duty/shifts/7/release': () => ({ statusCode: 200, data: { released: true } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(mineId)
  await waitFor(() => page.querySelector('.shift'))
  expect(text(page, '.state')).toBe('待值班')
  expect(text(page, '.scan')).toBe('扫码签到')
  expect(text(page, '.locate')).toBe('定位签到')

  tap(page, '.scan')
  await waitFor(() => text(page, '.result-text') === '签到成功！春园社区红色驿站（已扫驿站码核验）')
  expect(scan.mock.calls[0][0].onlyFromCamera).toBe(true)
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: 'st=CY01', latitude: 32.07812, longitude: 112.14321 })
  expect(text(page, '.verify')).toBe('核验方式：扫驿站码')
  await waitFor(() => text(page, '.shift-verify') === '签到核验：扫驿站码')

  tap(page, '.checkout')
  await waitFor(() => text(page, '.result-text') === '签退成功！本次服务60分钟')
  expect(page.querySelector('.verify')).toBeFalsy()
})

test('my shifts: release gives the seat back', async () => {
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [MY_SHIFT] }),
    'POST /api/duty/shifts/7/release': () => ({ statusCode: 200, data: { released: true } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(mineId)
  await waitFor(() => page.querySelector('.release'))
  tap(page, '.release')
  await waitFor(() => server.calls.some((c) => c.url === '/api/duty/shifts/7/release'))
})

test('定位签到 sends the location without a scene and shows 核验方式：定位', async () => {
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.success({ latitude: 32.0790, longitude: 112.1432 }))
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [MY_SHIFT] }),
    'POST /api/duty/check-in': () => ({ statusCode: 200, data: { message: '签到成功！（已定位核验，距驿站约111米）', verify: 'LOCATION', verifyName: '定位', distanceMeters: 111 } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(mineId)
  await waitFor(() => page.querySelector('.shift'))
  tap(page, '.locate')
  await waitFor(() => text(page, '.verify') === '核验方式：定位')
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: '', latitude: 32.079, longitude: 112.1432 })
  expect(page.querySelector('.location-denied')).toBeFalsy()
})

test('location refused: the page explains, sends nothing, offers 去设置 and an unverified try the server may refuse', async () => {
  const modal = jest.spyOn(wx, 'showModal').mockImplementation(() => {})
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }))
  const setting = jest.spyOn(wx, 'openSetting').mockImplementation(() => {})
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [MY_SHIFT] }),
    'POST /api/duty/check-in': () => ({ statusCode: 400, data: { code: 'CHECKIN_PROOF_REQUIRED', message: '请扫描驿站的二维码或允许获取位置后再签到' } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(mineId)
  await waitFor(() => page.querySelector('.shift'))
  tap(page, '.locate')
  await waitFor(() => page.querySelector('.location-denied'))
  expect(text(page, '.denied-text')).toContain('没有获取到您的位置')
  expect(text(page, '.denied-text')).toContain('扫码签到')
  expect(server.calls.some((c) => c.url === '/api/duty/check-in')).toBe(false)

  tap(page, '.open-setting')
  await waitFor(() => setting.mock.calls.length > 0)

  tap(page, '.unverified')
  await waitFor(() => server.calls.some((c) => c.url === '/api/duty/check-in'))
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: '' })
  await waitFor(() => modal.mock.calls.length + wx.showToast.mock.calls.length > 0)
  const shown = modal.mock.calls.length ? modal.mock.calls[0][0].content : wx.showToast.mock.calls[0][0].title
  expect(shown).toBe('请扫描驿站的二维码或允许获取位置后再签到')
  expect(page.querySelector('.result')).toBeFalsy()
})

test('a station that allows it: the unverified check-in succeeds and says 未核验', async () => {
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }))
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [MY_SHIFT] }),
    'POST /api/duty/check-in': () => ({ statusCode: 200, data: { message: '签到成功！（未核验：本次服务时长将单独标注，社区工作人员会收到提醒）', verify: 'NONE', verifyName: '未核验' } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render(mineId)
  await waitFor(() => page.querySelector('.shift'))
  tap(page, '.locate')
  await waitFor(() => page.querySelector('.unverified'))
  tap(page, '.unverified')
  await waitFor(() => text(page, '.verify') === '核验方式：未核验')
  expect(page.querySelector('.location-denied')).toBeFalsy()
})

test('opened from the station page after a scan: checks in with the scene at once; outside the window the message is shown', async () => {
  const modal = jest.spyOn(wx, 'showModal').mockImplementation(() => {})
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => o.fail({ errMsg: 'getLocation:fail auth deny' }))
  const msg = '现在不在签到时间内：您的值班 2026-12-01 18:00 开始，请在开始前15分钟到开始后30分钟之间签到'
  const server = fakeServer({
    'GET /api/duty/my-shifts': () => ({ statusCode: 200, data: [] }),
    'POST /api/duty/check-in': () => ({ statusCode: 409, data: { code: 'CHECKIN_OUTSIDE_WINDOW', message: msg } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  global.__pageQuery = { scene: 'st%3DCY01' }
  const page = render(mineId)
  await waitFor(() => modal.mock.calls.length > 0)
  expect(modal.mock.calls[0][0].content).toBe(msg)
  expect(server.calls.find((c) => c.url === '/api/duty/check-in').data).toEqual({ scene: 'st=CY01' })
  expect(state(page).message).toBe('您近期没有认领的班次')
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
