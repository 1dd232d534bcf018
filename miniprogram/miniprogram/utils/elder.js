// 关怀模式 (elder mode): larger type, bigger buttons, fewer things per line. Kept per user on the server
// (PUT /api/me/elder-mode, `elderMode` in GET /api/me) and mirrored in storage so every page applies it at once
// (the page's root view takes the class `elder`; the rules are in app.wxss and styles/theme.wxss).
//
// A page opts in with one line, `Page(elder.page({...}))`, and `class="container {{elder ? 'elder' : ''}}"`
// on its root view. A wrapper rather than a Behavior: a Page's own onShow replaces a behavior's onShow
// (same-named methods: the page wins) and page lifetimes in a Page's behaviors are not documented, so the
// wrapper chains onShow explicitly; it is plain JS and runs the same in WeChat and in the jest shim.
const KEY = 'rs_elder'

function isOn() {
  return !!wx.getStorageSync(KEY)
}

function remember(on) {
  wx.setStorageSync(KEY, !!on)
}

/** Sets data.elder from what the user chose (called in onShow: the switch may have changed meanwhile). */
function apply(page) {
  const on = isOn()
  if (page.data.elder !== on) page.setData({ elder: on })
}

/**
 * Page options with elder mode applied in onShow, before the page's own onShow.
 * @template {WechatMiniprogram.Page.DataOption} TData
 * @template {WechatMiniprogram.Page.CustomOption} TCustom
 * @param {WechatMiniprogram.Page.Options<TData, TCustom>} options
 * @returns {WechatMiniprogram.Page.Options<TData, TCustom>}
 */
function page(options) {
  const own = options.onShow
  return Object.assign({}, options, {
    data: Object.assign({ elder: false }, options.data),
    onShow() {
      apply(this)
      return own ? own.call(this) : undefined
    },
  })
}

module.exports = { isOn, remember, apply, page, KEY }
