// Booking result: pages/booking/result/index?id=<bookingId>. Loads only this booking
// (GET /api/booking/bookings/{id}, the same shape as one item of "my bookings"). Shows what to bring, who comes and,
// once the resident scanned the station code during the slot (POST /api/booking/arrivals), the queue number.
const elder = require('../../../utils/elder.js')
const { get, post } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')

/** The scene of a scanned station code: a mini-program code gives a path with ?scene=, a plain QR the text. */
function sceneOf(res) {
  if (!res) return ''
  const path = res.path || ''
  const m = /[?&]scene=([^&]+)/.exec(path)
  if (m) {
    try {
      return decodeURIComponent(m[1])
    } catch (e) {
      return m[1]
    }
  }
  return res.result || ''
}

Page(elder.page({
  data: { loading: true, error: '', bookingId: 0, booking: null, headline: '', arriveError: '' },

  onLoad(query) {
    this.setData({ bookingId: Number((query && query.id) || 0) })
    this.load()
  },

  load() {
    if (!this.data.bookingId) {
      this.setData({ loading: false, error: '没有找到这条预约' })
      return Promise.resolve()
    }
    this.setData({ loading: true, error: '' })
    return get('/api/booking/bookings/' + this.data.bookingId, undefined, { showError: false }).then(
      (b) => {
        const headline = b.queueNo ? '已签到，排队号 ' + b.queueNo
          : b.status === 'WAITING' ? '已加入候补，第 ' + b.waitlistPosition + ' 位'
            : b.status === 'CONFIRMED' ? '预约成功' : b.statusName
        this.setData({ loading: false, booking: b, headline })
      },
      (err) => this.setData({ loading: false, error: (err && err.status === 404 ? '没有找到这条预约' : err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** 到场签到: scan the code posted at the station; the server checks the slot time (15 minutes before to its end). */
  onArrive() {
    return new Promise((resolve) => wx.scanCode({ success: resolve, fail: () => resolve(null) }))
      .then((res) => {
        const scene = sceneOf(res)
        if (!scene) return null
        return post('/api/booking/arrivals', { scene }, { showError: false }).then(
          (b) => this.setData({ booking: b, headline: '已签到，排队号 ' + b.queueNo, arriveError: '' }),
          (err) => this.setData({ arriveError: (err && err.message) || '签到失败，请重试' }),
        )
      })
  },

  /** Forwarding a booking shares its station (a daughter shows her mother where to go). */
  onShareAppMessage() {
    const b = this.data.booking
    // the booking itself is private: the share opens its station, where the recipient can book too
    return b ? { title: b.stationName, path: url('station', { id: b.stationId }) } : { title: '红色驿站', path: url('home') }
  },

  onMine() {
    wx.redirectTo({ url: url('bookingMine') })
  },
}))
