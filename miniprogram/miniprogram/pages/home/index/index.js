const elder = require('../../../utils/elder.js')
const { get, put } = require('../../../utils/request.js')
const { roleNames } = require('../../../utils/roles.js')
const { distanceText, sceneFromPath, currentLocation } = require('../../../utils/station.js')
const { url } = require('../../../utils/routes.js')
const LOCATION_REFUSED = '没有获得您的位置，无法列出附近的驿站。您可以在下方搜索驿站或社区名称，或点击“扫码进驿站”。'

function toCards(list) {
  return (list || []).map((s) => ({
    id: s.id,
    name: s.name,
    communityName: s.communityName,
    address: s.address,
    distance: distanceText(s.distanceMeters),
    state: s.status === 'PAUSED' ? '暂停服务' : s.openNow ? '正在开放' : '现在休息',
    open: s.status !== 'PAUSED' && !!s.openNow,
  }))
}

Page(elder.page({
  data: {
    loading: true,
    loggedIn: false,
    welcome: '',
    roleText: '',
    unread: 0,
    elder: false,
    error: '',
    nearbyLoading: true,
    nearby: [],
    locationError: '',
    nearbyError: '',
    keyword: '',
    searching: false,
    searched: false,
    searchError: '',
    results: [],
    serviceResults: [],
  },

  onLoad() {
    this.loadMe()
    this.loadNearby()
  },

  onShow() {
    // back from the message centre: the badge follows what was read
    if (this.data.loggedIn) this.loadUnread()
  },

  loadUnread() {
    return get('/api/notify/messages/unread-count', undefined, { showError: false }).then(
      (r) => this.setData({ unread: (r && r.unread) || 0 }),
      () => {},
    )
  },

  loadMe() {
    this.setData({ loading: true, error: '' })
    // The error block on the page shows the message, so no extra toast here.
    return get('/api/me', undefined, { showError: false }).then(
      (me) => {
        const name = (me && (me.name || me.nickname)) || ''
        // a resident is everyone: only the roles beyond it are worth a line
        const roles = roleNames(((me && me.roles) || []).filter((r) => r !== 'RESIDENT'))
        // the server keeps 关怀模式 per user: another phone takes it over at login
        elder.remember(!!(me && me.elderMode))
        elder.apply(this)
        this.setData({
          loading: false,
          loggedIn: true,
          welcome: name ? '您好，' + name : '您好，欢迎来到红色驿站',
          roleText: roles.join('、'),
          error: '',
        })
        this.loadUnread()
      },
      (err) => {
        this.setData({
          loading: false,
          loggedIn: false,
          error: (err && err.message) || '加载失败，请重试',
        })
      },
    )
  },

  /** Forwarded to a parent: the home page, where nearby stations and 扫码进驿站 are. */
  onShareAppMessage() {
    return { title: '红色驿站 · 家门口的服务', path: url('home') }
  },

  onRetry() {
    return this.loadMe()
  },

  /** 关怀模式 switch: applied at once, kept on the server for this user (a failure puts the switch back). */
  onElder(e) {
    const on = !!(e && e.detail && e.detail.value)
    elder.remember(on)
    this.setData({ elder: on })
    return put('/api/me/elder-mode', { on }, { showError: false }).then(
      () => {},
      (err) => {
        elder.remember(!on)
        this.setData({ elder: !on })
        wx.showToast({ title: (err && err.message) || '设置失败，请重试', icon: 'none' })
      },
    )
  },

  /** wx.getLocation (GCJ-02, what wx.openLocation expects) -> the nearest stations. */
  loadNearby() {
    this.setData({ nearbyLoading: true, locationError: '', nearbyError: '' })
    return currentLocation().then((loc) => {
      if (!loc) {
        this.setData({ nearbyLoading: false, nearby: [], locationError: LOCATION_REFUSED })
        return
      }
      const api = '/api/stations/nearby?lat=' + loc.latitude + '&lng=' + loc.longitude + '&limit=10'
      return get(api, undefined, { auth: false, showError: false }).then(
        (list) => this.setData({ nearbyLoading: false, nearby: toCards(list) }),
        (err) => this.setData({ nearbyLoading: false, nearbyError: (err && err.message) || '附近驿站加载失败' }),
      )
    })
  },

  /** After a refusal: open the settings so the user can allow location, then try again. */
  onAllowLocation() {
    wx.openSetting({
      success: (res) => {
        if (res && res.authSetting && res.authSetting['scope.userLocation']) this.loadNearby()
      },
    })
  },

  onKeywordInput(e) {
    this.setData({ keyword: (e && e.detail && e.detail.value) || '' })
  },

  onSearch() {
    const q = (this.data.keyword || '').trim()
    if (!q) {
      this.setData({ searchError: '请输入驿站、社区或服务的名称', searched: false })
      return Promise.resolve()
    }
    this.setData({ searching: true, searchError: '' })
    return get('/api/stations/search?q=' + encodeURIComponent(q), undefined, { auth: false, showError: false }).then(
      (r) => {
        this.setData({
          searching: false,
          searched: true,
          results: toCards(r && r.stations),
          serviceResults: ((r && r.services) || []).map((s) => ({
            id: s.id,
            name: s.name,
            usage: s.usageModeName,
            where: (s.stations || []).map((x) => x.name).join('、') || '暂无驿站提供',
          })),
        })
      },
      (err) => {
        this.setData({ searching: false, searched: false, searchError: (err && err.message) || '搜索失败，请重试' })
      },
    )
  },

  onOpenStation(e) {
    const id = e && e.currentTarget && e.currentTarget.dataset && e.currentTarget.dataset.id
    if (id) wx.navigateTo({ url: url('station', { id }) })
  },

  /** Quick links to "my bookings" and the member centre (data-page: a utils/routes.js name). */
  onGo(e) {
    const page = e.currentTarget.dataset.page
    if (page) wx.navigateTo({ url: url(page) })
  },

  onScan() {
    wx.scanCode({
      onlyFromCamera: false,
      success: (res) => {
        const scene = sceneFromPath(res.path)
        if (scene) {
          wx.navigateTo({ url: url('station', { scene }) })
        } else {
          wx.showToast({ title: '不是驿站二维码', icon: 'none', duration: 3000 })
        }
      },
      fail: (err) => {
        if (err && /cancel/.test(err.errMsg || '')) return
        wx.showToast({ title: '扫码失败，请重试', icon: 'none', duration: 3000 })
      },
    })
  },
}))
