// Items dispatched to me or my team (单位接单): accept, decline with a reason, complete with a note and
// an optional photo. pages/wish/tasks/index
const { post } = require('../../../utils/request.js')
const { uploadFile } = require('../../../utils/upload.js')
const elder = require('../../../utils/elder.js')
const { listPage } = require('../../../utils/list-page.js')
const { url } = require('../../../utils/routes.js')

/** wx.showModal with a text box; resolves with the text, or null when cancelled. */
function ask(title, placeholderText) {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      editable: true,
      placeholderText,
      confirmText: '确定',
      cancelText: '取消',
      success: (r) => resolve(r && r.confirm ? String(r.content || '').trim() : null),
      fail: () => resolve(null),
    })
  })
}

function choosePhoto() {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      success: (res) => resolve((res.tempFiles && res.tempFiles[0] && res.tempFiles[0].tempFilePath) || ''),
      fail: () => resolve(''),
    })
  })
}

// Not shareable: it shows tasks dispatched to me. With no onShareAppMessage WeChat greys out 转发; sharing the
// home page instead would make the sender think they forwarded what they see.
Page(elder.page({
  ...listPage('/api/wish-tasks'),

  /** Nothing here yet: the home page (nearby stations, search, scan) is where one can act. */
  onHome() {
    wx.reLaunch({ url: url('home') })
  },

  onAccept(e) {
    const id = e.currentTarget.dataset.id
    return post('/api/wish-tasks/' + id + '/accept').then(() => {
      wx.showToast({ title: '已接单', icon: 'success' })
      return this.load()
    }, () => this.load())
  },

  onDecline(e) {
    const id = e.currentTarget.dataset.id
    return ask('退回原因', '例如：不在我们的服务范围').then((reason) => {
      if (reason === null) return null
      if (!reason) return wx.showToast({ title: '请写下原因', icon: 'none' })
      return post('/api/wish-tasks/' + id + '/decline', { reason }).then(() => this.load(), () => this.load())
    })
  },

  onPhoto(e) {
    const id = e.currentTarget.dataset.id
    return choosePhoto().then((path) => {
      if (!path) return null
      return uploadFile('/api/wish-tasks/' + id + '/photos', path).then(
        () => wx.showToast({ title: '照片已上传', icon: 'success' }),
        (err) => wx.showModal({ title: '提示', content: err.message, showCancel: false }),
      )
    })
  },

  onComplete(e) {
    const id = e.currentTarget.dataset.id
    return ask('办理情况', '例如：已上门更换水龙头').then((note) => {
      if (note === null) return null
      if (!note) return wx.showToast({ title: '请写下办理情况', icon: 'none' })
      return post('/api/wish-tasks/' + id + '/complete', { note }).then(() => {
        wx.showToast({ title: '已办结', icon: 'success' })
        return this.load()
      }, () => this.load())
    })
  },
}))
