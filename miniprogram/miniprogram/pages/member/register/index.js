// 党员报到: street → community (defaulting to the station's community), the community's Party organisation
// (or "my branch is not listed": its name typed, staff make it an organisation on approval), name, workplace,
// WeChat phone number. The approved/rejected messages are asked for at the moment of applying.
const { get, post } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')
const consent = require('../../../utils/consent.js')
const elder = require('../../../utils/elder.js')

Page(elder.page({
  data: {
    communityId: 0,
    streets: [],
    streetIndex: -1,
    communities: [],
    communityIndex: -1,
    areasLoading: true,
    orgsLoading: false,
    orgsError: '',
    orgs: [],
    orgIndex: -1,
    notListed: false,
    orgName: '',
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
    consent.preload()
    return this.loadStreets(communityId)
  },

  /** A member forwards registration to fellow members: the same community is picked for them. */
  onShareAppMessage() {
    return { title: '党员双报到登记', path: url('memberRegister', { communityId: this.data.communityId || undefined }) }
  },

  /** Streets with their communities; the one holding communityId is picked (else the first). */
  loadStreets(communityId) {
    this.setData({ areasLoading: true, error: '' })
    return get('/api/streets', undefined, { auth: false, showError: false }).then(
      (streets) => {
        const list = streets || []
        let si = list.findIndex((s) => (s.communities || []).some((c) => c.id === communityId))
        if (si < 0) si = list.length ? 0 : -1
        const communities = si >= 0 ? list[si].communities || [] : []
        const ci = communities.findIndex((c) => c.id === communityId)
        this.setData({ areasLoading: false, streets: list, streetIndex: si, communities, communityIndex: ci })
        if (ci >= 0) return this.loadOrgs(communities[ci].id)
        return undefined
      },
      (err) => this.setData({ areasLoading: false, error: (err && err.message) || '社区列表加载失败，请重试' }),
    )
  },

  onStreet(e) {
    const si = Number(e.detail.value)
    const communities = (this.data.streets[si] && this.data.streets[si].communities) || []
    this.setData({ streetIndex: si, communities, communityIndex: -1, communityId: 0, orgs: [], orgIndex: -1, orgsError: '' })
  },

  onCommunity(e) {
    const ci = Number(e.detail.value)
    const c = this.data.communities[ci]
    this.setData({ communityIndex: ci })
    if (c) return this.loadOrgs(c.id)
    return undefined
  },

  loadOrgs(communityId) {
    this.setData({ communityId, orgsLoading: true, orgsError: '', orgs: [], orgIndex: -1 })
    return get('/api/member/orgs?communityId=' + communityId, undefined, { showError: false }).then(
      (orgs) => this.setData({ orgsLoading: false, orgs: orgs || [], notListed: this.data.notListed || !(orgs || []).length }),
      (err) => this.setData({ orgsLoading: false, orgsError: (err && err.message) || '党组织加载失败' }),
    )
  },

  onRetryOrgs() {
    return this.loadOrgs(this.data.communityId)
  },

  onName(e) {
    this.setData({ name: e.detail.value })
  },

  onWorkplace(e) {
    this.setData({ workplace: e.detail.value })
  },

  onOrg(e) {
    this.setData({ orgIndex: Number(e.detail.value), notListed: false })
  },

  /** "我的党组织不在列表中": type its name instead. */
  onNotListed() {
    this.setData({ notListed: !this.data.notListed, orgIndex: -1 })
  },

  onOrgName(e) {
    this.setData({ orgName: e.detail.value })
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
    if (!d.communityId) return this.setData({ error: '请选择所在街道和社区' })
    if (!d.name.trim()) return this.setData({ error: '请填写姓名' })
    if (d.notListed ? !d.orgName.trim() : d.orgIndex < 0) {
      return this.setData({ error: d.notListed ? '请填写您所在的党组织名称' : '请选择党组织' })
    }
    if (!d.phoneReady) return this.setData({ error: '请点击“获取微信手机号”' })
    this.setData({ submitting: true, error: '' })
    const body = {
      communityId: d.communityId,
      orgId: d.notListed ? undefined : d.orgs[d.orgIndex].id,
      orgName: d.notListed ? d.orgName.trim() : undefined,
      name: d.name.trim(),
      workplace: d.workplace.trim(),
      phoneCode: d.phoneCode,
    }
    return consent.ask(['member-approved', 'member-rejected'])
      .then(() => post('/api/member/registration', body, { showError: false }))
      .then(
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
}))
