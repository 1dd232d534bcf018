// Slot picker of a station: days (TDesign tabs), slots (cells) with seats left, full / waiting list.
// Opened as pages/booking/slots/index?stationId=<id> (e.g. from the station page).
const elder = require('../../../utils/elder.js')
const { get } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')

/** Slot -> what the page shows about its seats. */
function decorate(slot) {
  let seatText
  let state
  if (slot.myStatus === 'CONFIRMED') {
    seatText = '您已预约'
    state = 'mine'
  } else if (slot.myStatus === 'WAITING') {
    seatText = '您在候补中'
    state = 'mine'
  } else if (slot.status === 'CLOSED') {
    seatText = '暂停服务'
    state = 'closed'
  } else if (slot.seatsLeft > 0) {
    seatText = '剩余 ' + slot.seatsLeft + ' 个名额'
    state = 'open'
  } else if (slot.waitlistOpen) {
    seatText = '已约满，可候补'
    state = 'waitlist'
  } else {
    seatText = '已约满'
    state = 'full'
  }
  return Object.assign({}, slot, {
    seatText,
    state,
    serviceText: (slot.services || []).map((s) => s.name).join('、'),
  })
}

Page(elder.page({
  data: {
    loading: true,
    error: '',
    stationId: 0,
    stationName: '',
    days: [],
    dayIndex: 0,
    slots: [],
  },

  onLoad(query) {
    const stationId = Number((query && query.stationId) || 0)
    this.setData({ stationId })
    if (!stationId) {
      this.setData({ loading: false, error: '没有找到驿站，请从驿站页面进入' })
      return
    }
    this.load()
  },

  onShow() {
    // coming back from the booking form: refresh seats
    if (this.data.stationId && !this.data.loading) this.load()
  },

  /** A family member forwards the station's slots to a parent. */
  onShareAppMessage() {
    return {
      title: (this.data.stationName || '红色驿站') + ' 可预约时段',
      path: url('bookingSlots', { stationId: this.data.stationId }),
    }
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/booking/stations/' + this.data.stationId + '/slots', undefined, { showError: false }).then(
      (res) => {
        const days = (res.days || []).map((d) => Object.assign({}, d, { slots: d.slots.map(decorate) }))
        const dayIndex = Math.min(this.data.dayIndex, Math.max(days.length - 1, 0))
        this.setData({
          loading: false,
          stationName: res.stationName || '',
          days,
          dayIndex,
          slots: days.length ? days[dayIndex].slots : [],
        })
      },
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** No slots here (or no station named): other stations are on the home page. */
  onHome() {
    wx.reLaunch({ url: url('home') })
  },

  /** t-tabs change: detail.value is the day's index. */
  onPickDay(e) {
    const i = Number(e.detail.value)
    this.setData({ dayIndex: i, slots: this.data.days[i].slots })
  },

  onPickSlot(e) {
    const slot = this.data.slots.find((s) => s.id === Number(e.currentTarget.dataset.id))
    if (!slot) return
    if (slot.state === 'mine') {
      wx.navigateTo({ url: url('bookingMine') })
      return
    }
    if (slot.state === 'full' || slot.state === 'closed') {
      wx.showModal({ title: '提示', content: slot.state === 'closed' ? '该时段暂停服务，请选择其他时段' : '该时段已约满，请选择其他时段', showCancel: false })
      return
    }
    wx.navigateTo({ url: url('bookingForm', { stationId: this.data.stationId, slotId: slot.id, stationName: this.data.stationName }) })
  },

  onMine() {
    wx.navigateTo({ url: url('bookingMine') })
  },
}))
