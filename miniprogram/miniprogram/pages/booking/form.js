// Booking form: pick the service, add a short note, allow the subscribe messages, confirm.
// pages/booking/form?stationId=<id>&slotId=<id>
const { get, post } = require('../../utils/request.js')

// wx.requestSubscribeMessage takes at most 3 template ids per call.
const BOOK_TEMPLATES = ['booking-confirmed', 'booking-reminder', 'booking-cancelled']
const WAITLIST_TEMPLATES = ['booking-promoted', 'booking-reminder', 'booking-cancelled']

function newKey() {
  return 'mp-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10)
}

/** Ask for the subscribe messages; whatever the answer, the booking goes on. */
function askSubscribe(tmplIds) {
  return new Promise((resolve) => {
    if (!tmplIds.length || typeof wx.requestSubscribeMessage !== 'function') {
      resolve(null)
      return
    }
    wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => resolve(res),
      fail: () => resolve(null),
    })
  })
}

Page({
  data: {
    loading: true,
    error: '',
    stationId: 0,
    slotId: 0,
    stationName: '',
    slot: null,
    services: [],
    serviceId: 0,
    note: '',
    submitting: false,
    full: false,
    canWait: false,
    templates: {},
    key: '',
    refusal: '',
  },

  onLoad(query) {
    const stationId = Number((query && query.stationId) || 0)
    const slotId = Number((query && query.slotId) || 0)
    this.setData({ stationId, slotId, key: newKey() })
    this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    const cfg = get('/api/booking/config', undefined, { showError: false, auth: false }).then(
      (c) => this.setData({ templates: (c && c.templates) || {} }),
      () => this.setData({ templates: {} }),
    )
    const slots = get('/api/booking/stations/' + this.data.stationId + '/slots', undefined, { showError: false })
    return Promise.all([cfg, slots]).then(
      (all) => {
        const res = all[1]
        /** @type {any} */
        let slot = null
        ;(res.days || []).forEach((d) => d.slots.forEach((s) => { if (s.id === this.data.slotId) slot = Object.assign({ label: d.label }, s) }))
        if (!slot) {
          this.setData({ loading: false, error: '该时段已不可预约，请返回重新选择' })
          return
        }
        const services = slot.services || []
        this.setData({
          loading: false,
          stationName: res.stationName || '',
          slot,
          services,
          serviceId: services.length === 1 ? services[0].id : 0,
          full: slot.seatsLeft === 0,
          canWait: !!slot.waitlistOpen,
        })
      },
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  onPickService(e) {
    this.setData({ serviceId: Number(e.currentTarget.dataset.id), refusal: '' })
  },

  onNote(e) {
    this.setData({ note: e.detail.value })
  },

  onSubmit() {
    return this.submit(false)
  },

  onWaitlist() {
    return this.submit(true)
  },

  onBack() {
    wx.navigateBack({ delta: 1 })
  },

  submit(waitlist) {
    if (this.data.submitting) return Promise.resolve()
    if (!this.data.serviceId) {
      this.setData({ refusal: '请先选择要办理的服务事项' })
      return Promise.resolve()
    }
    this.setData({ submitting: true, refusal: '' })
    const ids = (waitlist ? WAITLIST_TEMPLATES : BOOK_TEMPLATES).map((k) => this.data.templates[k]).filter(Boolean)
    return askSubscribe(ids)
      .then(() => post('/api/booking/bookings', {
        stationId: this.data.stationId,
        slotId: this.data.slotId,
        serviceId: this.data.serviceId,
        note: this.data.note || undefined,
        idempotencyKey: this.data.key,
        waitlist,
      }, { showError: false }))
      .then(
        (b) => {
          this.setData({ submitting: false })
          wx.redirectTo({ url: '/pages/booking/result?id=' + b.id })
        },
        (err) => {
          const code = err && err.code
          this.setData({
            submitting: false,
            refusal: (err && err.message) || '预约失败，请重试',
            full: code === 'SLOT_FULL' || code === 'WAITLIST_CLOSED' ? true : this.data.full,
            canWait: code === 'SLOT_FULL' ? true : code === 'WAITLIST_CLOSED' ? false : this.data.canWait,
          })
          if (code === 'ALREADY_BOOKED') this.setData({ key: newKey() })
        },
      )
  },
})
