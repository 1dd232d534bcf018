package org.redstation.notify;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** The message centre's title per template key and its text from the subscribe-message fields. */
final class MessageTitles {
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("booking-confirmed", "预约成功"),
            Map.entry("booking-cancelled", "预约已取消"),
            Map.entry("booking-reminder", "预约提醒"),
            Map.entry("booking-promoted", "候补成功"),
            Map.entry("member-approved", "党员报到已通过"),
            Map.entry("member-rejected", "党员报到未通过"),
            Map.entry("shift-reminder", "值班提醒"),
            Map.entry("shift-cancelled", "值班已取消"),
            Map.entry("chat-reply", "工作人员回复"),
            Map.entry("wish-dispatched", "心愿派单"),
            Map.entry("wish-accepted", "心愿已接单"),
            Map.entry("wish-completed", "心愿已办结"),
            Map.entry("wish-rate-reminder", "请评价心愿办理"),
            Map.entry("activity-reminder", "志愿活动提醒"));

    private MessageTitles() {
    }

    static String title(String template) {
        return TITLES.getOrDefault(template, "通知");
    }

    /** The field values in the template's order (thing1, time2, …), one line, at most 500 characters. */
    static String body(Map<String, String> data) {
        String text = data.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> order(e.getKey())).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue).filter(v -> v != null && !v.isBlank())
                .collect(Collectors.joining("；"));
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static int order(String key) {
        String digits = key.replaceAll("^\\D+", "");
        return digits.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }
}
