const { get, post } = require('../../../utils/request.js')
const { decodeScene, sceneFromPath, currentLocation } = require('../../../utils/station.js')
const elder = require('../../../utils/elder.js')
const { url } = require('../../../utils/routes.js')

// Not shareable: it shows my own shifts. With no onShareAppMessage WeChat greys out 转发; sharing the home page
// instead would make the sender think they forwarded what they see.
Page(elder.page({
  // locationDenied: 定位签到 got no location (refused or failed); the page explains what to do instead
  data: { loading: true, shifts: [], error: '', result: '', verifyName: '', locationDenied: false },

  onLoad(query) {
    // opened from the station QR code: check in straight away
    if (query && query.scene) this.pendingScene = decodeScene(query.scene)
  },

  onShow() {
    return this.load().then(() => {
      if (this.pendingScene) {
        const scene = this.pendingScene
        this.pendingScene = ''
        return this.checkInWithScene(scene)
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

  /**
   * Check-in needs proof: the station's code (scene) or a location near the station; the server records which.
   * A location given with a scan is checked for distance too. Without both only a station that allows it accepts.
   */
  checkIn(scene, loc) {
    const body = Object.assign({ scene: scene || '' }, loc || {})
    return post('/api/duty/check-in', body).then(
      (r) => {
        this.setData({ result: r.message, verifyName: r.verifyName || '', locationDenied: false })
        return this.load()
      },
      () => {},
    )
  },

  /** Opened with a scene (the station page after a scan) or 扫码签到: the code, with the location when given. */
  checkInWithScene(scene) {
    return currentLocation().then((loc) => this.checkIn(scene, loc))
  },

  onScan() {
    wx.scanCode({
      onlyFromCamera: true,
      success: (res) => {
        const scene = sceneFromPath(res.path)
        if (scene) this.checkInWithScene(scene)
        else wx.showToast({ title: '请扫驿站门口的二维码', icon: 'none' })
      },
    })
  },

  /** 定位签到: no location (refused or failed) → say so and offer scanning, the settings, or an unverified try. */
  onLocate() {
    return currentLocation().then((loc) => {
      if (!loc) {
        this.setData({ locationDenied: true, result: '', verifyName: '' })
        return undefined
      }
      return this.checkIn('', loc)
    })
  },

  onOpenSetting() {
    wx.openSetting({})
  },

  /** Neither code nor location: accepted only where the station allows it (flagged, hours unverified). */
  onUnverified() {
    return this.checkIn('', null)
  },

  onCheckOut() {
    return post('/api/duty/check-out').then(
      (r) => {
        this.setData({ result: r.message, verifyName: '' })
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
