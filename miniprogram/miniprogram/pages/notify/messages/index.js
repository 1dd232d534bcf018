// 消息中心: every notification the server made for me, newest first, whether or not WeChat delivered it.
const { get, post } = require('../../../utils/request.js')
const elder = require('../../../utils/elder.js')
const { url } = require('../../../utils/routes.js')

const SIZE = 20

// Not shareable: it shows my own messages. With no onShareAppMessage WeChat greys out 转发; sharing the home
// page instead would make the sender think they forwarded what they see.
Page(elder.page({
  data: { loading: true, error: '', items: [], unread: 0, page: 1, hasMore: false },

  onShow() {
    this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/notify/messages?page=1&size=' + SIZE, undefined, { showError: false }).then(
      (r) => this.setData({ loading: false, items: r.items || [], unread: r.unread || 0, page: 1, hasMore: (r.items || []).length < (r.total || 0) }),
      (err) => this.setData({ loading: false, error: (err && err.message) || '消息加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** Nothing here yet: the home page (nearby stations, search, scan) is where one can act. */
  onHome() {
    wx.reLaunch({ url: url('home') })
  },

  onMore() {
    const next = this.data.page + 1
    return get('/api/notify/messages?page=' + next + '&size=' + SIZE).then((r) => {
      const items = this.data.items.concat(r.items || [])
      this.setData({ items, page: next, unread: r.unread || 0, hasMore: items.length < (r.total || 0) })
    }, () => {})
  },

  /** Marks the message read and opens the page it names (a booking, the member centre, my shifts). */
  onOpen(e) {
    const { id, page } = e.currentTarget.dataset
    const item = this.data.items.find((m) => m.id === id)
    const open = () => {
      if (page) wx.navigateTo({ url: '/' + String(page).replace(/^\//, '') })
    }
    if (!item || item.read) {
      open()
      return Promise.resolve()
    }
    return post('/api/notify/messages/' + id + '/read', undefined, { showError: false }).then(
      (r) => {
        this.setData({ items: this.data.items.map((m) => (m.id === id ? { ...m, read: true } : m)), unread: (r && r.unread) || 0 })
        open()
      },
      () => open(),
    )
  },

  onReadAll() {
    return post('/api/notify/messages/read-all').then((r) => {
      this.setData({ items: this.data.items.map((m) => ({ ...m, read: true })), unread: (r && r.unread) || 0 })
    }, () => {})
  },
}))
