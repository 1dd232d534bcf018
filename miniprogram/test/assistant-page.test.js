// Assistant page: the thread from the server, a question answered with a slot card that opens the booking form
// pre-filled, chips that send their text, and a staff reply in the same thread.
const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, waitFor, texts } = require('./helpers')
const { load, tap } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const pageId = load('pages/assistant/chat/index')

function renderPage() {
  global.__pageQuery = {}
  const page = simulate.render(pageId)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

let server
beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
})

function serve(routes) {
  server = fakeServer(routes)
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
}

const slotAnswer = {
  parts: [
    { type: 'text', text: '春园社区红色驿站可以预约“老年优待证办理”，点时段即可预约：' },
    { type: 'slot', slotId: 9, stationId: 3, stationName: '春园社区红色驿站', serviceId: 11, serviceName: '老年优待证办理',
      date: '2026-12-01', start: '19:00', end: '20:00', seatsLeft: 4, waitlistOpen: true },
    { type: 'chips', chips: ['我的预约'] },
  ],
}

test('asks, shows the slot card and opens the booking form with station, slot and service', async () => {
  serve({
    'GET /api/assistant/messages': () => ({ statusCode: 200, data: { items: [], nextBefore: null } }),
    'POST /api/assistant/messages': () => ({ statusCode: 200, data: slotAnswer }),
  })
  const page = renderPage()
  await waitFor(() => page.querySelector('.composer'))
  page.instance.setData({ text: '明天晚上春园能办老年卡吗' })
  tap(page, '.send')
  await waitFor(() => page.querySelector('.slot-card'))
  expect(server.calls.find((c) => c.method === 'POST').data.text).toBe('明天晚上春园能办老年卡吗')
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  tap(page, '.book-slot')
  await waitFor(() => nav.mock.calls.length)
  expect(nav.mock.calls[0][0].url).toBe('/pages/booking/form/index?stationId=3&slotId=9&serviceId=11&stationName=' +
    encodeURIComponent('春园社区红色驿站'))
})

test('a chip sends its text and staff replies show in the thread', async () => {
  serve({
    'GET /api/assistant/messages': () => ({ statusCode: 200, data: { items: [
      { id: 1, role: 'resident', text: '我要找工作人员', parts: [] },
      { id: 2, role: 'bot', text: '已转给', parts: [{ type: 'handoff', conversationId: 12, text: '您的留言已转给春园社区工作人员（会话 #12）' },
        { type: 'chips', chips: ['我的预约'] }] },
      { id: 3, role: 'staff', text: '明晚19点带身份证来即可', parts: [] },
    ], nextBefore: null } }),
    'POST /api/assistant/messages': () => ({ statusCode: 200, data: { parts: [{ type: 'text', text: '您目前没有待参加的预约。' }] } }),
  })
  const page = renderPage()
  await waitFor(() => page.querySelector('.bubble.staff'))
  expect(texts(page, '.bubble.staff')).toEqual(['明晚19点带身份证来即可'])
  page.querySelector('.chip').dispatchEvent('tap')
  await waitFor(() => texts(page, '.bubble.bot').some((t) => t.includes('没有待参加')))
  expect(server.calls.filter((c) => c.method === 'POST')[0].data.text).toBe('我的预约')
})
