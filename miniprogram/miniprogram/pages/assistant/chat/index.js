// The assistant: one thread with the bot and, after a hand-off, with community staff (replies show here).
// pages/assistant/chat/index. Cards: station (导航/打电话), slot (opens the booking form pre-filled),
// booking (取消), on duty; quick-reply chips; history from the server, older pages on pull-down.
const { get, post } = require('../../../utils/request.js')
const { url } = require('../../../utils/routes.js')
const consent = require('../../../utils/consent.js')
const elder = require('../../../utils/elder.js')

// asking for a person: the page asks for the "您的咨询有回复" message in that tap
const ASKS_PERSON = /人工|工作人员|找人|客服|转人/

const PAGE_SIZE = 20
let seq = 0

function newKey() {
  seq += 1
  return 'c' + Date.now().toString(36) + '-' + seq
}

/** A server thread item -> what the page shows. */
function view(item) {
  return {
    key: 'm' + item.id,
    id: item.id,
    role: item.role,
    text: item.text,
    parts: (item.parts || []).map((p, i) => Object.assign({ key: item.id + '-' + i }, p)),
  }
}

/** A fresh bot answer (not stored on the page yet) -> a thread item. */
function answerItem(answer) {
  const key = newKey()
  return { key, id: 0, role: 'bot', parts: ((answer && answer.parts) || []).map((p, i) => Object.assign({ key: key + '-' + i }, p)) }
}

Page(elder.page({
  data: { loading: true, error: '', items: [], nextBefore: null, text: '', sending: false, scrollTo: '' },

  onLoad() {
    consent.preload()
    this.load()
  },

  onShow() {
    // a staff reply may have arrived while the page was hidden
    if (!this.data.loading && !this.data.error) this.refresh()
  },

  /** Forwarded to a parent: they open their own thread (the path names no conversation). */
  onShareAppMessage() {
    return { title: '问问驿站小助手', path: url('assistant') }
  },

  onPullDownRefresh() {
    this.older().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: true, error: '' })
    return get('/api/assistant/messages', { size: PAGE_SIZE }, { showError: false }).then(
      (res) => {
        const items = (res.items || []).map(view)
        this.setData({ loading: false, items, nextBefore: res.nextBefore || null })
        this.scrollToEnd()
      },
      (err) => this.setData({ loading: false, error: (err && err.message) || '加载失败，请重试' }),
    )
  },

  onRetry() {
    return this.load()
  },

  /** The newest page again (staff replies). */
  refresh() {
    return get('/api/assistant/messages', { size: PAGE_SIZE }, { showError: false }).then(
      (res) => {
        const items = (res.items || []).map(view)
        this.setData({ items, nextBefore: res.nextBefore || null })
        this.scrollToEnd()
      },
      () => {},
    )
  },

  /** The page before the oldest shown. */
  older() {
    if (!this.data.nextBefore) return Promise.resolve()
    return get('/api/assistant/messages', { before: this.data.nextBefore, size: PAGE_SIZE }, { showError: false }).then(
      (res) => this.setData({ items: (res.items || []).map(view).concat(this.data.items), nextBefore: res.nextBefore || null }),
      () => {},
    )
  },

  onInput(e) {
    this.setData({ text: e.detail.value })
  },

  onSend() {
    return this.send(this.data.text)
  },

  /** A chip sends its text. */
  onChip(e) {
    return this.send(e.currentTarget.dataset.text)
  },

  send(raw) {
    const text = String(raw || '').trim()
    if (!text || this.data.sending) return Promise.resolve()
    const mine = { key: newKey(), id: 0, role: 'resident', text, parts: [] }
    this.setData({ items: this.data.items.concat([mine]), text: '', sending: true })
    this.scrollToEnd()
    const asked = ASKS_PERSON.test(text) ? consent.ask(['consult-reply']) : Promise.resolve()
    return asked.then(() => post('/api/assistant/messages', { text, clientMsgId: mine.key })).then(
      (answer) => {
        this.setData({ items: this.data.items.concat([answerItem(answer)]), sending: false })
        this.scrollToEnd()
      },
      () => this.setData({ sending: false }),
    )
  },

  scrollToEnd() {
    const items = this.data.items
    if (items.length) this.setData({ scrollTo: items[items.length - 1].key })
  },

  /** Slot card: the booking form with station, slot and service filled in. */
  onBookSlot(e) {
    const d = e.currentTarget.dataset
    wx.navigateTo({ url: url('bookingForm', { stationId: d.station, slotId: d.slot, serviceId: d.service, stationName: d.name }) })
  },

  onOpenStation(e) {
    wx.navigateTo({ url: url('station', { id: e.currentTarget.dataset.id }) })
  },

  onNavigate(e) {
    const d = e.currentTarget.dataset
    wx.openLocation({ latitude: Number(d.lat), longitude: Number(d.lng), name: d.name, address: d.address, scale: 17 })
  },

  onCall(e) {
    wx.makePhoneCall({ phoneNumber: String(e.currentTarget.dataset.phone) })
  },

  onCancelBooking(e) {
    const id = Number(e.currentTarget.dataset.id)
    return new Promise((resolve) => {
      wx.showModal({
        title: '取消预约',
        content: '确定取消这个预约吗？',
        confirmText: '取消预约',
        cancelText: '再想想',
        success: (r) => {
          if (!r.confirm) return resolve()
          post('/api/booking/bookings/' + id + '/cancel', {}).then(
            () => {
              wx.showToast({ title: '已取消', icon: 'success' })
              resolve(this.send('我的预约'))
            },
            () => resolve(),
          )
        },
      })
    })
  },

  /** Location asked: the picker, then the nearest stations to the chosen point. */
  onPickLocation() {
    wx.chooseLocation({
      success: (loc) => {
        const mine = { key: newKey(), id: 0, role: 'resident', text: '我的位置：' + (loc.name || loc.address || '已选择'), parts: [] }
        this.setData({ items: this.data.items.concat([mine]), sending: true })
        post('/api/assistant/messages', { text: '附近驿站', latitude: loc.latitude, longitude: loc.longitude, clientMsgId: mine.key }).then(
          (answer) => {
            this.setData({ items: this.data.items.concat([answerItem(answer)]), sending: false })
            this.scrollToEnd()
          },
          () => this.setData({ sending: false }),
        )
      },
    })
  },
}))
