package org.redstation.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "#12 内容": a staff reply to conversation 12, delivered to the resident after the answer. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class StaffReplyRule extends StaffCommandRule {
    private static final Pattern REPLY = Pattern.compile("^#\\s*(\\d{1,12})\\s*(.*)$", Pattern.DOTALL);
    private final Conversations conversations;

    StaffReplyRule(StaffBindings bindings, Conversations conversations) {
        super(bindings);
        this.conversations = conversations;
    }

    @Override
    boolean matches(TextMessage t) {
        return REPLY.matcher(t.folded()).matches();
    }

    @Override
    String answer(BoundStaff staff, CurrentStaff live, TextMessage t) {
        Matcher m = REPLY.matcher(t.folded());
        m.matches();
        String content = m.group(2).strip();
        if (content.isEmpty()) {
            return "请在编号后写上回复内容，例如：#" + m.group(1) + " 您好，已安排人员上门。";
        }
        conversations.reply(live, Long.parseLong(m.group(1)), content);
        return "正在发送给居民（#" + m.group(1) + "），发送结果稍后告诉您。";
    }
}
