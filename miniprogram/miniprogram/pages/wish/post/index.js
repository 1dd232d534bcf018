// Post a need or micro-wish (群众点单): category, text (≤ 500), up to 3 photos, station, may-contact.
// pages/wish/post/index?stationId=<id> (from a station page) or without: the nearest stations are offered.
const { get, post } = require('../../../utils/request.js')
const { uploadFile } = require('../../../utils/upload.js')
const { currentLocation } = require('../../../utils/station.js')
const { url } = require('../../../utils/routes.js')
const consent = require('../../../utils/consent.js')
const elder = require('../../../utils/elder.js')

const MAX_TEXT = 500
const MAX_PHOTOS = 3

Page(elder.page({
  data: {
    loading: true, error: '', categories: [], category: '', content: '', count: 0, maxText: MAX_TEXT,
    photos: [], maxPhotos: MAX_PHOTOS, stations: [], stationId: 0, mayContact: true, submitting: false,
  },

  onLoad(query) {
    const stationId = Number((query && query.stationId) || 0)
    this.setData({ stationId })
    consent.preload()
    return this.load()
  },

  /** A family member forwards the form to a parent, for the same station; nothing typed here is shared. */
  onShareAppMessage() {
    return { title: '说说您的心愿或困难', path: url('wishPost', { stationId: this.data.stationId || undefined }) }
  },

  load() {
    this.setData({ loading: true, error: '' })
    const cats = get('/api/wishes/categories', undefined, { showError: false, auth: false })
    const near = this.data.stationId ? Promise.resolve([]) : currentLocation().then((loc) => {
      if (!loc) return []
      return get('/api/stations/nearby?lat=' + loc.latitude + '&lng=' + loc.longitude + '&limit=5', undefined,
        { showError: false, auth: false }).then((list) => (list || []).map((n) => n.station || n))
    })
    return Promise.all([cats, near]).then(
      ([categories, stations]) => {
        const stationId = this.data.stationId || (stations[0] && stations[0].id) || 0
        this.setData({ loading: false, categories: categories || [], stations, stationId })
        if (!stationId) this.setData({ error: '没有找到附近的驿站，请从驿站页面进入' })
      },
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** No station found nearby: stations are on the home page (nearby, search, scan). */
  onHome() {
    wx.reLaunch({ url: url('home') })
  },

  onCategory(e) {
    this.setData({ category: e.currentTarget.dataset.value })
  },

  onStation(e) {
    this.setData({ stationId: Number(e.currentTarget.dataset.id) })
  },

  onInput(e) {
    const content = (e.detail.value || '').slice(0, MAX_TEXT)
    this.setData({ content, count: content.length })
  },

  onContact() {
    this.setData({ mayContact: !this.data.mayContact })
  },

  onChoose() {
    const left = MAX_PHOTOS - this.data.photos.length
    if (left <= 0) return
    wx.chooseMedia({
      count: left,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => {
        const picked = (res.tempFiles || []).map((f) => f.tempFilePath)
        this.setData({ photos: this.data.photos.concat(picked).slice(0, MAX_PHOTOS) })
      },
    })
  },

  onRemovePhoto(e) {
    const i = Number(e.currentTarget.dataset.index)
    this.setData({ photos: this.data.photos.filter((_, k) => k !== i) })
  },

  /** Post the text first, then each photo; a failed photo keeps the wish and says so. */
  onSubmit() {
    const content = this.data.content.trim()
    if (!this.data.category) return wx.showToast({ title: '请选择类别', icon: 'none' })
    if (!content) return wx.showToast({ title: '请写下内容', icon: 'none' })
    if (this.data.submitting) return null
    this.setData({ submitting: true })
    // asked inside the tap: the news that someone took it on, and that it is done
    return consent.ask(['wish-accepted', 'wish-completed', 'wish-rate-reminder']).then(() => post('/api/wishes', {
      category: this.data.category, content, stationId: this.data.stationId, mayContact: this.data.mayContact,
    }).then(
      (wish) => this.uploadAll(wish.id).then((failed) => {
        this.setData({ submitting: false })
        if (failed) wx.showModal({ title: '提示', content: '心愿已提交，但有' + failed + '张照片没有传上去', showCancel: false })
        else wx.showToast({ title: '已提交', icon: 'success' })
        wx.redirectTo({ url: url('wishDetail', { id: wish.id }) })
      }),
      () => this.setData({ submitting: false }),
    ))
  },

  uploadAll(id) {
    let failed = 0
    return this.data.photos.reduce((p, path) => p.then(() => uploadFile('/api/wishes/' + id + '/photos', path)
      .catch(() => { failed += 1 })), Promise.resolve()).then(() => failed)
  },
}))
