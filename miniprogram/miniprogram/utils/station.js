// The one helper for station QR scenes, the phone's location and distances. Plain CommonJS.
//
// Scene contract of station QR codes: st=<CODE>. WeChat hands it to the page URL-encoded
// (options.scene = "st%3DCY01"); wx.scanCode returns the page path with the encoded scene in it.

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

/** Decoded scene of a scanned mini-program code path ("pages/...?scene=st%3DCY01" -> "st=CY01"); '' if none. */
function sceneFromPath(path) {
  const m = /[?&]scene=([^&#]*)/.exec(path || '')
  return m ? decodeScene(m[1]) : ''
}

/** The scene printed on a station's QR code. */
function stationScene(code) {
  return 'st=' + code
}

/**
 * The phone's location in GCJ-02 (what wx.openLocation and the server expect), or null when the user
 * refuses or it fails. Never rejects.
 * @returns {Promise<{latitude: number, longitude: number} | null>}
 */
function currentLocation() {
  return new Promise((resolve) => {
    wx.getLocation({
      type: 'gcj02',
      success: (r) => resolve({ latitude: r.latitude, longitude: r.longitude }),
      fail: () => resolve(null),
    })
  })
}

/** "1234" metres -> "1.2公里", "320" -> "320米". */
function distanceText(m) {
  if (typeof m !== 'number' || m < 0) return ''
  if (m < 1000) return Math.round(m) + '米'
  return (m / 1000).toFixed(1) + '公里'
}

module.exports = { SCENE_RE, decodeScene, sceneFromPath, stationScene, currentLocation, distanceText }
