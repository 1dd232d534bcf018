// Subscribe messages, asked at the moment of the action (apply, claim, book, ask a person) and reported to
// the server, which keeps one send per acceptance (WeChat's rule) and sends nothing without one. Every
// message also lands in the message centre (pages/notify/messages), so a refusal loses nothing.
const { get, post } = require('./request.js')

let cached = null // {key: templateId} once loaded
let loading = null

/** Loads the template ids once per app run (call in onLoad: the ask itself must run inside the tap). */
function preload() {
  if (cached) return Promise.resolve(cached)
  if (!loading) {
    loading = get('/api/notify/templates', undefined, { auth: false, showError: false }).then(
      (r) => {
        cached = (r && r.templates) || {}
        return cached
      },
      () => {
        loading = null
        return {}
      },
    )
  }
  return loading
}

/**
 * wx.requestSubscribeMessage for up to 3 template keys, then POST /api/notify/consents with what the user
 * answered ({key: 'accept'|'reject'|…}). Never rejects: the action goes on whatever the answer.
 * @param {string[]} keys template keys, e.g. ['member-approved', 'member-rejected']
 * @param {Record<string, string>} [templates] key -> id (default: the preloaded ones)
 */
function ask(keys, templates) {
  const t = templates || cached || {}
  const wanted = keys.filter((k) => t[k]).slice(0, 3)
  return new Promise((resolve) => {
    if (!wanted.length || typeof wx.requestSubscribeMessage !== 'function') {
      resolve({})
      return
    }
    wx.requestSubscribeMessage({
      tmplIds: wanted.map((k) => t[k]),
      success: (res) => {
        const results = {}
        wanted.forEach((k) => {
          if (res && typeof res[t[k]] === 'string') results[k] = res[t[k]]
        })
        if (!Object.keys(results).length) {
          resolve({})
          return
        }
        post('/api/notify/consents', { results }, { showError: false }).then(
          () => resolve(results),
          () => resolve(results),
        )
      },
      fail: () => resolve({}),
    })
  })
}

/** Test hook: forget the cached template ids. */
function reset() {
  cached = null
  loading = null
}

module.exports = { preload, ask, reset }
