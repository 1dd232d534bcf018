const elder = require('../../../utils/elder.js')
const { get, post } = require('../../../utils/request.js')
const { decodeScene, stationScene } = require('../../../utils/station.js')
const { url } = require('../../../utils/routes.js')

/** View model of GET /api/stations/scan|{id}. */
function toView(v) {
  const s = v.station || {}
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    communityId: s.communityId,
    community: [s.streetName, s.communityName].filter(Boolean).join(' · '),
    address: s.address,
    phone: s.phone || s.communityPhone || '',
    latitude: s.latitude,
    longitude: s.longitude,
    buildText: s.buildTypeName + (s.coBuildingUnit ? '（共建单位：' + s.coBuildingUnit + '）' : ''),
    paused: s.status === 'PAUSED',
    statusName: s.statusName,
    notice: v.notice || '',
    openNow: !!v.openNow,
    todayText: v.todayText || '',
    onDuty: (v.onDuty || []).map((p, i) => ({
      key: i,
      text: p.maskedName + (p.organisation ? '（' + p.organisation + '）' : '') + (p.until ? '，值守到 ' + p.until : ''),
    })),
    nextSlots: (v.nextSlots || []).map((x) => ({
      key: x.slotId,
      text: x.date + ' ' + x.start + '-' + x.end + ' ' + (x.kindName || ''),
      seats: x.seatsLeft > 0 ? '余 ' + x.seatsLeft + ' 位' : x.waitlistOpen ? '可候补' : '已满',
    })),
    bookable: !!v.bookable,
    groups: (v.serviceGroups || []).map((g) => ({
      category: g.category,
      services: (g.services || []).map((x) => ({
        id: x.id,
        name: x.name,
        usage: x.usageModeName,
        detail: [x.note, x.hours].filter(Boolean).join('，'),
      })),
    })),
    serviceCount: v.serviceCount || 0,
    schedule: (v.schedule || []).map((d) => ({
      day: d.dayName,
      text: d.windows && d.windows.length
        ? d.windows.map((w) => w.start + '-' + w.end + (w.kind === 'REGULAR' ? '' : ' ' + w.kindName)).join('，')
        : '不开放',
    })),
  }
}

Page(elder.page({
  data: {
    loading: true,
    error: '',
    station: null,
    hasTarget: false,
    isMember: false,
    arrival: null,
  },

  onLoad(options) {
    this.options = options || {}
    this.setData({ hasTarget: !!(this.options.scene || this.options.id) })
    this.load()
    this.loadRole()
    this.arrive()
  },

  /**
   * A resident with a booking here who scans the station code during the slot (15 minutes before to its end) is
   * checked in and gets a queue number; anyone else sees the station as usual (the refusal is not shown).
   */
  arrive() {
    const o = this.options || {}
    if (!o.scene || !wx.getStorageSync('rs_token')) return Promise.resolve()
    return post('/api/booking/arrivals', { scene: decodeScene(o.scene) }, { showError: false }).then(
      (b) => this.setData({ arrival: b }),
      () => this.setData({ arrival: null }),
    )
  },

  onArrival() {
    const b = this.data.arrival
    if (b) wx.navigateTo({ url: url('bookingResult', { id: b.id }) })
  },

  /** Members see 党员值班签到; everyone else 党员报到 (a non-member's check-in would only be refused). */
  loadRole() {
    // the page is public: only someone already logged in can be a member, so no login just for this
    if (!wx.getStorageSync('rs_token')) return Promise.resolve()
    return get('/api/me', undefined, { showError: false }).then(
      (me) => this.setData({ isMember: ((me && me.roles) || []).indexOf('MEMBER') >= 0 }),
      () => this.setData({ isMember: false }),
    )
  },

  /** A family member forwards the station to a parent: the share opens this station. */
  onShareAppMessage() {
    const s = this.data.station
    return s ? { title: s.name, path: url('station', { id: s.id }) } : { title: '红色驿站', path: url('home') }
  },

  onPullDownRefresh() {
    this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    const o = this.options || {}
    let url
    if (o.scene) {
      url = '/api/stations/scan?scene=' + encodeURIComponent(decodeScene(o.scene))
    } else if (o.id) {
      url = '/api/stations/' + encodeURIComponent(o.id)
    } else {
      this.setData({ loading: false, error: '没有驿站信息，请扫描驿站门口的二维码' })
      return Promise.resolve()
    }
    this.setData({ loading: true, error: '' })
    // public endpoint: no login needed; the page shows errors itself
    return get(url, undefined, { auth: false, showError: false }).then(
      (v) => {
        const station = toView(v || {})
        this.setData({ loading: false, station })
        wx.setNavigationBarTitle({ title: station.name || '红色驿站' })
      },
      (err) => {
        this.setData({ loading: false, station: null, error: (err && err.message) || '加载失败，请重试' })
      },
    )
  },

  onRetry() {
    return this.load()
  },

  onCall() {
    const s = this.data.station
    if (s && s.phone) wx.makePhoneCall({ phoneNumber: s.phone })
  },

  onNavigate() {
    const s = this.data.station
    if (!s) return
    wx.openLocation({ latitude: Number(s.latitude), longitude: Number(s.longitude), name: s.name, address: s.address, scale: 17 })
  },

  /**
   * A Party member on duty checks in on the duty page: with this station's scene only when the page was opened by
   * scanning the station's code (that is the proof); opened from a list or a share, the duty page asks to scan or locate.
   */
  onDutyCheckIn() {
    const s = this.data.station
    if (!s) return
    const scanned = !!(this.options && this.options.scene)
    wx.navigateTo({ url: url('dutyMine', scanned ? { scene: stationScene(s.code) } : {}) })
  },

  onRegister() {
    const s = this.data.station
    wx.navigateTo({ url: url('memberRegister', { communityId: s && s.communityId }) })
  },

  /** A row of 近期可预约 opens the booking form for that slot. */
  onOpenSlot(e) {
    const s = this.data.station
    const slotId = e && e.currentTarget && e.currentTarget.dataset && e.currentTarget.dataset.id
    if (s && slotId) wx.navigateTo({ url: url('bookingForm', { stationId: s.id, slotId, stationName: s.name }) })
  },

  onBook() {
    const s = this.data.station
    if (s && s.bookable) wx.navigateTo({ url: url('bookingSlots', { stationId: s.id }) })
  },

  onAssistant() {
    wx.navigateTo({ url: url('assistant') })
  },

  onHome() {
    wx.reLaunch({ url: url('home') })
  },
}))
