const { get } = require('../../utils/request.js')
const { roleNames } = require('../../utils/roles.js')

const STATION_PAGE = '/pages/station/index'

/** Extract the raw (still URL-encoded) `scene` value from a scanned mini-program path. */
function sceneFromPath(path) {
  const m = /[?&]scene=([^&#]*)/.exec(path || '')
  return m ? m[1] : ''
}

Page({
  data: {
    loading: true,
    loggedIn: false,
    welcome: '',
    roleText: '',
    error: '',
  },

  onLoad() {
    this.loadMe()
  },

  loadMe() {
    this.setData({ loading: true, error: '' })
    // The error block on the page shows the message, so no extra toast here.
    return get('/api/me', undefined, { showError: false }).then(
      (me) => {
        const name = (me && (me.name || me.nickname)) || ''
        const roles = roleNames((me && me.roles) || [])
        this.setData({
          loading: false,
          loggedIn: true,
          welcome: name ? '您好，' + name + '，已登录' : '您好，已登录',
          roleText: roles.length ? roles.join('、') : '居民',
          error: '',
        })
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

  onRetry() {
    return this.loadMe()
  },

  onScan() {
    wx.scanCode({
      onlyFromCamera: false,
      success: (res) => {
        const scene = sceneFromPath(res.path)
        if (scene) {
          wx.navigateTo({ url: STATION_PAGE + '?scene=' + scene })
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
})
