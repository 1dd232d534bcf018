// The parts of a page that shows one list from the server: load on show, pull to refresh, retry after an error.
// Spread into the page's options: Page(elder.page({ ...listPage('/api/wishes/mine'), onOpen () { … } })).
const { get } = require('./request.js')

function listPage(path) {
  return {
    data: { loading: true, error: '', list: [] },

    onShow() {
      return this.load()
    },

    onPullDownRefresh() {
      this.load().then(() => wx.stopPullDownRefresh())
    },

    load() {
      this.setData({ loading: true, error: '' })
      return get(path, undefined, { showError: false }).then(
        (list) => this.setData({ loading: false, list: list || [] }),
        (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
      )
    },

    onRetry() {
      return this.load()
    },
  }
}

module.exports = { listPage }
