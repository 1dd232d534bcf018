const { get, post } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')

Page({
  data: {
    communityId: 0,
    orgs: [],
    orgIndex: -1,
    name: '',
    workplace: '',
    phoneCode: '',
    phoneReady: false,
    submitting: false,
    done: false,
    error: '',
  },

  onLoad(query) {
    const communityId = Number((query && query.communityId) || 0)
    this.setData({ communityId })
    if (!communityId) {
      this.setData({ error: '请从所在社区的驿站页面进入“党员报到”' })
      return
    }
    get('/api/member/orgs?communityId=' + communityId).then(
      (orgs) => this.setData({ orgs: orgs || [] }),
      (err) => this.setData({ error: err.message }),
    )
  },

  onName(e) {
    this.setData({ name: e.detail.value })
  },

  onWorkplace(e) {
    this.setData({ workplace: e.detail.value })
  },

  onOrg(e) {
    this.setData({ orgIndex: Number(e.detail.value) })
  },

  /** The phone-number button gives a one-time code; the server exchanges it with WeChat. */
  onPhone(e) {
    const code = e && e.detail && e.detail.code
    if (!code) {
      wx.showToast({ title: '需要授权手机号才能报到', icon: 'none' })
      return
    }
    this.setData({ phoneCode: code, phoneReady: true })
  },

  onSubmit() {
    const d = this.data
    if (!d.name.trim()) return this.setData({ error: '请填写姓名' })
    if (d.orgIndex < 0) return this.setData({ error: '请选择党组织' })
    if (!d.phoneReady) return this.setData({ error: '请点击“获取微信手机号”' })
    this.setData({ submitting: true, error: '' })
    const body = {
      communityId: d.communityId,
      orgId: d.orgs[d.orgIndex].id,
      name: d.name.trim(),
      workplace: d.workplace.trim(),
      phoneCode: d.phoneCode,
    }
    return post('/api/member/registration', body, { showError: false }).then(
      () => this.setData({ submitting: false, done: true }),
      (err) => {
        // a phone code works once: ask for it again after a failure
        this.setData({ submitting: false, error: err.message, phoneReady: false, phoneCode: '' })
      },
    )
  },

  onCenter() {
    wx.redirectTo({ url: url('memberCenter') })
  },
})
