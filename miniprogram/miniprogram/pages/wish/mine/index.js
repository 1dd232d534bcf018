// My wishes with their state; tap one for the timeline and rating. pages/wish/mine/index
const { get } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')
const elder = require('../../../utils/elder.js')

// Not shareable: it shows my own wishes. With no onShareAppMessage WeChat greys out 转发; sharing the home page
// instead would make the sender think they forwarded what they see.
Page(elder.page({
  data: { loading: true, error: '', list: [] },

  onShow() {
    return this.load()
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/wishes/mine', undefined, { showError: false }).then(
      (list) => this.setData({ loading: false, list: list || [] }),
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  onOpen(e) {
    wx.navigateTo({ url: url('wishDetail', { id: e.currentTarget.dataset.id }) })
  },

  onNew() {
    wx.navigateTo({ url: url('wishPost') })
  },
}))
