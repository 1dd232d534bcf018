const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, waitFor, text, texts } = require('./helpers')
const { load, tap, state, retry } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const ids = {
  slots: load('pages/booking/slots/index'),
  form: load('pages/booking/form/index'),
  result: load('pages/booking/result/index'),
  mine: load('pages/booking/mine/index'),
}

function render(name, query) {
  global.__pageQuery = query || {}
  const page = simulate.render(ids[name])
  page.attach(document.createElement('parent-wrapper'))
  return page
}


const SERVICES = [{ id: 1, name: '水电代办代缴' }, { id: 2, name: '老年公交充值' }]
function slot(id, over) {
  return Object.assign({
    id, stationId: 3, date: '2026-12-01', weekday: '周二', start: '18:00', end: '19:00', kind: 'EVENING_EXTRA',
    kindName: '晚间一小时', capacity: 8, seatsLeft: 3, full: false, waitlistOpen: false, cancelDeadline: '2026-12-01 17:00',
    status: 'OPEN', services: SERVICES,
  }, over)
}
const SLOTS = {
  stationId: 3, stationName: '春园社区红色驿站',
  days: [
    { date: '2026-12-01', weekday: '周二', label: '明天', slots: [slot(11), slot(12, { start: '19:00', end: '20:00', seatsLeft: 0, full: true, waitlistOpen: true })] },
    { date: '2026-12-05', weekday: '周六', label: '12月5日', slots: [slot(21, { date: '2026-12-05', start: '09:00', end: '11:30', kind: 'RED_WEEKEND', kindName: '红色周末' })] },
  ],
}
const CONFIG = { templates: { 'booking-confirmed': 'T-C', 'booking-cancelled': 'T-X', 'booking-reminder': 'T-R', 'booking-promoted': 'T-P' } }

beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
})

afterEach(() => jest.restoreAllMocks())

test('slot picker shows days, seats left, full with waiting list, and opens the form', async () => {
  const server = fakeServer({ 'GET /api/booking/stations/3/slots': () => ({ statusCode: 200, data: SLOTS }) })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  const page = render('slots', { stationId: '3' })
  await waitFor(() => page.querySelector('.slot'))
  expect(text(page, '.station-name')).toBe('春园社区红色驿站')
  const tabs = page.querySelector('.day-tabs')
  expect(tabs.querySelectorAll('.t-tabs__item').map((t) => t.dom.textContent.trim())).toEqual(['明天 周二', '12月5日 周六'])
  expect(texts(page, '.slot-seats')).toEqual(['剩余 3 个名额', '已约满，可候补'])
  expect(page.querySelectorAll('.slot-waitlist')).toHaveLength(1)
  tap(page, '.slot', 0)
  await simulate.sleep(0)
  expect(nav).toHaveBeenCalledWith({ url: '/pages/booking/form/index?stationId=3&slotId=11&stationName=' + encodeURIComponent('春园社区红色驿站') })
  tabs.querySelectorAll('.t-tabs__item')[1].dispatchEvent('tap')
  await simulate.sleep(0)
  await waitFor(() => text(page, '.slot-kind') === '红色周末')
  expect(text(page, '.slot-time')).toBe('09:00–11:30')
})

test('slot picker without stationId explains where to come from', () => {
  jest.spyOn(wx, 'request').mockImplementation(() => {})
  const page = render('slots', {})
  expect(state(page)).toEqual({ status: 'error', message: '没有找到驿站，请从驿站页面进入' })
  expect(page.querySelector('.page-state').querySelector('.state-retry')).toBeFalsy()
})

test('form asks for the subscribe messages, then books with an idempotency key', async () => {
  const server = fakeServer({
    'GET /api/booking/config': () => ({ statusCode: 200, data: CONFIG }),
    'GET /api/booking/slots/11': () => ({ statusCode: 200, data: slot(11) }),
    'POST /api/booking/bookings': () => ({ statusCode: 201, data: { id: 99, status: 'CONFIRMED' } }),
    'POST /api/notify/consents': () => ({ statusCode: 200, data: { balances: { 'booking-confirmed': 1 } } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const order = []
  wx.requestSubscribeMessage = jest.fn((o) => { order.push('subscribe'); setTimeout(() => o.success({ 'T-C': 'accept' }), 0) })
  const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation(() => { order.push('redirect') })
  const page = render('form', { stationId: '3', slotId: '11', stationName: encodeURIComponent('春园社区红色驿站') })
  await waitFor(() => page.querySelector('.service'))
  // only this slot is loaded, not the station's whole slot list
  expect(server.calls.filter((c) => c.method === 'GET').map((c) => c.url).sort()).toEqual(['/api/booking/config', '/api/booking/slots/11'])
  expect(page.instance.data.stationName).toBe('春园社区红色驿站')
  expect(page.instance.data.slot).toMatchObject({ date: '2026-12-01', weekday: '周二', start: '18:00', end: '19:00' })
  // no service chosen yet: a clear message, nothing sent
  tap(page, '.submit')
  await simulate.sleep(0)
  await waitFor(() => page.querySelector('.refusal'))
  expect(text(page, '.refusal')).toBe('请先选择要办理的服务事项')
  // t-radio taps through `mut-bind:tap`, which j-component does not dispatch: call the group's change handler
  expect(page.querySelectorAll('.service')).toHaveLength(2)
  page.instance.onPickService({ detail: { value: 2 } })
  await simulate.sleep(0)
  expect(page.instance.data.serviceId).toBe(2)
  page.instance.onNote({ detail: { value: '带上公交卡' } })
  page.instance.onContactName({ detail: { value: '王小明' } })
  page.instance.onContactPhone({ detail: { value: '13912345678' } })
  await page.instance.onSubmit()
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['T-C', 'T-R', 'T-X'])
  // what the user answered is reported before booking (the server sends only against acceptances)
  const consents = server.calls.find((c) => c.url === '/api/notify/consents')
  expect(consents.data).toEqual({ results: { 'booking-confirmed': 'accept' } })
  const booking = server.calls.find((c) => c.url === '/api/booking/bookings')
  expect(booking.data).toMatchObject({ stationId: 3, slotId: 11, serviceId: 2, note: '带上公交卡', waitlist: false,
    contactName: '王小明', contactPhone: '13912345678' })
  expect(booking.data.relation).toBeUndefined()
  // the booker's own contact is offered again next time
  expect(wx.getStorageSync('rs_booking_contact')).toEqual({ name: '王小明', phone: '13912345678' })
  expect(booking.data.idempotencyKey).toMatch(/^mp-/)
  expect(order).toEqual(['subscribe', 'redirect'])
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/booking/result/index?id=99' })
})

test('form opened from the assistant slot card has the asked-for service chosen', async () => {
  const server = fakeServer({
    'GET /api/booking/config': () => ({ statusCode: 200, data: CONFIG }),
    'GET /api/booking/slots/11': () => ({ statusCode: 200, data: slot(11) }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render('form', { stationId: '3', slotId: '11', serviceId: '2' })
  await waitFor(() => page.querySelector('.service'))
  expect(page.instance.data.serviceId).toBe(2)
})

test('form: a full slot shows the refusal and offers the waiting list', async () => {
  let posts = 0
  const server = fakeServer({
    'GET /api/booking/config': () => ({ statusCode: 200, data: CONFIG }),
    'GET /api/booking/slots/11': () => ({ statusCode: 200, data: slot(11) }),
    'POST /api/booking/bookings': (call) => {
      posts += 1
      if (!call.data.waitlist) return { statusCode: 409, data: { code: 'SLOT_FULL', message: '该时段名额已满，可以加入候补或选择其他时段' } }
      return { statusCode: 201, data: { id: 7, status: 'WAITING' } }
    },
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  wx.requestSubscribeMessage = jest.fn((o) => setTimeout(() => o.fail({ errMsg: 'requestSubscribeMessage:fail cancel' }), 0))
  jest.spyOn(wx, 'redirectTo').mockImplementation(() => {})
  const page = render('form', { stationId: '3', slotId: '11' })
  await waitFor(() => page.querySelector('.service'))
  page.instance.onPickService({ detail: { value: 1 } })
  page.instance.onContactName({ detail: { value: '王小明' } })
  page.instance.onContactPhone({ detail: { value: '13912345678' } })
  await page.instance.onSubmit()
  await waitFor(() => page.querySelector('.waitlist'))
  expect(text(page, '.refusal')).toBe('该时段名额已满，可以加入候补或选择其他时段')
  expect(page.querySelector('.submit')).toBeFalsy()
  await page.instance.onWaitlist()
  expect(wx.requestSubscribeMessage.mock.calls[1][0].tmplIds).toEqual(['T-P', 'T-R', 'T-X'])
  expect(posts).toBe(2)
  expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/booking/result/index?id=7' })
})

test('form: what to bring for the chosen service, the no-show rule, and booking for a family member', async () => {
  const bringing = [{ id: 1, name: '老年优待证办理', whatToBring: '身份证、一寸照片' }, { id: 2, name: '政策咨询' }]
  const server = fakeServer({
    'GET /api/booking/config': () => ({ statusCode: 200, data: Object.assign({ noShowRule: '90天内累计3次未到场（未签到且未取消），将暂停预约' }, CONFIG) }),
    'GET /api/booking/slots/11': () => ({ statusCode: 200, data: slot(11, { services: bringing }) }),
    'POST /api/booking/bookings': () => ({ statusCode: 201, data: { id: 42, status: 'CONFIRMED' } }),
    'POST /api/notify/consents': () => ({ statusCode: 200, data: {} }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  wx.requestSubscribeMessage = jest.fn((o) => setTimeout(() => o.success({}), 0))
  jest.spyOn(wx, 'redirectTo').mockImplementation(() => {})
  const page = render('form', { stationId: '3', slotId: '11' })
  await waitFor(() => page.querySelector('.service'))
  expect(text(page, '.no-show-rule')).toContain('3次未到场')
  expect(page.querySelector('.bring')).toBeFalsy()
  page.instance.onPickService({ detail: { value: 1 } })
  await simulate.sleep(0)
  expect(text(page, '.bring')).toBe('请携带：身份证、一寸照片')
  page.instance.onPickService({ detail: { value: 2 } })
  await simulate.sleep(0)
  expect(page.querySelector('.bring')).toBeFalsy()
  page.instance.onPickService({ detail: { value: 1 } })

  // for a parent: relation, their name and phone; the reminder goes to the booker
  page.instance.onFamily({ detail: { value: true } })
  await simulate.sleep(0)
  expect(page.querySelector('.relation')).toBeTruthy()
  expect(page.querySelector('.family-hint')).toBeTruthy()
  expect(page.querySelector('.get-phone')).toBeFalsy()
  page.instance.onRelation({ detail: { value: 1 } })
  page.instance.onContactName({ detail: { value: '张桂兰' } })
  page.instance.onContactPhone({ detail: { value: '1380000' } })
  await page.instance.onSubmit()
  await simulate.sleep(0)
  expect(text(page, '.refusal')).toBe('请填写11位手机号')
  expect(server.calls.some((c) => c.url === '/api/booking/bookings')).toBe(false)
  page.instance.onContactPhone({ detail: { value: '13800002222' } })
  await page.instance.onSubmit()
  const booking = server.calls.find((c) => c.url === '/api/booking/bookings')
  expect(booking.data).toMatchObject({ serviceId: 1, contactName: '张桂兰', contactPhone: '13800002222', relation: '母亲' })
  // a family member's contact is not kept as the booker's own
  expect(wx.getStorageSync('rs_booking_contact')).toBeFalsy()
})

test('form: the phone from WeChat\'s phone button is sent as its code', async () => {
  const server = fakeServer({
    'GET /api/booking/config': () => ({ statusCode: 200, data: CONFIG }),
    'GET /api/booking/slots/11': () => ({ statusCode: 200, data: slot(11) }),
    'POST /api/booking/bookings': () => ({ statusCode: 201, data: { id: 43, status: 'CONFIRMED' } }),
    'POST /api/notify/consents': () => ({ statusCode: 200, data: {} }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  wx.requestSubscribeMessage = jest.fn((o) => setTimeout(() => o.success({}), 0))
  jest.spyOn(wx, 'redirectTo').mockImplementation(() => {})
  const page = render('form', { stationId: '3', slotId: '11' })
  await waitFor(() => page.querySelector('.get-phone'))
  page.instance.onPickService({ detail: { value: 1 } })
  page.instance.onContactName({ detail: { value: '李四' } })
  page.instance.onPhoneNumber({ detail: { code: 'phone-13700001111' } })
  await simulate.sleep(0)
  expect(text(page, '.phone-got')).toBe('已获取微信手机号')
  await page.instance.onSubmit()
  const booking = server.calls.find((c) => c.url === '/api/booking/bookings')
  expect(booking.data).toMatchObject({ contactName: '李四', phoneCode: 'phone-13700001111' })
  expect(booking.data.contactPhone).toBeUndefined()
})

test('result page: what to bring, who comes, and the queue number after scanning the station code', async () => {
  const confirmed = { id: 8, status: 'CONFIRMED', statusName: '已预约', stationName: '车城社区红色驿站', date: '2026-12-01', weekday: '周二',
    start: '18:00', end: '19:00', kindName: '晚间一小时', serviceName: '老年优待证办理', cancellable: true, cancelDeadline: '2026-12-01 17:00',
    whatToBring: '身份证、一寸照片', contact: { name: '张**', phone: '138****2222', relation: '母亲' } }
  const server = fakeServer({
    'GET /api/booking/bookings/8': () => ({ statusCode: 200, data: confirmed }),
    'POST /api/booking/arrivals': () => ({ statusCode: 200, data: Object.assign({}, confirmed, { status: 'ATTENDED', statusName: '已到场', queueNo: 2 }) }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  wx.scanCode = jest.fn((o) => setTimeout(() => o.success({ path: 'pages/station/detail/index?scene=st%3DCC01' }), 0))
  const page = render('result', { id: '8' })
  await waitFor(() => page.querySelector('.headline'))
  expect(text(page, '.headline')).toBe('预约成功')
  expect(text(page, '.bring')).toBe('请携带：身份证、一寸照片')
  expect(page.querySelector('.contact')).toBeTruthy()
  expect(page.querySelector('.queue-no')).toBeFalsy()
  await page.instance.onArrive()
  await simulate.sleep(0)
  expect(server.calls.find((c) => c.url === '/api/booking/arrivals').data).toEqual({ scene: 'st=CC01' })
  expect(text(page, '.headline')).toBe('已签到，排队号 2')
  expect(text(page, '.queue-no')).toBe('2')
  expect(page.querySelector('.arrive')).toBeFalsy()
})

test('result page: scanning outside the slot shows why', async () => {
  const confirmed = { id: 9, status: 'CONFIRMED', statusName: '已预约', stationName: '车城社区红色驿站', date: '2026-12-01', weekday: '周二',
    start: '18:00', end: '19:00', kindName: '晚间一小时', serviceName: '政策咨询', cancellable: true, cancelDeadline: '2026-12-01 17:00' }
  const server = fakeServer({
    'GET /api/booking/bookings/9': () => ({ statusCode: 200, data: confirmed }),
    'POST /api/booking/arrivals': () => ({ statusCode: 409, data: { code: 'ARRIVAL_NO_BOOKING', message: '您在本驿站当前时段没有预约' } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  wx.scanCode = jest.fn((o) => setTimeout(() => o.success({ result: 'st=CC01' }), 0))
  const page = render('result', { id: '9' })
  await waitFor(() => page.querySelector('.arrive'))
  await page.instance.onArrive()
  await simulate.sleep(0)
  expect(text(page, '.arrive-error')).toBe('您在本驿站当前时段没有预约')
  expect(page.querySelector('.queue-no')).toBeFalsy()
})

const MINE = {
  upcoming: [
    { id: 5, status: 'CONFIRMED', statusName: '已预约', stationName: '春园社区红色驿站', date: '2026-12-01', weekday: '周二', start: '18:00', end: '19:00', kindName: '晚间一小时', serviceName: '水电代办代缴', cancellable: true, cancelDeadline: '2026-12-01 17:00' },
    { id: 6, status: 'WAITING', statusName: '候补中', waitlistPosition: 2, stationName: '春园社区红色驿站', date: '2026-12-02', weekday: '周三', start: '18:00', end: '19:00', kindName: '晚间一小时', serviceName: '法律咨询', cancellable: true, cancelDeadline: '2026-12-02 17:00' },
  ],
  past: [{ id: 1, status: 'CANCELLED', statusName: '已取消', cancelReason: '设备检修', stationName: '春园社区红色驿站', date: '2026-11-20', weekday: '周五', start: '18:00', end: '19:00', kindName: '晚间一小时', serviceName: '健康咨询', cancellable: false, cancelDeadline: '2026-11-20 17:00' }],
}

test('result page loads only its booking and shows the outcome', async () => {
  const server = fakeServer({ 'GET /api/booking/bookings/6': () => ({ statusCode: 200, data: MINE.upcoming[1] }) })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render('result', { id: '6' })
  expect(state(page).status).toBe('loading')
  await waitFor(() => page.querySelector('.headline'))
  expect(server.calls.map((c) => c.url)).toEqual(['/api/booking/bookings/6'])
  expect(text(page, '.headline')).toBe('已加入候补，第 2 位')
  expect(page.querySelector('.wait-hint')).toBeTruthy()
})

test('result page: an unknown booking says so; a failure offers 重试', async () => {
  let calls = 0
  const server = fakeServer({
    'GET /api/booking/bookings/404': () => ({ statusCode: 404, data: { code: 'BOOKING_NOT_FOUND', message: '预约不存在' } }),
    'GET /api/booking/bookings/5': () => (++calls === 1 ? { fail: 'request:fail timeout' } : { statusCode: 200, data: MINE.upcoming[0] }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const missing = render('result', { id: '404' })
  await waitFor(() => (state(missing) || {}).status === 'error')
  expect(state(missing).message).toBe('没有找到这条预约')
  const page = render('result', { id: '5' })
  await waitFor(() => (state(page) || {}).status === 'error')
  expect(state(page).message).toBe('网络不给力，请稍后再试')
  retry(page)
  await waitFor(() => page.querySelector('.headline'))
  expect(text(page, '.headline')).toBe('预约成功')
})

test('my bookings: upcoming and past, cancel asks first and shows refusals', async () => {
  let mineCalls = 0
  const server = fakeServer({
    'GET /api/booking/bookings/mine': () => { mineCalls += 1; return { statusCode: 200, data: MINE } },
    'POST /api/booking/bookings/5/cancel': () => ({ statusCode: 409, data: { code: 'CANCEL_TOO_LATE', message: '已过取消截止时间，如不能前来请电话联系驿站' } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  jest.spyOn(wx, 'showModal').mockImplementation((o) => { if (o.success) setTimeout(() => o.success({ confirm: true }), 0) })
  const page = render('mine')
  await waitFor(() => page.querySelector('.booking'))
  expect(texts(page, '.status')).toEqual(['已预约', '候补中 第2位'])
  expect(page.querySelectorAll('.cancel')).toHaveLength(2)
  await page.instance.onCancel({ currentTarget: { dataset: { id: 5 } } })
  expect(server.calls.some((c) => c.method === 'POST' && c.url === '/api/booking/bookings/5/cancel')).toBe(true)
  // the refusal is shown by the request helper as a modal with the server's message
  expect(wx.showModal.mock.calls.map((c) => c[0].content)).toContain('已过取消截止时间，如不能前来请电话联系驿站')
  expect(mineCalls).toBe(2)
  page.querySelector('.tabs').querySelectorAll('.t-tabs__item')[1].dispatchEvent('tap')
  await simulate.sleep(0)
  await waitFor(() => page.querySelector('.reason'))
  expect(text(page, '.reason')).toBe('取消原因：设备检修')
})

test('my bookings: an empty tab says so and offers a way to book', async () => {
  const server = fakeServer({ 'GET /api/booking/bookings/mine': () => ({ statusCode: 200, data: { upcoming: [], past: [] } }) })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const relaunch = jest.spyOn(wx, 'reLaunch').mockImplementation(() => {})
  const page = render('mine')
  await waitFor(() => (state(page) || {}).status === 'empty')
  expect(state(page).message).toBe('目前没有待参加的预约')
  tap(page, '.go-book')
  await simulate.sleep(0)
  expect(relaunch).toHaveBeenCalledWith({ url: '/pages/home/index/index' })
})

test('my bookings: after the cut-off the station phone is shown with a call button', async () => {
  const late = { ...MINE.upcoming[0], cancellable: false, stationPhone: '0710-3310103' }
  const server = fakeServer({ 'GET /api/booking/bookings/mine': () => ({ statusCode: 200, data: { upcoming: [late], past: [] } }) })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const call = jest.spyOn(wx, 'makePhoneCall').mockImplementation(() => {})
  const page = render('mine')
  await waitFor(() => page.querySelector('.no-cancel'))
  expect(text(page, '.no-cancel')).toBe('已过取消截止时间（2026-12-01 17:00），不能前来请电话告诉驿站：0710-3310103')
  tap(page, '.call-station')
  await simulate.sleep(0)
  expect(call).toHaveBeenCalledWith({ phoneNumber: '0710-3310103' })
})

test('form: a slot that is gone explains it and offers 重试', async () => {
  const server = fakeServer({
    'GET /api/booking/config': () => ({ statusCode: 200, data: CONFIG }),
    'GET /api/booking/slots/77': () => ({ statusCode: 404, data: { code: 'SLOT_NOT_FOUND', message: '时段不存在' } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render('form', { stationId: '3', slotId: '77' })
  await waitFor(() => (state(page) || {}).status === 'error')
  expect(state(page).message).toBe('该时段已不可预约，请返回重新选择')
})

test('slots and result pages can be shared: the slots page forwards the station\'s slots, a booking its station', () => {
  const slots = render('slots', { stationId: '3' })
  slots.instance.setData({ stationName: '春园社区红色驿站' })
  expect(slots.instance.onShareAppMessage()).toEqual({ title: '春园社区红色驿站 可预约时段', path: '/pages/booking/slots/index?stationId=3' })
  const result = render('result', { id: '0' })
  result.instance.setData({ booking: { stationId: 3, stationName: '春园社区红色驿站' } })
  expect(result.instance.onShareAppMessage()).toEqual({ title: '春园社区红色驿站', path: '/pages/station/detail/index?id=3' })
})

test('elder mode chosen on the home page enlarges the booking form', async () => {
  wx.setStorageSync('rs_elder', true)
  const server = fakeServer({
    'GET /api/booking/config': () => ({ statusCode: 200, data: CONFIG }),
    'GET /api/booking/slots/11': () => ({ statusCode: 200, data: slot(11) }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = render('form', { stationId: '3', slotId: '11' })
  page.instance.onShow()
  await waitFor(() => page.querySelector('.service'))
  expect(page.querySelector('.elder')).toBeTruthy()
})
