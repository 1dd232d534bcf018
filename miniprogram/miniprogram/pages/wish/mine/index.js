// My wishes with their state; tap one for the timeline and rating. pages/wish/mine/index
const { url } = require('../../../utils/routes.js')
const elder = require('../../../utils/elder.js')
const { listPage } = require('../../../utils/list-page.js')

// Not shareable: it shows my own wishes. With no onShareAppMessage WeChat greys out 转发; sharing the home page
// instead would make the sender think they forwarded what they see.
Page(elder.page({
  ...listPage('/api/wishes/mine'),

  onOpen(e) {
    wx.navigateTo({ url: url('wishDetail', { id: e.currentTarget.dataset.id }) })
  },

  onNew() {
    wx.navigateTo({ url: url('wishPost') })
  },
}))
