// Booking result: pages/booking/result/index?id=<bookingId>. Loads only this booking
// (GET /api/booking/bookings/{id}, the same shape as one item of "my bookings").
const { get } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')

Page({
  data: { loading: true, error: '', bookingId: 0, booking: null, headline: '' },

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
        const headline = b.status === 'WAITING' ? '已加入候补，第 ' + b.waitlistPosition + ' 位'
          : b.status === 'CONFIRMED' ? '预约成功' : b.statusName
        this.setData({ loading: false, booking: b, headline })
      },
      (err) => this.setData({ loading: false, error: (err && err.status === 404 ? '没有找到这条预约' : err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  onMine() {
    wx.redirectTo({ url: url('bookingMine') })
  },
})
