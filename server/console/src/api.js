// Every call of the console to the server, in one place: paths and bodies of the staff API live here only.
import { ElMessage } from 'element-plus';
import { session, clearSession } from './session.js';
import router from './router.js';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `请求失败（${status}）`);
    this.status = status;
    this.code = body && body.code;
    this.field = body && body.field;
    this.errors = (body && body.errors) || [];
    this.requestId = body && body.requestId;
  }
}

function onUnauthorized() {
  clearSession();
  const here = router.currentRoute.value;
  if (here.name !== 'login') {
    ElMessage.warning('登录已失效，请重新登录');
    router.replace({ name: 'login', query: { redirect: here.fullPath } });
  }
}

/** fetch with the bearer token; the server's {code, message, requestId} becomes an Element Plus message. */
async function request(method, path, body, { quiet = false, raw = false } = {}) {
  const headers = { Accept: 'application/json' };
  const s = session();
  if (s && s.token) headers.Authorization = `Bearer ${s.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    const err = new ApiError(0, { message: '网络连接失败，请检查网络后重试' });
    if (!quiet) ElMessage.error(err.message);
    throw err;
  }
  if (res.status === 401 && path !== '/api/staff/auth/login') {
    onUnauthorized();
    throw new ApiError(401, { message: '登录已失效' });
  }
  if (!res.ok) {
    let data = null;
    try {
      data = await res.json();
    } catch {
      /* not JSON: keep the generic message */
    }
    const err = new ApiError(res.status, data);
    if (err.code === 'PASSWORD_CHANGE_REQUIRED' && router.currentRoute.value.name !== 'password') {
      router.replace({ name: 'password', query: { redirect: router.currentRoute.value.fullPath } });
      throw err;
    }
    if (!quiet) {
      const suffix = res.status >= 500 && err.requestId ? `（请求编号 ${err.requestId}）` : '';
      ElMessage.error({ message: err.message + suffix, grouping: true });
    }
    throw err;
  }
  if (raw) return res;
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

const get = (p, opts) => request('GET', p, undefined, opts);
const post = (p, b, opts) => request('POST', p, b === undefined ? {} : b, opts);
const put = (p, b, opts) => request('PUT', p, b, opts);
const del = (p, opts) => request('DELETE', p, undefined, opts);

function query(params) {
  const q = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.append(k, v);
  });
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The server's field errors as { field: message } (bean validation lists them all, a rule of the service names one). */
export function fieldErrors(e) {
  const out = {};
  (e.errors || []).forEach((f) => { if (f.field && !out[f.field]) out[f.field] = f.message; });
  if (e.field && !out[e.field]) out[e.field] = e.message;
  return out;
}

/** Downloads a file the server answers (with the token) under the given name. */
async function download(path, filename) {
  const res = await request('GET', path, undefined, { raw: true });
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export const api = {
  // auth and accounts
  login: (username, password) => post('/api/staff/auth/login', { username, password }, { quiet: true }),
  me: () => get('/api/staff/me'),
  changePassword: (currentPassword, newPassword) => post('/api/staff/auth/password', { currentPassword, newPassword }, { quiet: true }),
  communities: () => get('/api/staff/communities'),
  accounts: (params) => get(`/api/staff/accounts${query(params)}`),
  createStaff: (body) => post('/api/staff/accounts', body),
  disableStaff: (id) => post(`/api/staff/accounts/${id}/disable`),
  enableStaff: (id) => post(`/api/staff/accounts/${id}/enable`),
  // WeChat bindings of every staff member (list / revoke): not in the API yet (issue 10 part 2); the page says so on 404
  bindings: () => get('/api/staff/chat/bindings', { quiet: true }),
  revokeBinding: (staffId) => del(`/api/staff/chat/bindings/${staffId}`),

  // dashboard
  dashboard: (params) => get(`/api/staff/dashboard${query(params)}`),
  // the district's figures: needs, projects, volunteers, resource lists, members, bookings, service hours
  figures: (params) => get(`/api/staff/figures${query(params)}`),
  figuresMonthly: (params) => get(`/api/staff/figures/monthly${query(params)}`),
  binding: () => get('/api/staff/chat/binding'),
  bindingCode: () => post('/api/staff/chat/binding-code'),

  // stations
  stations: (communityId) => get(`/api/staff/stations${query({ communityId })}`),
  station: (id) => get(`/api/staff/stations/${id}`),
  updateStation: (id, body) => put(`/api/staff/stations/${id}`, body),
  setStationStatus: (id, status, notice) => put(`/api/staff/stations/${id}/status`, { status, notice }),
  // the whole week at once: [{dayOfWeek 1-7, start 'HH:mm', end 'HH:mm', kind}]; field errors name windows[i].field
  setStationHours: (id, windows) => put(`/api/staff/stations/${id}/hours`, { windows }, { quiet: true }),
  // the offered services in display order: [{serviceId, note, hours}]
  stationOffers: (id) => get(`/api/staff/stations/${id}/services`),
  setStationServices: (id, services) => put(`/api/staff/stations/${id}/services`, { services }, { quiet: true }),
  catalogue: () => get('/api/staff/services'),
  // district administrators only (the server answers 403 to anyone else)
  createService: (body) => post('/api/staff/services', body, { quiet: true }),
  updateService: (id, body) => put(`/api/staff/services/${id}`, body, { quiet: true }),
  stationAudit: (id) => get(`/api/staff/stations/${id}/audit`),
  downloadPoster: (s) => download(`/api/staff/stations/${s.id}/poster`, `${s.code}-驿站海报.png`),
  downloadQrcode: (s) => download(`/api/staff/stations/${s.id}/qrcode`, `${s.code}-小程序码.png`),

  // booking
  bookingRules: (stationId) => get(`/api/staff/booking/stations/${stationId}/rules`),
  bookingSlots: (stationId, days = 8) => get(`/api/staff/booking/stations/${stationId}/slots${query({ days })}`),
  slotBookings: (slotId) => get(`/api/staff/booking/slots/${slotId}/bookings`),
  downloadSlotList: (slot) => download(`/api/staff/booking/slots/${slot.id}/bookings.xlsx`, `预约名单-${slot.date}-${(slot.start || '').replace(':', '')}.xlsx`),
  // audited "show contact": every look is recorded server-side (who, when, whose, why)
  showContact: (bookingId) => post(`/api/staff/booking/bookings/${bookingId}/contact`, { reason: '工作台：联系预约的居民' }, { quiet: true }),
  markAttendance: (bookingId, attended) => post(`/api/staff/booking/bookings/${bookingId}/attendance`, { attended }),
  cancelBooking: (bookingId, reason) => post(`/api/staff/booking/bookings/${bookingId}/cancel`, { reason }),
  closures: (stationId) => get(`/api/staff/booking/stations/${stationId}/closures`),
  addClosure: (stationId, date, reason) => post('/api/staff/booking/closures', { stationId, date, reason }),
  removeClosure: (id) => del(`/api/staff/booking/closures/${id}`),

  // duty and members
  shifts: (params) => get(`/api/staff/duty/shifts${query(params)}`),
  shiftClaims: (shiftId) => get(`/api/staff/duty/shifts/${shiftId}/claims`),
  members: (params) => get(`/api/staff/members${query(params)}`),
  approveMember: (id) => post(`/api/staff/members/${id}/approve`),
  rejectMember: (id, reason) => post(`/api/staff/members/${id}/reject`, { reason }),
  hoursOfYear: (params) => get(`/api/staff/duty/hours/year${query(params)}`),
  downloadHours: (year, communityId) => download(`/api/staff/duty/hours.xlsx${query({ year, communityId })}`, `${year}年党员服务时长.xlsx`),
  dutyAlerts: (communityId) => get(`/api/staff/duty/alerts${query({ communityId })}`),
  // weekly shift patterns: every save answers { pattern, applied: { created, updated, removed, kept, skipped } }
  patterns: (params) => get(`/api/staff/duty/patterns${query(params)}`),
  createPattern: (body) => post('/api/staff/duty/patterns', body),
  updatePattern: (id, body) => put(`/api/staff/duty/patterns/${id}`, body),
  disablePattern: (id) => post(`/api/staff/duty/patterns/${id}/disable`),
  enablePattern: (id) => post(`/api/staff/duty/patterns/${id}/enable`),

  // Party organisations and resource lists
  orgs: (params) => get(`/api/staff/duty/orgs${query(params)}`),
  createOrg: (body) => post('/api/staff/duty/orgs', body),
  // contactPhone left out = unchanged (the list only has it masked)
  updateOrg: (id, body) => put(`/api/staff/duty/orgs/${id}`, body),
  deactivateOrg: (id) => post(`/api/staff/duty/orgs/${id}/deactivate`),
  activateOrg: (id) => post(`/api/staff/duty/orgs/${id}/activate`),
  unlistedOrgs: (communityId) => get(`/api/staff/duty/orgs/unlisted${query({ communityId })}`),
  resolveUnlisted: (body) => post('/api/staff/duty/orgs/unlisted', body),
  resources: (params) => get(`/api/staff/members/resources${query(params)}`),
  memberContact: (memberId, reason) => post(`/api/staff/members/${memberId}/contact`, { reason }),
  downloadResources: (params) => download(`/api/staff/members/resources.xlsx${query(params)}`, '党员资源清单.xlsx'),

  // conversations
  conversations: (params) => get(`/api/staff/chat/conversations${query(params)}`),
  conversation: (id) => get(`/api/staff/chat/conversations/${id}`),
  reply: (id, content) => post(`/api/staff/chat/conversations/${id}/reply`, { content }),
  takeConversation: (id) => post(`/api/staff/chat/conversations/${id}/take`),
  closeConversation: (id) => post(`/api/staff/chat/conversations/${id}/close`),
  // customer-service messages given up after every retry, in the staff member's scope
  failedMessages: () => get('/api/staff/chat/deliveries?status=FAILED', { quiet: true }),
  rules: () => get('/api/staff/chat/rules'),
  createRule: (body) => post('/api/staff/chat/rules', body),
  updateRule: (id, body) => put(`/api/staff/chat/rules/${id}`, body),
  deleteRule: (id) => del(`/api/staff/chat/rules/${id}`),
  testRules: (text, communityId) => post('/api/staff/chat/rules/test', { text, communityId }),
};
