package org.redstation.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "绑定 123456": binds the sender's WeChat to the staff account that asked for the code. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class BindingCodeRule implements TextRule {
    private static final Pattern BIND = Pattern.compile("^绑定\\s*(\\d{6})$");
    private final StaffBindings bindings;
    private final Conversations conversations;

    BindingCodeRule(StaffBindings bindings, Conversations conversations) {
        this.bindings = bindings;
        this.conversations = conversations;
    }

    @Override
    public String answer(TextMessage t) {
        Matcher m = BIND.matcher(t.folded());
        if (!m.matches()) {
            return null;
        }
        return bindings.bind(t.openid(), m.group(1))
                .map(s -> "绑定成功！" + s.displayName() + "，您将在这里收到"
                        + (s.communityId() == null ? "各社区（无人绑定时）" : conversations.communityName(s.communityId()))
                        + "居民的留言。\n回复“#编号 内容”回复居民，“待回复”查看未结会话。")
                .orElse("绑定码无效或已过期，请在工作台重新获取绑定码。");
    }
}
