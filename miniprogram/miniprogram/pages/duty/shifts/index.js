const { get, post } = require('../../../utils/request.js')

Page({
  data: { loading: true, shifts: [], error: '' },

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
    return post('/api/duty/shifts/' + id + '/claim').then(
      () => {
        wx.showToast({ title: '认领成功', icon: 'success' })
        return this.load()
      },
      () => this.load(),
    )
  },
})
