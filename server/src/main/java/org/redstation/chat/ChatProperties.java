package org.redstation.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chat-bot settings ({@code redstation.chat.*}). {@code replyTemplateId}: the official-account template used
 * when a staff reply falls outside WeChat's 48-hour customer-service window; {@code menu}: the custom menu
 * published by POST /api/staff/chat/menu/publish; {@code work*}: staff working days (MONDAY,…) and hours;
 * {@code escalateAfter}: an unanswered conversation goes to the community's other staff, then the street;
 * {@code gazetteerRefresh}: how often the intent parser's names are rebuilt from the station module;
 * {@code callbackWindow}: how far a callback's timestamp may be from now; {@code originalId}: the account's
 * original id (gh_…), checked against ToUserName when set.
 */
@ConfigurationProperties("redstation.chat")
public record ChatProperties(int maxContentLength, Duration bindingCodeTtl, Duration dedupTtl, String replyTemplateId,
                             String bookingPage, String stationPage, String memberPage, List<MenuButton> menu,
                             String workDays, String workStart, String workEnd, Duration escalateAfter,
                             Duration gazetteerRefresh, Duration retryBase, Duration retryMaxDelay, int maxAttempts,
                             Duration callbackWindow, String originalId, int bindingTriesPerCode) {

    public ChatProperties {
        maxContentLength = maxContentLength <= 0 ? 600 : maxContentLength;
        bindingCodeTtl = bindingCodeTtl == null ? Duration.ofMinutes(10) : bindingCodeTtl;
        dedupTtl = dedupTtl == null ? Duration.ofMinutes(5) : dedupTtl;
        replyTemplateId = replyTemplateId == null || replyTemplateId.isBlank() ? "tpl-chat-reply" : replyTemplateId;
        bookingPage = bookingPage == null ? org.redstation.common.MiniProgramPages.HOME : bookingPage;
        stationPage = stationPage == null ? org.redstation.common.MiniProgramPages.STATION : stationPage;
        memberPage = memberPage == null ? "pages/member/center/index" : memberPage;
        menu = menu == null ? List.of() : menu;
        workDays = workDays == null || workDays.isBlank() ? "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY" : workDays;
        workStart = workStart == null || workStart.isBlank() ? "09:00" : workStart;
        workEnd = workEnd == null || workEnd.isBlank() ? "18:00" : workEnd;
        escalateAfter = escalateAfter == null ? Duration.ofMinutes(30) : escalateAfter;
        gazetteerRefresh = gazetteerRefresh == null ? Duration.ofMinutes(3) : gazetteerRefresh;
        retryBase = retryBase == null ? Duration.ofSeconds(5) : retryBase;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofHours(1) : retryMaxDelay;
        maxAttempts = maxAttempts <= 0 ? 14 : maxAttempts;
        callbackWindow = callbackWindow == null ? Duration.ofMinutes(5) : callbackWindow;
        originalId = originalId == null ? "" : originalId.strip();
        bindingTriesPerCode = bindingTriesPerCode <= 0 ? 3 : bindingTriesPerCode;
    }

    /** Every setting at its default (unit tests). */
    static ChatProperties defaults() {
        return new ChatProperties(0, null, null, null, null, null, null, null, null, null, null, null, null, null, null, 0,
                null, null, 0);
    }

    /** Back-off of customer-service deliveries: 5 s doubling up to 1 h, given up after 14 attempts (about 4.5 h). */
    org.redstation.common.RetryPolicy retry() {
        return new org.redstation.common.RetryPolicy(retryBase, retryMaxDelay, maxAttempts);
    }

    /** Staff working days and hours: outside them residents are told when to expect a reply. */
    WorkingHours workingHours() {
        java.util.Set<java.time.DayOfWeek> days = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
        for (String d : workDays.split(",")) {
            if (!d.isBlank()) {
                days.add(java.time.DayOfWeek.valueOf(d.trim().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return new WorkingHours(days, java.time.LocalTime.parse(workStart), java.time.LocalTime.parse(workEnd));
    }

    /**
     * A menu button: {@code type} click (with {@code key}), view (with {@code url}) or miniprogram (with
     * {@code pagePath}, {@code url} as the fallback page); {@code subButtons} for a group.
     */
    public record MenuButton(String name, String type, String key, String url, String pagePath, List<MenuButton> subButtons) {
    }
}
