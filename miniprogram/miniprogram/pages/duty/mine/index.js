const { get, post } = require('../../../utils/request.js')
const { decodeScene, sceneFromPath, currentLocation } = require('../../../utils/station.js')
const elder = require('../../../utils/elder.js')
const { url } = require('../../../utils/routes.js')

// Not shareable: it shows my own shifts. With no onShareAppMessage WeChat greys out 转发; sharing the home page
// instead would make the sender think they forwarded what they see.
Page(elder.page({
  data: { loading: true, shifts: [], error: '', result: '' },

  onLoad(query) {
    // opened from the station QR code: check in straight away
    if (query && query.scene) this.pendingScene = decodeScene(query.scene)
  },

  onShow() {
    return this.load().then(() => {
      if (this.pendingScene) {
        const scene = this.pendingScene
        this.pendingScene = ''
        return this.checkIn(scene)
      }
    })
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/duty/my-shifts', undefined, { showError: false }).then(
      (shifts) => this.setData({ loading: false, shifts: shifts || [] }),
      (err) => this.setData({ loading: false, error: err.message }),
    )
  },

  onRetry() {
    return this.load()
  },

  onGoShifts() {
    wx.navigateTo({ url: url('dutyShifts') })
  },

  /** Without a location (refused) the server skips the distance check. */
  checkIn(scene) {
    return currentLocation().then((loc) => {
      const body = Object.assign({ scene: scene || '' }, loc || {})
      return post('/api/duty/check-in', body).then(
        (r) => {
          this.setData({ result: r.message })
          return this.load()
        },
        () => {},
      )
    })
  },

  onCheckIn() {
    return this.checkIn('')
  },

  onScan() {
    wx.scanCode({
      success: (res) => {
        const scene = sceneFromPath(res.path)
        if (scene) this.checkIn(scene)
        else wx.showToast({ title: '请扫驿站门口的二维码', icon: 'none' })
      },
    })
  },

  onCheckOut() {
    return post('/api/duty/check-out').then(
      (r) => {
        this.setData({ result: r.message })
        return this.load()
      },
      () => {},
    )
  },

  onRelease(e) {
    const id = e.currentTarget.dataset.id
    return post('/api/duty/shifts/' + id + '/release').then(() => this.load(), () => {})
  },
}))
