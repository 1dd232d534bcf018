// Keep launch light: login happens lazily in utils/request.js on the first API call.
App({
  globalData: {
    user: null,
  },
})
