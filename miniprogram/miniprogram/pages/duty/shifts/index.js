const { get, post } = require('../../../utils/request.js')
const consent = require('../../../utils/consent.js')
const elder = require('../../../utils/elder.js')
const { url } = require('../../../utils/routes.js')

// Not shareable: it shows shifts only members may claim. With no onShareAppMessage WeChat greys out 转发;
// sharing the home page instead would make the sender think they forwarded what they see.
Page(elder.page({
  data: { loading: true, shifts: [], error: '' },

  onLoad() {
    consent.preload()
  },

  onShow() {
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/duty/shifts', undefined, { showError: false }).then(
      (shifts) => this.setData({ loading: false, shifts: shifts || [] }),
      (err) => this.setData({ loading: false, error: err.message }),
    )
  },

  onRetry() {
    return this.load()
  },

  onGoMine() {
    wx.navigateTo({ url: url('dutyMine') })
  },

  onClaim(e) {
    const id = e.currentTarget.dataset.id
    // asked at the moment of claiming: the reminder before the shift, and word if the community cancels it
    return consent.ask(['shift-reminder', 'shift-cancelled']).then(() => post('/api/duty/shifts/' + id + '/claim')).then(
      () => {
        wx.showToast({ title: '认领成功', icon: 'success' })
        return this.load()
      },
      () => this.load(),
    )
  },
}))
