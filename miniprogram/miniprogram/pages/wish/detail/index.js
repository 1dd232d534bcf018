// One of my wishes: state, photos, the timeline (who, when, from → to), and what I may do now: rate 1–5
// with a comment, reopen with a reason, or withdraw. pages/wish/detail/index?id=<id>
const { get, post } = require('../../../utils/request.js')
const { downloadImage } = require('../../../utils/upload.js')
const elder = require('../../../utils/elder.js')
const { url } = require('../../../utils/routes.js')

function hhmm(t) {
  return t ? String(t).replace('T', ' ').slice(0, 16) : ''
}

// Not shareable: it shows one of my wishes with its photos and timeline. With no onShareAppMessage WeChat
// greys out 转发; sharing the home page instead would make the sender think they forwarded what they see.
Page(elder.page({
  data: {
    loading: true, error: '', wish: null, timeline: [], photos: [], donePhotos: [], can: {}, rating: 0,
    stars: [1, 2, 3, 4, 5], comment: '', reason: '',
  },

  onLoad(query) {
    this.id = Number((query && query.id) || 0)
    if (!this.id) {
      this.setData({ loading: false, error: '没有找到这条心愿' })
      return null
    }
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/wishes/' + this.id, undefined, { showError: false }).then(
      (w) => {
        const can = {}
        ;(w.allowedActions || []).forEach((a) => { can[a] = true })
        const timeline = (w.timeline || []).map((e) => Object.assign({}, e, { time: hhmm(e.at) }))
        this.setData({ loading: false, wish: w, timeline, can, photos: [], donePhotos: [] })
        this.loadPhotos(w)
      },
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  loadPhotos(w) {
    const fetch = (ids) => Promise.all((ids || []).map((pid) => downloadImage('/api/wishes/' + w.id + '/photos/' + pid)
      .catch(() => '')))
    return Promise.all([fetch(w.photoIds), fetch(w.completionPhotoIds)]).then(([a, b]) => {
      this.setData({ photos: a.filter(Boolean), donePhotos: b.filter(Boolean) })
    })
  },

  onRetry() {
    return this.load()
  },

  /** A wish that cannot be shown (withdrawn link, another person's): the list of my own. */
  onMine() {
    wx.redirectTo({ url: url('wishMine') })
  },

  onStar(e) {
    this.setData({ rating: Number(e.currentTarget.dataset.value) })
  },

  onComment(e) {
    this.setData({ comment: e.detail.value })
  },

  onReason(e) {
    this.setData({ reason: e.detail.value })
  },

  onRate() {
    if (!this.data.rating) return wx.showToast({ title: '请先打分', icon: 'none' })
    return post('/api/wishes/' + this.id + '/rate', { rating: this.data.rating, comment: this.data.comment || undefined })
      .then(() => {
        wx.showToast({ title: '感谢评价', icon: 'success' })
        return this.load()
      }, () => this.load())
  },

  onReopen() {
    if (!this.data.reason.trim()) return wx.showToast({ title: '请写下原因', icon: 'none' })
    return post('/api/wishes/' + this.id + '/reopen', { reason: this.data.reason.trim() }).then(() => this.load(), () => this.load())
  },

  onCancel() {
    return post('/api/wishes/' + this.id + '/cancel', { reason: this.data.reason.trim() || undefined })
      .then(() => this.load(), () => this.load())
  },

  onPreview(e) {
    wx.previewImage({ urls: this.data.photos.concat(this.data.donePhotos), current: e.currentTarget.dataset.src })
  },
}))
