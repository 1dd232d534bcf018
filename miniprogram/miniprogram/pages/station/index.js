// Legacy entry, not a page of its own: station QR codes printed before the pages/<feature>/<page>/index
// layout (and any still made by a server that has not switched) open pages/station/index?scene=...
// Forward the same query to the station page so those codes keep working.
const { url } = require('../../utils/routes.js')
const elder = require('../../utils/elder.js')

Page(elder.page({
  onLoad(query) {
    wx.redirectTo({ url: url('station', query || {}) })
  },
}))
