// Photo upload and download next to request.js, with its token handling: the session token from
// request.js, login first when there is none, and on 401 one fresh login and one retry. Non-2xx rejects
// with request.js's ApiError (the server's Chinese message). CommonJS, no getApp().
const { login, getToken, clearToken, fullUrl, ApiError } = require('./request.js')

const MSG_UPLOAD = '照片上传失败，请检查网络后重试'

function parse(data) {
  if (typeof data !== 'string') return data
  try {
    return JSON.parse(data)
  } catch (e) {
    return null
  }
}

/** Token first (logging in when there is none), then fn(token); a 401 logs in again once and retries. */
function withToken(fn) {
  let retried = false
  function attempt() {
    const ready = getToken() ? Promise.resolve() : login()
    return ready.then(() => {
      const token = getToken()
      return fn(token).then((res) => {
        if (res.statusCode === 401 && !retried) {
          retried = true
          if (getToken() === token) clearToken()
          return attempt()
        }
        return res
      })
    })
  }
  return attempt()
}

function toError(res) {
  const body = parse(res.data)
  if (body && typeof body.message === 'string' && body.message) {
    return new ApiError(body.code || 'HTTP_' + res.statusCode, body.message, res.statusCode, body.field, body.requestId)
  }
  return new ApiError('UPLOAD_FAILED', MSG_UPLOAD, res.statusCode)
}

/**
 * Upload one file (form field "file") with wx.uploadFile. Resolves with the parsed JSON body.
 * @param {string} url API path, e.g. /api/wishes/12/photos
 * @param {string} filePath a temp path from wx.chooseMedia
 */
function uploadFile(url, filePath) {
  return withToken((token) => new Promise((resolve, reject) => {
    wx.uploadFile({
      url: fullUrl(url),
      filePath,
      name: 'file',
      header: { Authorization: 'Bearer ' + token },
      success(res) {
        resolve({ statusCode: res.statusCode, data: res.data })
      },
      fail() {
        reject(new ApiError('NETWORK_ERROR', MSG_UPLOAD))
      },
    })
  })).then((res) => {
    if (res.statusCode >= 200 && res.statusCode < 300) return parse(res.data)
    throw toError(res)
  })
}

/**
 * Download a protected image (photos are served only to those allowed, so <image src> cannot fetch them
 * directly). Resolves with a temp path for <image src>.
 * @param {string} url API path, e.g. /api/wishes/12/photos/5
 */
function downloadImage(url) {
  return withToken((token) => new Promise((resolve, reject) => {
    wx.downloadFile({
      url: fullUrl(url),
      header: { Authorization: 'Bearer ' + token },
      success(res) {
        resolve({ statusCode: res.statusCode, data: null, tempFilePath: res.tempFilePath })
      },
      fail() {
        reject(new ApiError('NETWORK_ERROR', '照片加载失败'))
      },
    })
  })).then((res) => {
    if (res.statusCode >= 200 && res.statusCode < 300) return res.tempFilePath
    throw new ApiError('DOWNLOAD_FAILED', '照片加载失败', res.statusCode)
  })
}

module.exports = { uploadFile, downloadImage }
