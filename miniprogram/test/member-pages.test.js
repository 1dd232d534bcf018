const simulate = require('miniprogram-simulate')
const { BASE, fakeServer, waitFor, text } = require('./helpers')
const { load, tap, state, retry } = require('./helpers')
const api = require('../miniprogram/utils/request.js')

const registerId = load('pages/member/register/index')
const centerId = load('pages/member/center/index')

function render(id, query) {
  const page = simulate.render(id, query || {})
  page.attach(document.createElement('parent-wrapper'))
  return page
}

beforeEach(() => {
  global.__storage.clear()
  wx.setStorageSync('rs_token', 't')
  api.setBaseUrl(BASE)
})
afterEach(() => jest.restoreAllMocks())

const STREETS = [
  { id: 1, name: '紫贞街道', communities: [{ id: 2, name: '紫贞社区' }] },
  { id: 2, name: '檀溪街道', communities: [{ id: 9, name: '檀溪社区' }, { id: 3, name: '春园社区' }] },
]
const streetsRoute = () => ({ statusCode: 200, data: STREETS })

const ORGS = [
  { id: 3, name: '襄阳铁路中学党支部' },
  { id: 4, name: '国网襄阳供电公司紫贞供电所党支部' },
]

describe('registration page', () => {
  test('picks the station street and community, loads the organisations, asks for the messages and submits', async () => {
    const server = fakeServer({
      'GET /api/streets': streetsRoute,
      'GET /api/notify/templates': () => ({ statusCode: 200, data: { templates: { 'member-approved': 'T-A', 'member-rejected': 'T-R' } } }),
      'POST /api/notify/consents': () => ({ statusCode: 200, data: { balances: {} } }),
      'GET /api/member/orgs?communityId=3': () => ({ statusCode: 200, data: ORGS }),
      'POST /api/member/registration': () => ({ statusCode: 200, data: { id: 9, status: 'PENDING' } }),
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    wx.requestSubscribeMessage = jest.fn((o) => setTimeout(() => o.success({ 'T-A': 'accept', 'T-R': 'accept' }), 0))
    const page = render(registerId)
    await page.instance.onLoad({ communityId: '3' })
    await waitFor(() => page.instance.data.orgs.length === 2)
    expect(text(page, '.street')).toBe('檀溪街道')
    expect(text(page, '.community')).toBe('春园社区')
    expect(page.querySelector('.phone')).toBeTruthy() // t-button open-type="getPhoneNumber"

    page.instance.onName({ detail: { value: ' 张三 ' } })
    page.instance.onOrg({ detail: { value: '1' } })
    page.instance.onPhone({ detail: { code: 'phone-13812345678' } })
    await simulate.sleep(0)
    expect(text(page, '.phone-ok')).toBe('已授权微信手机号')
    await page.instance.onSubmit()
    await waitFor(() => page.querySelector('.done'))
    expect(wx.requestSubscribeMessage.mock.calls[0][0].tmplIds).toEqual(['T-A', 'T-R'])
    expect(server.calls.find((c) => c.url === '/api/notify/consents').data).toEqual({ results: { 'member-approved': 'accept', 'member-rejected': 'accept' } })
    const sent = server.calls.find((c) => c.url === '/api/member/registration').data
    expect(sent).toEqual({ communityId: 3, orgId: 4, name: '张三', workplace: '', phoneCode: 'phone-13812345678' })
    expect(text(page, '.done .big')).toBe('登记已提交，请等待社区审核')
  })

  test('refused phone permission and missing fields are explained; a server refusal asks for the phone again', async () => {
    const toast = jest.spyOn(wx, 'showToast').mockImplementation(() => {})
    const server = fakeServer({
      'GET /api/streets': streetsRoute,
      'GET /api/member/orgs?communityId=3': () => ({ statusCode: 200, data: ORGS }),
      'POST /api/member/registration': () => ({ statusCode: 400, data: { code: 'MEMBER_PHONE_CODE_INVALID', message: '手机号授权已失效，请重新点击获取手机号' } }),
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const page = render(registerId)
    page.instance.onLoad({ communityId: '3' })
    await waitFor(() => page.instance.data.orgs.length === 2)
    page.instance.onPhone({ detail: { errMsg: 'getPhoneNumber:fail user deny' } })
    expect(toast).toHaveBeenCalledWith({ title: '需要授权手机号才能报到', icon: 'none' })
    page.instance.onSubmit()
    await simulate.sleep(0)
    expect(text(page, '.error')).toBe('请填写姓名')
    page.instance.onName({ detail: { value: '张三' } })
    page.instance.onOrg({ detail: { value: '0' } })
    page.instance.onPhone({ detail: { code: 'bad-code' } })
    await page.instance.onSubmit()
    await waitFor(() => text(page, '.error') === '手机号授权已失效，请重新点击获取手机号')
    expect(page.querySelector('.phone')).toBeTruthy()
  })

  test('from the member centre (no community): pick street and community; an unlisted branch is typed', async () => {
    const server = fakeServer({
      'GET /api/streets': streetsRoute,
      'GET /api/member/orgs?communityId=9': () => ({ statusCode: 200, data: ORGS }),
      'POST /api/member/registration': () => ({ statusCode: 200, data: { id: 9, status: 'PENDING' } }),
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const page = render(registerId)
    await page.instance.onLoad({})
    await waitFor(() => text(page, '.street') === '紫贞街道')
    expect(text(page, '.community')).toBe('请选择社区')
    expect(text(page, '.orgs-need-community')).toBe('请先选择社区')
    page.instance.onStreet({ detail: { value: '1' } })
    await page.instance.onCommunity({ detail: { value: '0' } })
    await waitFor(() => page.querySelector('.not-listed'))
    tap(page, '.not-listed')
    await waitFor(() => page.querySelector('.org-name'))
    page.instance.onOrgName({ detail: { value: '某某科技公司党支部' } })
    page.instance.onName({ detail: { value: '王五' } })
    page.instance.onPhone({ detail: { code: 'phone-13812345678' } })
    await page.instance.onSubmit()
    await waitFor(() => page.querySelector('.done'))
    expect(server.calls.find((c) => c.url === '/api/member/registration').data)
      .toEqual({ communityId: 9, orgName: '某某科技公司党支部', name: '王五', workplace: '', phoneCode: 'phone-13812345678' })
  })

  test('organisations: loading, empty (type the name) and error with 重试', async () => {
    let n = 0
    const server = fakeServer({
      'GET /api/streets': streetsRoute,
      'GET /api/member/orgs?communityId=2': () => (++n === 1
        ? { statusCode: 503, data: { code: 'SERVICE_BUSY', message: '服务繁忙，请稍后再试' } }
        : { statusCode: 200, data: [] }),
    })
    // the first organisations request is held until the loading state has been seen (answered at once, it could end
    // between two polls of waitFor)
    let held = null
    jest.spyOn(wx, 'request').mockImplementation((opts) => {
      if (!held && opts.url.includes('/api/member/orgs')) {
        held = opts
        return
      }
      server.impl(opts)
    })
    const page = render(registerId)
    const loading = page.instance.onLoad({ communityId: '2' })
    await waitFor(() => page.instance.data.orgsLoading && held)
    server.impl(held)
    await loading
    await waitFor(() => page.querySelector('.orgs-error'))
    expect(text(page, '.orgs-error .error-text')).toBe('服务繁忙，请稍后再试')
    await page.instance.onRetryOrgs()
    await waitFor(() => page.querySelector('.orgs-empty'))
    expect(text(page, '.orgs-empty')).toBe('这个社区还没有登记党组织，请在下面填写您的党组织名称')
    expect(page.querySelector('.org-name')).toBeTruthy()
  })
})

describe('member centre', () => {
  test('shows status, hours and the resource list; adds and removes a resource', async () => {
    let resources = [{ id: 1, category: 'LEGAL', categoryName: '法律咨询', description: '劳动纠纷咨询' }]
    const server = fakeServer({
      'GET /api/member/me': () => ({ statusCode: 200, data: { name: '张三', orgName: '襄阳铁路中学党支部', status: 'APPROVED', statusName: '已通过', serviceMinutes: 90, volunteerMinutes: 150 } }),
      'GET /api/member/resources': () => ({ statusCode: 200, data: resources }),
      'POST /api/member/resources': (call) => {
        resources = resources.concat([{ id: 2, category: call.data.category, categoryName: '课业辅导', description: call.data.description }])
        return { statusCode: 200, data: resources }
      },
      'DELETE /api/member/resources/1': () => {
        resources = resources.filter((r) => r.id !== 1)
        return { statusCode: 204, data: '' }
      },
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const page = render(centerId)
    await waitFor(() => page.querySelector('.hours'))
    expect(text(page, '.state')).toBe('报到状态：已通过')
    expect(text(page, '.hours')).toBe('累计服务：1.5 小时')
    expect(text(page, '.volunteer-hours')).toBe('志愿服务：2.5 小时')
    await waitFor(() => page.querySelectorAll('.resource').length === 1)
    page.instance.onCategory({ detail: { value: '2' } })
    page.instance.onDescription({ detail: { value: '初中数学' } })
    await page.instance.onAdd()
    await waitFor(() => page.querySelectorAll('.resource').length === 2)
    expect(server.calls.find((c) => c.method === 'POST').data).toEqual({ category: 'TUTORING', description: '初中数学' })
    tap(page, '.remove')
    await waitFor(() => page.querySelectorAll('.resource').length === 1)
    expect(page.querySelector('.shifts')).toBeTruthy()
  })

  test('loading, then an error with 重试 that loads again', async () => {
    let calls = 0
    const server = fakeServer({
      'GET /api/member/me': () => (++calls === 1 ? { fail: 'request:fail' } : { statusCode: 403, data: { code: 'DUTY_NOT_MEMBER', message: '您还没有进行党员双报到登记' } }),
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const page = render(centerId)
    expect(state(page).status).toBe('loading')
    await waitFor(() => (state(page) || {}).status === 'error')
    expect(state(page).message).toBe('网络不给力，请稍后再试')
    retry(page)
    await waitFor(() => page.querySelector('.not-registered'))
    expect(state(page)).toBeNull()
  })

  test('not registered yet', async () => {
    const server = fakeServer({
      'GET /api/member/me': () => ({ statusCode: 403, data: { code: 'DUTY_NOT_MEMBER', message: '您还没有进行党员双报到登记' } }),
    })
    jest.spyOn(wx, 'request').mockImplementation(server.impl)
    const page = render(centerId)
    await waitFor(() => page.querySelector('.not-registered'))
    expect(text(page, '.not-registered .big')).toBe('您还没有进行党员双报到')
  })
})
