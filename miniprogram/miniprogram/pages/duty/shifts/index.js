const { get, post } = require('../../../utils/request.js')
const consent = require('../../../utils/consent.js')
const elder = require('../../../utils/elder.js')

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
