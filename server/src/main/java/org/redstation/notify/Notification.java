package org.redstation.notify;

import java.util.Map;

/**
 * One subscribe message to a mini-program user.
 *
 * @param userId   the app user (the openid is looked up by the notify module)
 * @param template a key of {@code redstation.notify.templates} (e.g. "booking-confirmed"), mapped to the WeChat template id
 * @param page     the mini-program page opened from the message, e.g. "pages/booking/mine/index" (see common.MiniProgramPages)
 * @param data     WeChat field name -> value, e.g. thing1 -> "晚间一小时" (values are trimmed to WeChat's limits)
 * @param dedupKey unique per message (e.g. "booking-confirmed:123"): enqueuing the same key twice sends once
 */
public record Notification(long userId, String template, String page, Map<String, String> data, String dedupKey) {
}
