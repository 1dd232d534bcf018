// 关怀模式 on every page, and which pages can be forwarded (onShareAppMessage) with what path.
const { BASE, fakeServer, load, renderPage, tap, state, waitFor } = require('./helpers')
const api = require('../miniprogram/utils/request.js')
const consent = require('../miniprogram/utils/consent.js')
const elder = require('../miniprogram/utils/elder.js')
const { PAGES } = require('../miniprogram/utils/routes.js')

// every page of app.json: the named ones and the legacy QR-code entry that forwards to the station page
const ALL = Object.values(PAGES).map((p) => p.slice(1)).concat(['pages/station/index'])
const ids = {}
for (const p of ALL) ids[p] = load(p)

const settle = () => new Promise((r) => setTimeout(r, 30))

beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
  consent.reset()
  // no server data is needed here: every call answers 404, the pages show their error state
  jest.spyOn(wx, 'request').mockImplementation(fakeServer({}).impl)
  for (const fn of ['redirectTo', 'reLaunch', 'navigateTo', 'showToast', 'showModal']) jest.spyOn(wx, fn).mockImplementation(() => {})
})
afterEach(() => jest.restoreAllMocks())

const rootClass = (page) => page.querySelector('.container').dom.className

test.each(ALL)('%s takes the elder class when the stored preference is on', async (p) => {
  wx.setStorageSync(elder.KEY, true)
  const page = renderPage(ids[p], {})
  expect(rootClass(page)).toMatch(/\belder\b/)
  await settle()
})

test.each(ALL)('%s keeps its normal size when the preference is off', async (p) => {
  const page = renderPage(ids[p], {})
  expect(rootClass(page)).not.toMatch(/\belder\b/)
  await settle()
})

test('a page follows the switch when it is shown again (changed on the home page meanwhile)', async () => {
  const page = renderPage(ids['pages/wish/mine/index'], {})
  expect(page.querySelector('.elder')).toBeFalsy()
  wx.setStorageSync(elder.KEY, true)
  page.instance.onShow()
  expect(page.querySelector('.elder')).toBeTruthy()
  wx.setStorageSync(elder.KEY, false)
  page.instance.onShow()
  expect(page.querySelector('.elder')).toBeFalsy()
  await settle()
})

test('elder.page runs the page\'s own onShow after applying the preference, and keeps its data', () => {
  const seen = []
  const opts = elder.page({
    data: { n: 1 },
    onShow() {
      seen.push(this.data.elder)
      return 'own'
    },
  })
  expect(opts.data).toEqual({ elder: false, n: 1 })
  wx.setStorageSync(elder.KEY, true)
  const fake = { data: { elder: false }, setData(d) { Object.assign(this.data, d) } }
  expect(opts.onShow.call(fake)).toBe('own')
  expect(seen).toEqual([true])
})

test('pages that share give a path with the right query', async () => {
  const share = (p, query) => renderPage(ids[p], query).instance.onShareAppMessage()
  expect(share('pages/home/index/index', {})).toEqual({ title: '红色驿站 · 家门口的服务', path: '/pages/home/index/index' })
  expect(share('pages/member/register/index', { communityId: '5' }).path).toBe('/pages/member/register/index?communityId=5')
  expect(share('pages/volunteer/activities/index', { stationId: '3' }).path).toBe('/pages/volunteer/activities/index?stationId=3')
  expect(share('pages/volunteer/activities/index', {}).path).toBe('/pages/volunteer/activities/index')
  expect(share('pages/wish/post/index', { stationId: '3' }).path).toBe('/pages/wish/post/index?stationId=3')
  expect(share('pages/member/register/index', {}).path).toBe('/pages/member/register/index')
  expect(share('pages/assistant/chat/index', {})).toEqual({ title: '问问驿站小助手', path: '/pages/assistant/chat/index' })
  const name = '春园社区红色驿站'
  const form = share('pages/booking/form/index', { stationId: '3', slotId: '9', stationName: encodeURIComponent(name) })
  expect(form.path).toBe('/pages/booking/form/index?stationId=3&slotId=9&stationName=' + encodeURIComponent(name))
  expect(form.title).toMatch(/^春园社区红色驿站/)
  await settle()
})

test('pages with personal data cannot be forwarded (no onShareAppMessage: WeChat greys out 转发)', async () => {
  const personal = ['bookingMine', 'memberCenter', 'dutyMine', 'dutyShifts', 'messages', 'wishMine', 'wishDetail', 'wishTasks']
  for (const name of personal) {
    const page = renderPage(ids[PAGES[name].slice(1)], {})
    expect([name, typeof page.instance.onShareAppMessage]).toEqual([name, 'undefined'])
  }
  // and every other page shares
  const sharing = Object.keys(PAGES).filter((n) => !personal.includes(n))
  for (const name of sharing) {
    const page = renderPage(ids[PAGES[name].slice(1)], {})
    expect([name, typeof page.instance.onShareAppMessage]).toEqual([name, 'function'])
  }
  await settle()
})

test('empty states offer a way forward', async () => {
  const empty = (p, route, data) => {
    jest.spyOn(wx, 'request').mockImplementation(fakeServer({ [route]: () => ({ statusCode: 200, data }) }).impl)
    return renderPage(ids[p], {})
  }
  const cases = [
    ['pages/notify/messages/index', 'GET /api/notify/messages?page=1&size=20', { items: [], total: 0, unread: 0 }, '.go-home', 'reLaunch', '/pages/home/index/index'],
    ['pages/volunteer/activities/index', 'GET /api/volunteer/activities', [], '.go-home', 'reLaunch', '/pages/home/index/index'],
    ['pages/wish/tasks/index', 'GET /api/wish-tasks', [], '.go-home', 'reLaunch', '/pages/home/index/index'],
    ['pages/duty/mine/index', 'GET /api/duty/my-shifts', [], '.go-shifts', 'navigateTo', '/pages/duty/shifts/index'],
    ['pages/duty/shifts/index', 'GET /api/duty/shifts', [], '.go-mine', 'navigateTo', '/pages/duty/mine/index'],
  ]
  for (const [p, route, data, button, nav, url] of cases) {
    const page = empty(p, route, data)
    await waitFor(() => (state(page) || {}).status === 'empty')
    tap(page, button)
    await waitFor(() => wx[nav].mock.calls.length > 0)
    expect([p, wx[nav].mock.calls[0][0]]).toEqual([p, { url }])
    wx[nav].mockClear()
  }
})

test('every page opts in the same way, and the elder rules are shared (app.wxss, styles/theme.wxss)', () => {
  const fs = require('fs')
  const path = require('path')
  const { ROOT } = require('./helpers')
  for (const p of ALL) {
    const js = fs.readFileSync(path.join(ROOT, p + '.js'), 'utf8')
    const wxml = fs.readFileSync(path.join(ROOT, p + '.wxml'), 'utf8')
    expect([p, /\nPage\(elder\.page\(\{/.test(js)]).toEqual([p, true])
    expect([p, /^<view class="container[^"]*\{\{elder \? 'elder' : ''\}\}"/.test(wxml)]).toEqual([p, true])
    // no page repeats the shared rules
    const css = path.join(ROOT, p + '.wxss')
    if (fs.existsSync(css)) expect([p, /\.elder \.(title|hint|elder-stack|elder-hide)\b/.test(fs.readFileSync(css, 'utf8'))]).toEqual([p, false])
  }
  const app = fs.readFileSync(path.join(ROOT, 'app.wxss'), 'utf8')
  expect(app).toMatch(/\.elder \.elder-stack \{[^}]*flex-direction: column/)
  expect(app).toMatch(/\.elder \.elder-hide \{ display: none; \}/)
  const theme = fs.readFileSync(path.join(ROOT, 'styles/theme.wxss'), 'utf8')
  const block = /\n\.elder \{([^}]*)\}/.exec(theme)[1]
  expect(Number(/--td-button-large-height:\s*(\d+)rpx/.exec(block)[1])).toBeGreaterThanOrEqual(112)
  expect(Number(/--td-cell-height:\s*(\d+)rpx/.exec(block)[1])).toBeGreaterThanOrEqual(112)
})
