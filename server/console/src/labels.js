// Chinese labels of the server's codes that the API does not already name (one place).
export const STATION_STATUS = { OPEN: '开放', PAUSED: '暂停', CLOSED: '关闭' };
export const STATION_STATUS_TAG = { OPEN: 'success', PAUSED: 'warning', CLOSED: 'info' };
export const SHIFT_STATUS = { OPEN: '正常', CANCELLED: '已取消' };
export const CLAIM_STATUS = { ACTIVE: '已认领', RELEASED: '已放弃', CANCELLED: '已取消' };
export const MEMBER_STATUS = { PENDING: '待审核', APPROVED: '已通过', REJECTED: '未通过' };
export const CONVERSATION_STATUS = { OPEN: '待处理', CLOSED: '已关闭' };
export const DELIVERY = { PENDING: '发送中', CUSTOM: '客服消息已送达', TEMPLATE: '已改用模板消息', FAILED: '发送失败' };
export const ORG_KIND = { COMMUNITY_BRANCH: '社区党组织', GENERAL_BRANCH: '党总支', UNIT_BRANCH: '单位党支部' };
export const RESOURCE_CATEGORY = { LEGAL: '法律咨询', MEDICAL: '医疗健康', TUTORING: '课业辅导', REPAIR: '维修服务', CULTURE: '文体活动', POLICY: '政策宣讲', OTHER: '其他' };
export const WEEKDAYS = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
// kinds an opening-hours window may have (common.SlotKind.allowedForHours; OTHER is for booking only)
export const HOURS_KIND = { REGULAR: '常规', EVENING_EXTRA: '晚间一小时', RED_WEEKEND: '红色周末' };
export const HOURS_KIND_TAG = { REGULAR: 'info', EVENING_EXTRA: 'danger', RED_WEEKEND: 'warning' };
export const USAGE_MODE = { SELF_SERVICE: '自助', STAFFED: '人工服务', BOOKABLE: '可预约' };

export function label(map, code) {
  return map[code] || code || '';
}

// The stations' days are China's days (the server's clock is Asia/Shanghai), whatever the browser's zone.
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** yyyy-MM-dd of a Date in China. */
export function isoDate(d) {
  return CHINA_DAY.format(d);
}

export function time(t) {
  if (!t) return '';
  return String(t).replace('T', ' ').slice(0, 16);
}

export const STAFF_ROLE = { DISTRICT_ADMIN: '区级管理员', STREET_ADMIN: '街道管理员', COMMUNITY_STAFF: '社区工作人员' };
export const MATCH_TYPE = { EXACT: '完全一致', CONTAINS: '包含关键词', REGEX: '正则表达式' };

/** A booking's resident as staff see it in lists: the masked name when the API gives one (never the full name). */
export function residentOf(b) {
  const c = b.contact; // the booking's contact person, masked by the server (full only through 查看联系方式)
  if (c && (c.name || c.phone)) return [c.name, c.relation ? `（${c.relation}）` : '', c.phone].filter(Boolean).join(' ');
  return b.maskedName || b.contactNameMasked || b.residentMasked || `居民 ${b.userId}`;
}

/** The server has no such endpoint yet (a feature of another part of the issue): 404 NOT_FOUND / 405. */
export function notAvailable(e) {
  return (e.status === 404 && (!e.code || e.code === 'NOT_FOUND')) || e.status === 405;
}
