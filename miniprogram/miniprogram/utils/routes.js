// Every page path in one place: pages/<feature>/<page>/index (app.json lists the same paths; a test
// checks they agree). Navigate with url(name, query).
const PAGES = {
  home: '/pages/home/index/index',
  station: '/pages/station/detail/index',
  bookingSlots: '/pages/booking/slots/index',
  bookingForm: '/pages/booking/form/index',
  bookingResult: '/pages/booking/result/index',
  bookingMine: '/pages/booking/mine/index',
  memberRegister: '/pages/member/register/index',
  memberCenter: '/pages/member/center/index',
  dutyShifts: '/pages/duty/shifts/index',
  dutyMine: '/pages/duty/mine/index',
  wishPost: '/pages/wish/post/index',
  wishMine: '/pages/wish/mine/index',
  wishDetail: '/pages/wish/detail/index',
  wishTasks: '/pages/wish/tasks/index',
  volunteerActivities: '/pages/volunteer/activities/index',
  messages: '/pages/notify/messages/index',
  assistant: '/pages/assistant/chat/index',
}

/**
 * Page URL with its query, values URL-encoded once: url('station', {id: 3}) -> /pages/station/detail/index?id=3
 * @param {keyof typeof PAGES} name
 * @param {Record<string, string | number>} [query]
 */
function url(name, query) {
  const base = PAGES[name]
  if (!base) throw new Error('unknown page ' + name)
  const qs = Object.keys(query || {})
    .filter((k) => query[k] !== undefined && query[k] !== null && query[k] !== '')
    .map((k) => k + '=' + encodeURIComponent(String(query[k])))
    .join('&')
  return qs ? base + '?' + qs : base
}

module.exports = { PAGES, url }
