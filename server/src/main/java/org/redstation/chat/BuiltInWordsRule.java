package org.redstation.chat;

import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Words the bot knows without a keyword rule: 帮助 (the welcome), 附近驿站 (send your location), 预约 (a link). */
@Component
@Order(TextRules.BUILT_IN_WORDS)
class BuiltInWordsRule implements TextRule {
    private static final Set<String> HELP = Set.of("帮助", "菜单", "help", "你好", "您好");
    private static final Set<String> NEARBY = Set.of("附近驿站", "附近的驿站", "驿站", "找驿站", "最近的驿站");
    private static final Set<String> BOOK = Set.of("预约", "预约服务", "我要预约");
    private final MiniLinks links;

    BuiltInWordsRule(MiniLinks links) {
        this.links = links;
    }

    @Override
    public String answer(TextMessage t) {
        String n = t.normalized();
        if (HELP.contains(n)) {
            return BotTexts.WELCOME;
        }
        if (NEARBY.contains(n)) {
            return BotTexts.SEND_LOCATION;
        }
        if (BOOK.contains(n)) {
            return "预约驿站服务请进入小程序：" + links.booking("点这里预约") + "\n在小程序中选择驿站、服务和时间即可。";
        }
        return null;
    }
}
