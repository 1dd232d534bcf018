package org.redstation.chat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Chat-bot settings ({@code redstation.chat.*}). {@code replyTemplateId}: the official-account template used
 * when a staff reply falls outside WeChat's 48-hour customer-service window; {@code menu}: the custom menu
 * published by POST /api/staff/chat/menu/publish; {@code callbackWindow}: how far a callback's timestamp may be
 * from now; {@code originalId}: the account's original id (gh_…), checked against ToUserName when set.
 */
@ConfigurationProperties("redstation.chat")
public record ChatProperties(int maxContentLength, Duration bindingCodeTtl, Duration dedupTtl, String replyTemplateId,
                             String bookingPage, String stationPage, String memberPage, List<MenuButton> menu,
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
        callbackWindow = callbackWindow == null ? Duration.ofMinutes(5) : callbackWindow;
        originalId = originalId == null ? "" : originalId.strip();
        bindingTriesPerCode = bindingTriesPerCode <= 0 ? 3 : bindingTriesPerCode;
    }

    /**
     * A menu button: {@code type} click (with {@code key}), view (with {@code url}) or miniprogram (with
     * {@code pagePath}, {@code url} as the fallback page); {@code subButtons} for a group.
     */
    public record MenuButton(String name, String type, String key, String url, String pagePath, List<MenuButton> subButtons) {
    }
}
