// 关怀模式 (elder mode): larger type, bigger buttons, fewer things per line. Kept per user on the server
// (PUT /api/me/elder-mode, `elderMode` in GET /api/me) and mirrored in storage so every page applies it at once
// (the page's root view takes the class `elder`, styled in app.wxss).
const KEY = 'rs_elder'

function isOn() {
  return !!wx.getStorageSync(KEY)
}

function remember(on) {
  wx.setStorageSync(KEY, !!on)
}

/** Call in a page's onShow: sets data.elder from what the user chose. */
function apply(page) {
  const on = isOn()
  if (page.data.elder !== on) page.setData({ elder: on })
}

module.exports = { isOn, remember, apply, KEY }
