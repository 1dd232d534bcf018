// Booking result: pages/booking/result?id=<bookingId>
const { get } = require('../../utils/request.js')

Page({
  data: { loading: true, error: '', bookingId: 0, booking: null, headline: '' },

  onLoad(query) {
    this.setData({ bookingId: Number((query && query.id) || 0) })
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/booking/bookings/mine', undefined, { showError: false }).then(
      (res) => {
        const all = (res.upcoming || []).concat(res.past || [])
        const b = all.find((x) => x.id === this.data.bookingId)
        if (!b) {
          this.setData({ loading: false, error: '没有找到这条预约' })
          return
        }
        const headline = b.status === 'WAITING' ? '已加入候补，第 ' + b.waitlistPosition + ' 位'
          : b.status === 'CONFIRMED' ? '预约成功' : b.statusName
        this.setData({ loading: false, booking: b, headline })
      },
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  onMine() {
    wx.redirectTo({ url: '/pages/booking/mine' })
  },
})
