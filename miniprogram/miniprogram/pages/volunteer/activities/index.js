// Volunteer activities at the stations: sign up, cancel, and check in on the day by scanning the station's
// code (hours are credited at check-in). pages/volunteer/activities/index[?stationId=<id>]
const { get, post, del } = require('../../../utils/request.js')
const { sceneFromPath } = require('../../../utils/station.js')
const consent = require('../../../utils/consent.js')
const elder = require('../../../utils/elder.js')
const { url } = require('../../../utils/routes.js')

function when(a) {
  const s = String(a.startAt || '').replace('T', ' ')
  const e = String(a.endAt || '').replace('T', ' ')
  return s.slice(0, 16) + '–' + e.slice(11, 16)
}

Page(elder.page({
  data: { loading: true, error: '', list: [], stationId: 0 },

  onLoad(query) {
    this.setData({ stationId: Number((query && query.stationId) || 0) })
    consent.preload()
  },

  /** Forwarded to family or neighbours: the same list (of the same station, when one was chosen). */
  onShareAppMessage() {
    return { title: '志愿活动', path: url('volunteerActivities', { stationId: this.data.stationId || undefined }) }
  },

  onShow() {
    return this.load()
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: true, error: '' })
    const q = this.data.stationId ? '?stationId=' + this.data.stationId : ''
    return get('/api/volunteer/activities' + q, undefined, { showError: false }).then(
      (list) => this.setData({ loading: false, list: (list || []).map((a) => Object.assign({}, a, { when: when(a) })) }),
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** Nothing here yet: the home page (nearby stations, search, scan) is where one can act. */
  onHome() {
    wx.reLaunch({ url: url('home') })
  },

  onSignUp(e) {
    const id = e.currentTarget.dataset.id
    return consent.ask(['activity-reminder']).then(() => post('/api/volunteer/activities/' + id + '/signup')).then(() => {
      wx.showToast({ title: '报名成功', icon: 'success' })
      return this.load()
    }, () => this.load())
  },

  onCancel(e) {
    return del('/api/volunteer/activities/' + e.currentTarget.dataset.id + '/signup').then(() => this.load(), () => this.load())
  },

  onCheckIn(e) {
    const id = e.currentTarget.dataset.id
    return new Promise((resolve) => {
      wx.scanCode({
        success: (res) => resolve(sceneFromPath(res.path) || res.result || ''),
        fail: () => resolve(''),
      })
    }).then((scene) => {
      if (!scene) return wx.showToast({ title: '请扫驿站门口的二维码', icon: 'none' })
      return post('/api/volunteer/activities/' + id + '/checkin', { scene }).then((a) => {
        wx.showToast({ title: '签到成功 ' + Math.round((a.minutes / 60) * 10) / 10 + '小时', icon: 'none' })
        return this.load()
      }, () => this.load())
    })
  },
}))
