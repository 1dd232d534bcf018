const { BASE, fakeServer, waitFor, texts, load, renderPage, tap, state } = require('./helpers')
const api = require('../miniprogram/utils/request.js')
const consent = require('../miniprogram/utils/consent.js')

const messagesId = load('pages/notify/messages/index')

beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
  consent.reset()
})
afterEach(() => jest.restoreAllMocks())

const MESSAGES = {
  items: [
    { id: 8, title: '党员报到已通过', body: '张三；已通过；春园社区', page: 'pages/member/center/index', createdAt: '2026-12-01 18:00', read: false, delivery: 'NO_CONSENT', deliveryNote: '未订阅微信通知，仅在消息中心' },
    { id: 7, title: '预约成功', body: '法律援助；2026-12-01 18:00~19:00', page: 'pages/booking/mine/index', createdAt: '2026-11-30 09:00', read: true, delivery: 'SENT', deliveryNote: '已通过微信通知' },
  ],
  total: 2, unread: 1, page: 1, size: 20,
}

test('message centre lists every message, the ones WeChat did not deliver too, and opening one marks it read', async () => {
  const server = fakeServer({
    'GET /api/notify/messages?page=1&size=20': () => ({ statusCode: 200, data: MESSAGES }),
    'POST /api/notify/messages/8/read': () => ({ statusCode: 200, data: { unread: 0 } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  const page = renderPage(messagesId)
  await waitFor(() => page.querySelectorAll('.message').length === 2)
  expect(texts(page, '.message-title')).toEqual(['党员报到已通过', '预约成功'])
  expect(texts(page, '.message-delivery')).toEqual(['未订阅微信通知，仅在消息中心', '已通过微信通知'])
  expect(texts(page, '.dot')).toEqual(['未读'])
  expect(page.querySelector('.read-all')).toBeTruthy()
  tap(page, '.message', 0)
  await waitFor(() => nav.mock.calls.length === 1)
  expect(nav).toHaveBeenCalledWith({ url: '/pages/member/center/index' })
  expect(page.instance.data.unread).toBe(0)
  expect(page.instance.data.items[0].read).toBe(true)
})

test('message centre: empty and error states', async () => {
  let n = 0
  const server = fakeServer({
    'GET /api/notify/messages?page=1&size=20': () => (++n === 1
      ? { statusCode: 503, data: { code: 'SERVICE_BUSY', message: '服务繁忙，请稍后再试' } }
      : { statusCode: 200, data: { items: [], total: 0, unread: 0 } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const page = renderPage(messagesId)
  await waitFor(() => (state(page) || {}).status === 'error')
  expect(state(page).message).toBe('服务繁忙，请稍后再试')
  await page.instance.onRetry()
  await waitFor(() => (state(page) || {}).status === 'empty')
  expect(state(page).message).toBe('暂时没有消息')
})

test('consent.ask asks WeChat for the templates of the action and reports the answers by key', async () => {
  const server = fakeServer({
    'GET /api/notify/templates': () => ({ statusCode: 200, data: { templates: { 'member-approved': 'T-A', 'member-rejected': 'T-R' } } }),
    'POST /api/notify/consents': () => ({ statusCode: 200, data: { balances: {} } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  wx.requestSubscribeMessage = jest.fn((o) => setTimeout(() => o.success({ errMsg: 'requestSubscribeMessage:ok', 'T-A': 'accept', 'T-R': 'reject' }), 0))
  await consent.preload()
  const answers = await consent.ask(['member-approved', 'member-rejected'])
  expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['T-A', 'T-R'])
  expect(answers).toEqual({ 'member-approved': 'accept', 'member-rejected': 'reject' })
  expect(server.calls.find((c) => c.url === '/api/notify/consents').data).toEqual({ results: { 'member-approved': 'accept', 'member-rejected': 'reject' } })
  // a cancelled dialog reports nothing and does not block the action
  wx.requestSubscribeMessage = jest.fn((o) => setTimeout(() => o.fail({ errMsg: 'requestSubscribeMessage:fail cancel' }), 0))
  expect(await consent.ask(['member-approved'])).toEqual({})
  expect(server.calls.filter((c) => c.url === '/api/notify/consents')).toHaveLength(1)
})
