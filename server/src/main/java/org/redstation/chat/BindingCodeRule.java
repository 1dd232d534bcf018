package org.redstation.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "绑定 123456": binds the sender's WeChat to the staff account that asked for the code. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class BindingCodeRule implements TextRule {
    static final String INVALID = "绑定码无效或已过期，请在工作台重新获取绑定码。";
    static final String TOO_MANY = "绑定尝试太频繁，请稍后再试。";
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
        StaffBindings.BindOutcome o = bindings.bind(t.openid(), m.group(1));
        if (o.tooMany()) {
            return TOO_MANY;
        }
        if (o.bound() == null) {
            return INVALID;
        }
        StaffBindings.BoundStaff s = o.bound();
        return "绑定成功！" + s.displayName() + "，您将在这里收到"
                + (s.communityId() == null ? "所管辖社区（无社区工作人员绑定时）" : conversations.communityName(s.communityId()))
                + "居民的留言。\n回复“#编号 内容”回复居民，“待回复”查看未结会话。";
    }
}
