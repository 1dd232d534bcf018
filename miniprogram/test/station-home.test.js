// Home page: nearby stations (wx.getLocation), refused location, search, opening a station.
const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, waitFor, text, texts } = require('./helpers')
const { load, tap } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const pageId = load('pages/home/index/index')

const NEARBY = [
  { id: 3, code: 'CY01', name: '春园社区红色驿站', communityName: '春园社区', address: '紫贞街道铁路游泳池小区移交用房', status: 'OPEN', openNow: true, distanceMeters: 12 },
  { id: 4, code: 'YL01', name: '园林社区·齐星小区红色驿站', communityName: '园林社区', address: '紫贞街道齐星小区', status: 'PAUSED', openNow: false, distanceMeters: 1530 },
]

function renderPage() {
  const page = simulate.render(pageId)
  page.attach(document.createElement('parent-wrapper'))
  return page
}


let server
beforeEach(() => {
  global.__storage.clear()
  api.setBaseUrl(BASE)
  wx.setStorageSync('rs_token', 't')
  server = fakeServer({
    'GET /api/me': () => ({ statusCode: 200, data: { id: 1, roles: ['RESIDENT'] } }),
    'GET /api/stations/nearby?lat=32.0781&lng=112.1432&limit=10': () => ({ statusCode: 200, data: NEARBY }),
    'GET /api/stations/search?q=%E5%A4%8D%E7%A7%B0': () => ({
      statusCode: 200,
      data: {
        keyword: '复称',
        stations: [{ id: 7, name: '谢洼社区·农贸市场红色驿站', communityName: '谢洼社区', address: '米庄镇谢洼农贸市场大门旁', status: 'OPEN', openNow: false }],
        services: [{ id: 22, name: '复称', usageModeName: '自助', stations: [{ id: 7, name: '谢洼社区·农贸市场红色驿站' }] }],
      },
    }),
    'GET /api/stations/search?q=zzz': () => ({ statusCode: 200, data: { keyword: 'zzz', stations: [], services: [] } }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
})

test('lists nearby stations with distance and open state, nearest first', async () => {
  const loc = jest.spyOn(wx, 'getLocation').mockImplementation((o) => setTimeout(() => o.success({ latitude: 32.0781, longitude: 112.1432 }), 0))
  const page = renderPage()
  await waitFor(() => page.querySelectorAll('.nearby-station').length === 2)
  expect(loc.mock.calls[0][0].type).toBe('gcj02')
  expect(texts(page, '.nearby-station .station-name')).toEqual(['春园社区红色驿站', '园林社区·齐星小区红色驿站'])
  expect(texts(page, '.nearby-station .station-distance')).toEqual(['12米', '1.5公里'])
  expect(texts(page, '.nearby-station .station-state')).toEqual(['正在开放', '暂停服务'])
  // public endpoint: no token is sent
  const call = server.calls.find((c) => c.url.startsWith('/api/stations/nearby'))
  expect(call.header.Authorization).toBeUndefined()

  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  tap(page, '.nearby-station', 1)
  await simulate.sleep(0)
  expect(nav).toHaveBeenCalledWith({ url: '/pages/station/detail/index?id=4' })
})

test('refused location shows a readable fallback and can ask again', async () => {
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => setTimeout(() => o.fail({ errMsg: 'getLocation:fail auth deny' }), 0))
  const page = renderPage()
  await waitFor(() => page.querySelector('.location-refused'))
  expect(text(page, '.location-message')).toContain('没有获得您的位置')
  expect(text(page, '.location-message')).toContain('搜索')
  expect(page.querySelectorAll('.nearby-station')).toHaveLength(0)
  expect(server.calls.some((c) => c.url.startsWith('/api/stations/nearby'))).toBe(false)

  // the user allows location in the settings: the list appears
  jest.spyOn(wx, 'openSetting').mockImplementation((o) => o.success({ authSetting: { 'scope.userLocation': true } }))
  jest.spyOn(wx, 'getLocation').mockImplementation((o) => setTimeout(() => o.success({ latitude: 32.0781, longitude: 112.1432 }), 0))
  tap(page, '.allow-location')
  await waitFor(() => page.querySelectorAll('.nearby-station').length === 2)
  expect(page.querySelector('.location-refused')).toBeFalsy()
})

test('search shows services with their stations, and matching stations', async () => {
  jest.spyOn(wx, 'getLocation').mockImplementation(() => {})
  const page = renderPage()
  page.querySelector('.search-input').dispatchEvent('input', { detail: { value: '复称' } })
  await simulate.sleep(0)
  tap(page, '.search-btn')
  await waitFor(() => page.querySelector('.service-hit'))
  expect(text(page, '.service-hit-name')).toBe('复称（自助）')
  expect(text(page, '.service-hit-where')).toBe('提供驿站：谢洼社区·农贸市场红色驿站')
  expect(texts(page, '.result-station .station-name')).toEqual(['谢洼社区·农贸市场红色驿站'])

  page.querySelector('.search-input').dispatchEvent('input', { detail: { value: 'zzz' } })
  await simulate.sleep(0)
  tap(page, '.search-btn')
  await waitFor(() => page.querySelector('.no-results'))
  expect(text(page, '.no-results')).toBe('没有找到相关的驿站或服务')
})

test('an empty search asks for a keyword without calling the server', async () => {
  jest.spyOn(wx, 'getLocation').mockImplementation(() => {})
  const page = renderPage()
  tap(page, '.search-btn')
  await waitFor(() => page.querySelector('.search-error'))
  expect(text(page, '.search-error')).toBe('请输入驿站、社区或服务的名称')
  expect(server.calls.some((c) => c.url.startsWith('/api/stations/search'))).toBe(false)
})
