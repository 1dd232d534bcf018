// Booking form: pick the service (what to bring shown), who comes (self or a family member: name, phone typed or
// from WeChat's phone button), a short note, the no-show rule, allow the subscribe messages, confirm.
// pages/booking/form/index?stationId=<id>&slotId=<id>; loads only its slot (GET /api/booking/slots/{id}).
const elder = require('../../../utils/elder.js')
const { get, post } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')
const consent = require('../../../utils/consent.js')

// wx.requestSubscribeMessage takes at most 3 template ids per call.
const BOOK_TEMPLATES = ['booking-confirmed', 'booking-reminder', 'booking-cancelled']
const WAITLIST_TEMPLATES = ['booking-promoted', 'booking-reminder', 'booking-cancelled']

function decodeName(raw) {
  try {
    return decodeURIComponent(raw)
  } catch (e) {
    return raw
  }
}

const CONTACT_KEY = 'rs_booking_contact'
const MOBILE = /^1[3-9]\d{9}$/
const RELATIONS = ['父亲', '母亲', '配偶', '子女', '其他亲属']

function newKey() {
  return 'mp-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 10)
}

Page(elder.page({
  data: {
    loading: true,
    error: '',
    stationId: 0,
    slotId: 0,
    stationName: '',
    slot: null,
    services: [],
    serviceId: 0,
    wantedServiceId: 0,
    note: '',
    submitting: false,
    full: false,
    canWait: false,
    templates: {},
    key: '',
    refusal: '',
    whatToBring: '',
    noShowRule: '',
    forFamily: false,
    relations: RELATIONS,
    relationIndex: 0,
    contactName: '',
    contactPhone: '',
    phoneCode: '',
  },

  onLoad(query) {
    const stationId = Number((query && query.stationId) || 0)
    const slotId = Number((query && query.slotId) || 0)
    // one slot item carries no station name: the slot picker passes it along
    const stationName = decodeName((query && query.stationName) || '')
    // the assistant's slot card names the service the resident asked about: chosen when the slot offers it
    const wantedServiceId = Number((query && query.serviceId) || 0)
    // the booker's own contact, as typed last time (kept on this phone only)
    const saved = wx.getStorageSync(CONTACT_KEY) || {}
    this.setData({ stationId, slotId, stationName, wantedServiceId, key: newKey(), contactName: saved.name || '', contactPhone: saved.phone || '' })
    this.load()
  },

  /** A family member forwards this slot to a parent, who books it with their own name (nothing typed here is shared). */
  onShareAppMessage() {
    const d = this.data
    const when = d.slot ? ' ' + d.slot.date + ' ' + d.slot.start : ''
    return {
      title: (d.stationName || '红色驿站') + when + ' 可预约',
      path: url('bookingForm', { stationId: d.stationId, slotId: d.slotId, stationName: d.stationName }),
    }
  },

  load() {
    if (!this.data.slotId) {
      this.setData({ loading: false, error: '该时段已不可预约，请返回重新选择' })
      return Promise.resolve()
    }
    this.setData({ loading: true, error: '' })
    const cfg = get('/api/booking/config', undefined, { showError: false, auth: false }).then(
      (c) => this.setData({ templates: (c && c.templates) || {}, noShowRule: (c && c.noShowRule) || '' }),
      () => this.setData({ templates: {} }),
    )
    const slot = get('/api/booking/slots/' + this.data.slotId, undefined, { showError: false })
    return Promise.all([cfg, slot]).then(
      (all) => {
        const s = all[1] || {}
        const services = s.services || []
        const chosen = services.length === 1 ? services[0] : services.find((x) => x.id === this.data.wantedServiceId)
        this.setData({
          loading: false,
          stationName: s.stationName || this.data.stationName,
          slot: s,
          services,
          serviceId: chosen ? chosen.id : 0,
          whatToBring: chosen ? chosen.whatToBring || '' : '',
          full: s.seatsLeft === 0,
          canWait: !!s.waitlistOpen,
        })
      },
      (err) => this.setData({ loading: false, error: (err && err.status === 404 ? '该时段已不可预约，请返回重新选择' : err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** t-radio-group change: detail.value is the service id. */
  onPickService(e) {
    const serviceId = Number(e.detail.value)
    const picked = this.data.services.find((s) => s.id === serviceId)
    this.setData({ serviceId, whatToBring: (picked && picked.whatToBring) || '', refusal: '' })
  },

  /** 为家人预约: the family member's name and phone are asked for instead of the booker's. */
  onFamily(e) {
    const forFamily = !!(e && e.detail && e.detail.value)
    const saved = wx.getStorageSync(CONTACT_KEY) || {}
    this.setData({
      forFamily,
      contactName: forFamily ? '' : saved.name || '',
      contactPhone: forFamily ? '' : saved.phone || '',
      phoneCode: '',
      refusal: '',
    })
  },

  onRelation(e) {
    this.setData({ relationIndex: Number(e.detail.value) })
  },

  onContactName(e) {
    this.setData({ contactName: e.detail.value })
  },

  onContactPhone(e) {
    this.setData({ contactPhone: e.detail.value, phoneCode: '' })
  },

  /** WeChat's phone-number button: the one-time code is exchanged by the server when booking. */
  onPhoneNumber(e) {
    const code = e && e.detail && e.detail.code
    if (code) this.setData({ phoneCode: code, contactPhone: '', refusal: '' })
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
    // opened from a forwarded message there is no page to go back to: the station's slots instead
    if (getCurrentPages().length > 1) wx.navigateBack({ delta: 1 })
    else wx.redirectTo({ url: this.data.stationId ? url('bookingSlots', { stationId: this.data.stationId }) : url('home') })
  },

  submit(waitlist) {
    if (this.data.submitting) return Promise.resolve()
    if (!this.data.serviceId) {
      this.setData({ refusal: '请先选择要办理的服务事项' })
      return Promise.resolve()
    }
    const name = (this.data.contactName || '').trim()
    const phone = (this.data.contactPhone || '').trim()
    if (!name) {
      this.setData({ refusal: this.data.forFamily ? '请填写家人的姓名' : '请填写联系人姓名' })
      return Promise.resolve()
    }
    if (!this.data.phoneCode && !MOBILE.test(phone)) {
      this.setData({ refusal: '请填写11位手机号' + (this.data.forFamily ? '' : '，或点击“微信手机号”获取') })
      return Promise.resolve()
    }
    if (!this.data.forFamily && phone) wx.setStorageSync(CONTACT_KEY, { name, phone })
    this.setData({ submitting: true, refusal: '' })
    // asked at the moment of booking; the answer is reported to the server, which sends only against it
    return consent.ask(waitlist ? WAITLIST_TEMPLATES : BOOK_TEMPLATES, this.data.templates)
      .then(() => post('/api/booking/bookings', {
        stationId: this.data.stationId,
        slotId: this.data.slotId,
        serviceId: this.data.serviceId,
        note: this.data.note || undefined,
        idempotencyKey: this.data.key,
        waitlist,
        contactName: name,
        contactPhone: this.data.phoneCode ? undefined : phone,
        phoneCode: this.data.phoneCode || undefined,
        relation: this.data.forFamily ? RELATIONS[this.data.relationIndex] : undefined,
      }, { showError: false }))
      .then(
        (b) => {
          this.setData({ submitting: false })
          wx.redirectTo({ url: url('bookingResult', { id: b.id }) })
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
}))
