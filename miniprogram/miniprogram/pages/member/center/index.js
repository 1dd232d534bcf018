const { get, post, del } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')
const elder = require('../../../utils/elder.js')

const CATEGORIES = [
  { key: 'LEGAL', name: '法律咨询' },
  { key: 'MEDICAL', name: '医疗健康' },
  { key: 'TUTORING', name: '课业辅导' },
  { key: 'REPAIR', name: '维修服务' },
  { key: 'CULTURE', name: '文体活动' },
  { key: 'POLICY', name: '政策宣讲' },
  { key: 'OTHER', name: '其他' },
]

// Not shareable: it shows my registration and resources. With no onShareAppMessage WeChat greys out 转发;
// sharing the home page instead would make the sender think they forwarded what they see.
Page(elder.page({
  data: {
    loading: true,
    registered: false,
    me: null,
    hours: '0',
    volunteerHours: '0',
    resources: [],
    categories: CATEGORIES,
    catIndex: -1,
    description: '',
    error: '',
  },

  onShow() {
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/member/me', undefined, { showError: false }).then(
      (me) => {
        this.setData({ loading: false, registered: true, me, hours: (me.serviceMinutes / 60).toFixed(1),
          volunteerHours: ((me.volunteerMinutes || 0) / 60).toFixed(1) })
        return this.loadResources()
      },
      (err) => {
        if (err.code === 'DUTY_NOT_MEMBER') this.setData({ loading: false, registered: false })
        else this.setData({ loading: false, error: err.message })
      },
    )
  },

  loadResources() {
    return get('/api/member/resources').then((list) => this.setData({ resources: list || [] }))
  },

  onRetry() {
    return this.load()
  },

  onCategory(e) {
    this.setData({ catIndex: Number(e.detail.value) })
  },

  onDescription(e) {
    this.setData({ description: e.detail.value })
  },

  onAdd() {
    const d = this.data
    if (d.catIndex < 0 || !d.description.trim()) {
      wx.showToast({ title: '请选择类别并填写内容', icon: 'none' })
      return
    }
    return post('/api/member/resources', { category: CATEGORIES[d.catIndex].key, description: d.description.trim() }).then(
      (list) => this.setData({ resources: list || [], description: '', catIndex: -1 }),
      () => {},
    )
  },

  onRemove(e) {
    const id = e.currentTarget.dataset.id
    return del('/api/member/resources/' + id).then(() => this.loadResources(), () => {})
  },

  onShifts() {
    wx.navigateTo({ url: url('dutyShifts') })
  },

  onMine() {
    wx.navigateTo({ url: url('dutyMine') })
  },

  /** Not registered yet: the registration page with its street → community picker. */
  onRegister() {
    wx.navigateTo({ url: url('memberRegister') })
  },

  /** Rejected: apply again, with the community applied for first picked. */
  onReapply() {
    const me = this.data.me || {}
    wx.navigateTo({ url: url('memberRegister', { communityId: me.communityId }) })
  },
}))
