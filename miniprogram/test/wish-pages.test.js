const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, fakeLogin, loginRoute, waitFor, text, texts, load, renderPage, tap, state } = require('./helpers')
const api = require('../miniprogram/utils/request.js')
const { uploadFile, downloadImage } = require('../miniprogram/utils/upload.js')

const ids = {
  post: load('pages/wish/post/index'),
  mine: load('pages/wish/mine/index'),
  detail: load('pages/wish/detail/index'),
  tasks: load('pages/wish/tasks/index'),
}

const CATEGORIES = [{ value: 'REPAIR', label: '维修帮扶' }, { value: 'ELDERLY', label: '助老助残' }]

function wish(over) {
  return Object.assign({
    id: 77, category: 'REPAIR', categoryName: '维修帮扶', content: '水龙头坏了', state: 'SUBMITTED', stateName: '待派单',
    communityName: '春园社区', stationName: '春园社区红色驿站', photoIds: [], completionPhotoIds: [], timeline: [], allowedActions: [],
  }, over)
}

/** wx.uploadFile / wx.downloadFile stub answering through `handler(opts)` -> {statusCode, data?}. */
function fakeFiles(method, handler) {
  const calls = []
  jest.spyOn(wx, method).mockImplementation((opts) => {
    calls.push(opts)
    setTimeout(() => {
      const r = handler(opts)
      opts.success(Object.assign({ tempFilePath: 'wxfile://tmp/' + calls.length + '.jpg' }, r))
    }, 0)
  })
  return calls
}

beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
})

afterEach(() => jest.restoreAllMocks())

test('post: choose a category, write, add a photo, submit; then each photo is uploaded with the token', async () => {
  const server = fakeServer({
    'GET /api/wishes/categories': () => ({ statusCode: 200, data: CATEGORIES }),
    'POST /api/wishes': () => ({ statusCode: 201, data: wish() }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  jest.spyOn(wx, 'chooseMedia').mockImplementation((o) => o.success({ tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }] }))
  const uploads = fakeFiles('uploadFile', () => ({ statusCode: 201, data: '{"id":5}' }))
  const redirect = jest.spyOn(wx, 'redirectTo').mockImplementation(() => {})
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const page = renderPage(ids.post, { stationId: '3' })
  await waitFor(() => page.querySelector('.category'))
  expect(texts(page, '.category')).toEqual(['维修帮扶', '助老助残'])
  tap(page, '.category', 1)
  page.instance.onInput({ detail: { value: '独居老人需要有人定期看看' } })
  await simulate.sleep(0)
  expect(text(page, '.counter')).toBe('12/500')
  tap(page, '.add-photo')
  await simulate.sleep(0)
  expect(page.querySelectorAll('.picked')).toHaveLength(1)
  await page.instance.onSubmit()
  const posted = server.calls.find((c) => c.method === 'POST')
  expect(posted.data).toEqual({ category: 'ELDERLY', content: '独居老人需要有人定期看看', stationId: 3, mayContact: true })
  expect(uploads).toHaveLength(1)
  expect(uploads[0]).toMatchObject({ url: BASE + '/api/wishes/77/photos', filePath: 'wxfile://a.jpg', name: 'file', header: { Authorization: 'Bearer t' } })
  expect(redirect).toHaveBeenCalledWith({ url: '/pages/wish/detail/index?id=77' })
})

test('post: nothing is sent without a category or text', async () => {
  const server = fakeServer({ 'GET /api/wishes/categories': () => ({ statusCode: 200, data: CATEGORIES }) })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const page = renderPage(ids.post, { stationId: '3' })
  await waitFor(() => page.querySelector('.category'))
  page.instance.onSubmit()
  tap(page, '.category', 0)
  await simulate.sleep(0)
  page.instance.onSubmit()
  expect(toast.mock.calls.map((c) => c[0].title)).toEqual(['请选择类别', '请写下内容'])
  expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
})

test('my wishes: state names, tap opens the timeline; empty list explains', async () => {
  let list = [wish({ id: 1, state: 'COMPLETED', stateName: '待评价', assigneeName: '文明创建队' }), wish({ id: 2 })]
  const server = fakeServer({ 'GET /api/wishes/mine': () => ({ statusCode: 200, data: list }) })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const nav = jest.spyOn(wx, 'navigateTo').mockImplementation(() => {})
  const page = renderPage(ids.mine)
  await waitFor(() => page.querySelector('.wish'))
  expect(texts(page, '.wish-state')).toEqual(['待评价', '待派单'])
  page.querySelectorAll('.wish')[0].dispatchEvent('tap')
  await simulate.sleep(0)
  expect(nav).toHaveBeenCalledWith({ url: '/pages/wish/detail/index?id=1' })
  list = []
  await page.instance.load()
  expect(state(page)).toEqual({ status: 'empty', message: '还没有提交过心愿' })
})

test('detail: timeline, protected photos downloaded with the token, rating 1–5 with a comment', async () => {
  const w = wish({
    state: 'COMPLETED', stateName: '待评价', photoIds: [5], completionNote: '已更换', allowedActions: ['RATE', 'REOPEN'],
    timeline: [
      { action: 'POST', actionName: '提交心愿', toName: '待派单', actorName: '居民本人', at: '2026-11-01T09:00:00' },
      { action: 'DISPATCH', actionName: '派单', fromName: '待派单', toName: '待接单', actorName: '李主任', note: '派给志愿服务队', at: '2026-11-01T10:00:00' },
    ],
  })
  const server = fakeServer({
    'GET /api/wishes/77': () => ({ statusCode: 200, data: w }),
    'POST /api/wishes/77/rate': () => ({ statusCode: 200, data: Object.assign({}, w, { state: 'CLOSED' }) }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  const downloads = fakeFiles('downloadFile', () => ({ statusCode: 200 }))
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const page = renderPage(ids.detail, { id: '77' })
  await waitFor(() => page.querySelector('.timeline-item'))
  expect(texts(page, '.timeline-item').map((t) => t.replace(/\s+/g, ' '))[1]).toContain('派单 待派单 → 待接单')
  expect(text(page, '.completion-note')).toBe('办理情况：已更换')
  await waitFor(() => page.querySelector('.posted'))
  expect(downloads[0]).toMatchObject({ url: BASE + '/api/wishes/77/photos/5', header: { Authorization: 'Bearer t' } })
  expect(page.querySelector('.rate')).toBeTruthy()
  expect(page.querySelector('.reopen')).toBeTruthy()
  expect(page.querySelector('.cancel')).toBeFalsy()
  tap(page, '.star', 3)
  await simulate.sleep(0)
  page.instance.onComment({ detail: { value: '很及时' } })
  await page.instance.onRate()
  expect(server.calls.find((c) => c.method === 'POST').data).toEqual({ rating: 4, comment: '很及时' })
})

test('tasks: accept, decline needs a reason, complete with a note', async () => {
  const server = fakeServer({
    'GET /api/wish-tasks': () => ({ statusCode: 200, data: [wish({ id: 8, state: 'DISPATCHED', stateName: '待接单', mayContact: true }), wish({ id: 9, state: 'ACCEPTED', stateName: '办理中' })] }),
    'POST /api/wish-tasks/8/accept': () => ({ statusCode: 200, data: {} }),
    'POST /api/wish-tasks/9/complete': () => ({ statusCode: 200, data: {} }),
  })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  jest.spyOn(wx, 'showToast').mockImplementation(() => {})
  const answers = ['', '已上门修好']
  jest.spyOn(wx, 'showModal').mockImplementation((o) => o.success({ confirm: true, content: answers.shift() }))
  const page = renderPage(ids.tasks)
  await waitFor(() => page.querySelector('.task'))
  expect(texts(page, '.task-state')).toEqual(['待接单', '办理中'])
  expect(page.querySelectorAll('.accept')).toHaveLength(1)
  expect(page.querySelectorAll('.complete')).toHaveLength(1)
  await page.instance.onAccept({ currentTarget: { dataset: { id: 8 } } })
  await page.instance.onDecline({ currentTarget: { dataset: { id: 8 } } })
  await page.instance.onComplete({ currentTarget: { dataset: { id: 9 } } })
  const posts = server.calls.filter((c) => c.method === 'POST')
  expect(posts.map((c) => c.url)).toEqual(['/api/wish-tasks/8/accept', '/api/wish-tasks/9/complete'])
  expect(posts[1].data).toEqual({ note: '已上门修好' })
})

test('upload helper: a 401 logs in again once and retries; a refusal carries the server message', async () => {
  const server = fakeServer({ 'POST /api/auth/login': loginRoute })
  jest.spyOn(wx, 'request').mockImplementation(server.impl)
  fakeLogin()
  wx.setStorageSync('rs_token', 'stale')
  const uploads = fakeFiles('uploadFile', (o) => (o.header.Authorization === 'Bearer stale'
    ? { statusCode: 401, data: '{"code":"AUTH_TOKEN_EXPIRED","message":"登录已过期"}' }
    : { statusCode: 201, data: '{"id":6}' }))
  await expect(uploadFile('/api/wishes/1/photos', 'wxfile://x.png')).resolves.toEqual({ id: 6 })
  expect(uploads.map((u) => u.header.Authorization)).toEqual(['Bearer stale', 'Bearer token-code-1'])
  jest.restoreAllMocks()
  fakeFiles('uploadFile', () => ({ statusCode: 415, data: '{"code":"WISH_PHOTO_NOT_IMAGE","message":"只能上传JPG或PNG格式的照片"}' }))
  await expect(uploadFile('/api/wishes/1/photos', 'wxfile://x.gif')).rejects.toMatchObject({ code: 'WISH_PHOTO_NOT_IMAGE', message: '只能上传JPG或PNG格式的照片', status: 415 })
  fakeFiles('downloadFile', () => ({ statusCode: 403 }))
  await expect(downloadImage('/api/wishes/1/photos/2')).rejects.toMatchObject({ code: 'DOWNLOAD_FAILED' })
})
