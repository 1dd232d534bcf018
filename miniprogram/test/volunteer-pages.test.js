const { BASE, fakeServer, waitFor, texts, load, renderPage } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const pageId = load('pages/volunteer/activities/index')

function activity(over) {
  return Object.assign({
    id: 5, stationId: 3, stationName: '春园社区红色驿站', title: '红色周末·义诊', startAt: '2026-12-05T09:00:00',
    endAt: '2026-12-05T11:00:00', capacity: 10, taken: 3, placesLeft: 7, openTo: 'ALL', joined: false, checkedIn: false, minutes: 0,
  }, over)
}

beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
})

afterEach(() => jest.restoreAllMocks())

test('activities: places left, sign up, and check in by scanning the station code', async () => {
  let list = [activity(), activity({ id: 6, title: '环境整治', placesLeft: 0, openTo: 'TEAM' })]
  const server = fakeServer({
    'GET /api/volunteer/activities?stationId=3': () => ({ statusCode: 200, data: list }),
    'POST /api/volunteer/activities/5/signup': () => {
      list = [activity({ joined: true, placesLeft: 6 }), list[1]]
      return { statusCode: 200, data: list[0] }
    },
    'POST /api/volunteer/activities/5/checkin': () => ({ statusCode: 200, data: activity({ joined: true, checkedIn: true, minutes: 120 }) }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  jest.spyOn(wx, 'scanCode').mockImplementation((o) => o.success({ path: 'pages/station/detail/index?scene=st%3DCY01', result: '' }))
  const page = renderPage(pageId, { stationId: '3' })
  await waitFor(() => page.querySelector('.activity'))
  expect(texts(page, '.places')).toEqual(['剩余 7 个名额', '名额已满'])
  expect(texts(page, '.activity-when')[0]).toBe('2026-12-05 09:00–11:00')
  expect(page.querySelectorAll('.signup')).toHaveLength(1)
  await page.instance.onSignUp({ currentTarget: { dataset: { id: 5 } } })
  await waitFor(() => page.querySelector('.checkin'))
  await page.instance.onCheckIn({ currentTarget: { dataset: { id: 5 } } })
  const checkin = server.calls.find((c) => c.url.endsWith('/checkin'))
  expect(checkin.data).toEqual({ scene: 'st=CY01' })
  expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '签到成功 2小时' }))
})
