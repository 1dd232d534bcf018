// Helpers shared by the home and station pages. Plain CommonJS.

/** Scene contract of station QR codes: st=<CODE>. */
const SCENE_RE = /^st=[A-Za-z0-9]{2,16}$/

/** options.scene arrives URL-encoded (st%3DCY01); decode once, tolerate an already decoded value. */
function decodeScene(raw) {
  let s = String(raw || '')
  try {
    s = decodeURIComponent(s)
  } catch (e) {
    // malformed escapes: keep the raw value, the server names the field
  }
  return s
}

/** "1234" metres -> "1.2公里", "320" -> "320米". */
function distanceText(m) {
  if (typeof m !== 'number' || m < 0) return ''
  if (m < 1000) return Math.round(m) + '米'
  return (m / 1000).toFixed(1) + '公里'
}

module.exports = { SCENE_RE, decodeScene, distanceText }
