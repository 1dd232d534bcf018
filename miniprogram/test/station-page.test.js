// Station page: opened from a scanned scene or from a list; everything of the station view; 404; paused.
const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, waitFor, text, texts } = require('./helpers')
const { load, tap, state } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const pageId = load('pages/station/detail/index')

function view(over) {
  return Object.assign({
    station: {
      id: 3, code: 'CY01', name: '春园社区红色驿站', streetName: '紫贞街道', communityName: '春园社区', communityPhone: '0710-3310003',
      address: '紫贞街道铁路游泳池小区移交用房', latitude: 32.07812, longitude: 112.14321, phone: '0710-3310103',
      buildType: 'REBUILT', buildTypeName: '改建', status: 'OPEN', statusName: '开放中',
    },
    notice: '工作日晚间一小时、周末红色周末照常服务',
    schedule: [
      { dayOfWeek: 1, dayName: '周一', windows: [{ start: '08:30', end: '12:00', kind: 'REGULAR', kindName: '常规' }, { start: '18:00', end: '19:00', kind: 'EVENING_EXTRA', kindName: '晚间一小时' }] },
      { dayOfWeek: 7, dayName: '周日', windows: [] },
    ],
    serviceGroups: [
      { category: '便民服务', services: [{ id: 1, name: '免费手机充电', usageMode: 'SELF_SERVICE', usageModeName: '自助' }] },
      { category: '文化学习', services: [{ id: 19, name: '四点半课堂', usageMode: 'BOOKABLE', usageModeName: '可预约', note: '放学后', hours: '工作日 16:30-18:00' }] },
    ],
    serviceCount: 2,
    bookable: true,
    openNow: true,
    todayText: '今天 08:30-12:00、18:00-19:00（晚间一小时）',
    onDuty: [{ maskedName: '张**', organisation: '五洲医院党支部', until: '19:00' }],
    nextSlots: [{ slotId: 9, date: '2026-12-01', start: '18:00', end: '19:00', kind: 'EVENING_EXTRA', kindName: '晚间一小时', capacity: 10, seatsLeft: 4, waitlistOpen: false }],
  }, over)
}

function renderPage(query) {
  global.__pageQuery = query
  const page = simulate.render(pageId)
  page.attach(document.createElement('parent-wrapper'))
  return page
}


let server
beforeEach(() => {
  global.__storage.clear()
  api.setBaseUrl(BASE)
  jest.spyOn(wx, 'setNavigationBarTitle').mockImplementation(() => {})
})
afterAll(() => {
  global.__pageQuery = {}
})

function serve(routes) {
  server = fakeServer(routes)
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
}

test('opens from a scanned (URL-encoded) scene and shows the whole station view', async () => {
  serve({ 'GET /api/stations/scan?scene=st%3DCY01': () => ({ statusCode: 200, data: view() }) })
  const page = renderPage({ scene: 'st%3DCY01' })
  await waitFor(() => page.querySelector('.station-name'))
  expect(server.calls).toHaveLength(1)
  expect(server.calls[0].header.Authorization).toBeUndefined() // public: no login needed
  expect(text(page, '.station-name')).toBe('春园社区红色驿站')
  expect(text(page, '.community')).toBe('紫贞街道 · 春园社区')
  expect(text(page, '.notice-text')).toBe('工作日晚间一小时、周末红色周末照常服务')
  expect(text(page, '.open-state')).toBe('正在开放')
  expect(text(page, '.today-text')).toBe('今天 08:30-12:00、18:00-19:00（晚间一小时）')
  expect(texts(page, '.group-title')).toEqual(['便民服务', '文化学习'])
  expect(texts(page, '.service-name')).toEqual(['免费手机充电', '四点半课堂'])
  expect(texts(page, '.service-detail')).toEqual(['放学后，工作日 16:30-18:00'])
  expect(texts(page, '.duty-person')).toEqual(['张**（五洲医院党支部），值守到 19:00'])
  expect(texts(page, '.slot-text')).toEqual(['2026-12-01 18:00-19:00 晚间一小时'])
  expect(texts(page, '.slot-seats')).toEqual(['余 4 位'])
  expect(texts(page, '.schedule-text')).toEqual(['08:30-12:00，18:00-19:00 晚间一小时', '不开放'])
  expect(wx.setNavigationBarTitle).toHaveBeenCalledWith({ title: '春园社区红色驿站' })
})

test('an already decoded scene works too; from a list it opens by id', async () => {
  serve({
    'GET /api/stations/scan?scene=st%3DCY01': () => ({ statusCode: 200, data: view() }),
    'GET /api/stations/3': () => ({ statusCode: 200, data: view() }),
  })
  const a = renderPage({ scene: 'st=CY01' })
  await waitFor(() => a.querySelector('.station-name'))
  const b = renderPage({ id: '3' })
  await waitFor(() => b.querySelector('.station-name'))
  expect(server.calls.map((c) => c.url)).toEqual(['/api/stations/scan?scene=st%3DCY01', '/api/stations/3'])
})

test('call, navigate and the big 预约 button', async () => {
  serve({ 'GET /api/stations/3': () => ({ statusCode: 200, data: view() }) })
  const page = renderPage({ id: '3' })
  await waitFor(() => page.querySelector('.book'))
  const call = jest.spyOn(wx, 'makePhoneCall').mockImplementation(() => {})
  const open = jest.spyOn(wx, 'openLocation').mockImplementation(() => {})
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  tap(page, '.call')
  tap(page, '.navigate')
  tap(page, '.book')
  await simulate.sleep(0)
  expect(call).toHaveBeenCalledWith({ phoneNumber: '0710-3310103' })
  expect(open).toHaveBeenCalledWith(expect.objectContaining({ latitude: 32.07812, longitude: 112.14321, name: '春园社区红色驿站' }))
  expect(nav).toHaveBeenCalledWith({ url: '/pages/booking/slots/index?stationId=3' })
})

test('no 预约 button and no slot list when nothing is bookable; empty duty shows a placeholder', async () => {
  serve({ 'GET /api/stations/3': () => ({ statusCode: 200, data: view({ bookable: false, nextSlots: [], onDuty: [] }) }) })
  const page = renderPage({ id: '3' })
  await waitFor(() => page.querySelector('.station-name'))
  expect(page.querySelector('.book')).toBeFalsy()
  expect(page.querySelector('.slots')).toBeFalsy()
  expect(text(page, '.no-duty')).toBe('暂无值班信息')
})

test('a paused station still shows its notice', async () => {
  const paused = view({ notice: '装修暂停，下周一恢复', openNow: false, todayText: '今天暂停服务' })
  paused.station = Object.assign({}, paused.station, { status: 'PAUSED', statusName: '暂停服务' })
  serve({ 'GET /api/stations/3': () => ({ statusCode: 200, data: paused }) })
  const page = renderPage({ id: '3' })
  await waitFor(() => page.querySelector('.station-name'))
  expect(text(page, '.paused-label')).toBe('暂停服务')
  expect(text(page, '.notice-text')).toBe('装修暂停，下周一恢复')
  expect(text(page, '.open-state')).toBe('现在休息')
  expect(text(page, '.today-text')).toBe('今天暂停服务')
})

test('unknown station: the server\'s 404 message is shown with a way home', async () => {
  const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const modal = jest.spyOn(wx, 'showModal').mockImplementation(() => {})
  serve({
    'GET /api/stations/scan?scene=st%3DNOPE99': () => ({ statusCode: 404, data: { code: 'STATION_NOT_FOUND', message: '没有找到这个驿站，请确认二维码是否正确' } }),
  })
  const page = renderPage({ scene: 'st%3DNOPE99' })
  await waitFor(() => (state(page) || {}).status === 'error')
  expect(state(page).message).toBe('没有找到这个驿站，请确认二维码是否正确')
  expect(page.querySelector('.station-name')).toBeFalsy()
  expect(toast).not.toHaveBeenCalled()
  expect(modal).not.toHaveBeenCalled()
  const relaunch = jest.spyOn(wx, 'reLaunch').mockImplementation(() => {})
  tap(page, '.home')
  await simulate.sleep(0)
  expect(relaunch).toHaveBeenCalledWith({ url: '/pages/home/index/index' })
})

test('a malformed scene shows the server\'s 400 message; without scene or id a hint', async () => {
  serve({
    'GET /api/stations/scan?scene=%25zz': () => ({ statusCode: 400, data: { code: 'VALIDATION_FAILED', field: 'scene', message: '二维码内容不正确，请重新扫描驿站门口的二维码' } }),
  })
  const bad = renderPage({ scene: '%zz' })
  await waitFor(() => (state(bad) || {}).status === 'error')
  expect(state(bad).message).toBe('二维码内容不正确，请重新扫描驿站门口的二维码')
  const none = renderPage({})
  await waitFor(() => (state(none) || {}).status === 'error')
  expect(state(none).message).toBe('没有驿站信息，请扫描驿站门口的二维码')
})

test('a Party member who scanned the station code goes to the duty page with its scene; from a list without it', async () => {
  wx.setStorageSync('rs_token', 't')
  serve({
    'GET /api/stations/scan?scene=st%3DCY01': () => ({ statusCode: 200, data: view() }),
    'GET /api/stations/3': () => ({ statusCode: 200, data: view() }),
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT', 'MEMBER'] } }),
    'POST /api/booking/arrivals': () => ({ statusCode: 409, data: { code: 'ARRIVAL_NO_BOOKING', message: '没有预约' } }),
  })
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  const scanned = renderPage({ scene: 'st%3DCY01' })
  await waitFor(() => scanned.querySelector('.duty-checkin'))
  tap(scanned, '.duty-checkin')
  await simulate.sleep(0)
  expect(nav).toHaveBeenCalledWith({ url: '/pages/duty/mine/index?scene=st%3DCY01' })

  // opened from a list or a share: no scene, so no proof; the duty page asks to scan or share the location
  const listed = renderPage({ id: '3' })
  await waitFor(() => listed.querySelector('.duty-checkin'))
  tap(listed, '.duty-checkin')
  await simulate.sleep(0)
  expect(nav).toHaveBeenLastCalledWith({ url: '/pages/duty/mine/index' })
})

test('a resident sees 党员报到 (not 值班签到), opening registration for the station\'s community', async () => {
  wx.setStorageSync('rs_token', 't')
  serve({
    'GET /api/stations/3': () => ({ statusCode: 200, data: view({ station: { ...view().station, communityId: 3 } }) }),
    'GET /api/me': () => ({ statusCode: 200, data: { id: 2, roles: ['RESIDENT'] } }),
  })
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  const page = renderPage({ id: '3' })
  await waitFor(() => page.querySelector('.member-register'))
  expect(page.querySelector('.duty-checkin')).toBeFalsy()
  tap(page, '.member-register')
  await simulate.sleep(0)
  expect(nav).toHaveBeenCalledWith({ url: '/pages/member/register/index?communityId=3' })
})

test('近期可预约 rows open the booking form for that slot; 候补 wording; the station can be shared', async () => {
  serve({ 'GET /api/stations/3': () => ({ statusCode: 200, data: view({ nextSlots: [{ slotId: 9, date: '2026-12-01', start: '18:00', end: '19:00', kindName: '晚间一小时', seatsLeft: 0, waitlistOpen: true }] }) }) })
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  const page = renderPage({ id: '3' })
  await waitFor(() => page.querySelector('.slot'))
  expect(texts(page, '.slot-seats')).toEqual(['可候补'])
  page.instance.onOpenSlot({ currentTarget: { dataset: { id: 9 } } })
  expect(nav).toHaveBeenCalledWith({ url: '/pages/booking/form/index?stationId=3&slotId=9&stationName=' + encodeURIComponent('春园社区红色驿站') })
  expect(page.instance.onShareAppMessage()).toEqual({ title: '春园社区红色驿站', path: '/pages/station/detail/index?id=3' })
})

test('a resident with a booking now who scans the station code is checked in and sees the queue number', async () => {
  wx.setStorageSync('rs_token', 't')
  serve({
    'GET /api/stations/scan?scene=st%3DCY01': () => ({ statusCode: 200, data: view() }),
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT'] } }),
    'POST /api/booking/arrivals': () => ({ statusCode: 200, data: { id: 77, status: 'ATTENDED', serviceName: '法律援助', queueNo: 3 } }),
  })
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  const page = renderPage({ scene: 'st%3DCY01' })
  await waitFor(() => page.querySelector('.arrival'))
  expect(server.calls.find((c) => c.url === '/api/booking/arrivals').data).toEqual({ scene: 'st=CY01' })
  expect(text(page, '.arrival-text')).toBe('已签到 · 法律援助 · 排队号 3')
  tap(page, '.arrival')
  await simulate.sleep(0)
  expect(nav).toHaveBeenCalledWith({ url: '/pages/booking/result/index?id=77' })
})

test('scanning without a booking now shows the station without a check-in', async () => {
  wx.setStorageSync('rs_token', 't')
  serve({
    'GET /api/stations/scan?scene=st%3DCY01': () => ({ statusCode: 200, data: view() }),
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT'] } }),
    'POST /api/booking/arrivals': () => ({ statusCode: 409, data: { code: 'ARRIVAL_NO_BOOKING', message: '没有预约' } }),
  })
  const page = renderPage({ scene: 'st%3DCY01' })
  await waitFor(() => page.querySelector('.station-name') && server.calls.some((c) => c.url === '/api/booking/arrivals'))
  await simulate.sleep(5)
  expect(page.querySelector('.arrival')).toBeFalsy()
})
