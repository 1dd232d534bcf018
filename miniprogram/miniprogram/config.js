// The one place to point the mini-program at a server. Change baseUrl for your environment
// (in WeChat DevTools tick "不校验合法域名" while developing against http://127.0.0.1).
module.exports = {
  baseUrl: 'http://127.0.0.1:8080',
}
