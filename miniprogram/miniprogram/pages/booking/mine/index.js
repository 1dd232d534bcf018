// My bookings: upcoming (cancel until the cut-off) and past, as TDesign tabs. pages/booking/mine/index
const elder = require('../../../utils/elder.js')
const { get, post } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')

// Not shareable: it shows my own bookings. With no onShareAppMessage WeChat greys out 转发; sharing the home
// page instead would make the sender think they forwarded what they see.
Page(elder.page({
  data: { loading: true, error: '', tab: 'upcoming', upcoming: [], past: [], list: [] },

  onLoad() {
    this.load()
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/booking/bookings/mine', undefined, { showError: false }).then(
      (res) => {
        const upcoming = res.upcoming || []
        const past = res.past || []
        this.setData({ loading: false, upcoming, past, list: this.data.tab === 'past' ? past : upcoming })
      },
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** t-tabs change: detail.value is 'upcoming' or 'past'. */
  onTab(e) {
    const tab = e.detail.value === 'past' ? 'past' : 'upcoming'
    this.setData({ tab, list: tab === 'past' ? this.data.past : this.data.upcoming })
  },

  onCancel(e) {
    const id = Number(e.currentTarget.dataset.id)
    return new Promise((resolve) => {
      wx.showModal({
        title: '取消预约',
        content: '确定取消这个预约吗？名额会让给其他居民。',
        confirmText: '确定取消',
        cancelText: '再想想',
        success: (r) => resolve(r && r.confirm),
        fail: () => resolve(false),
      })
    }).then((ok) => {
      if (!ok) return null
      // the request helper shows the server's Chinese message when the cancel is refused
      return post('/api/booking/bookings/' + id + '/cancel').then(
        () => {
          wx.showToast({ title: '已取消', icon: 'success' })
          return this.load()
        },
        () => this.load(),
      )
    })
  },

  /** After the cancel cut-off: call the station instead. */
  onCallStation(e) {
    const phone = e && e.currentTarget && e.currentTarget.dataset && e.currentTarget.dataset.phone
    if (phone) wx.makePhoneCall({ phoneNumber: String(phone) })
  },

  /** No bookings (also the official account's 预约服务 lands here): find a station to book at. */
  onGoBook() {
    wx.reLaunch({ url: url('home') })
  },
}))
