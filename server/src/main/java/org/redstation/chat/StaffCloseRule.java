package org.redstation.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "关闭 12": ends the conversation; the resident's next message opens a new one. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class StaffCloseRule extends StaffCommandRule {
    private static final Pattern CLOSE = Pattern.compile("^(关闭|结束)\\s*#?\\s*(\\d{1,12})$");
    private final Conversations conversations;

    StaffCloseRule(StaffBindings bindings, Conversations conversations) {
        super(bindings);
        this.conversations = conversations;
    }

    @Override
    boolean matches(TextMessage t) {
        return CLOSE.matcher(t.folded()).matches();
    }

    @Override
    String answer(BoundStaff staff, CurrentStaff live, TextMessage t) {
        Matcher m = CLOSE.matcher(t.folded());
        m.matches();
        ConversationRow c = conversations.close(live, Long.parseLong(m.group(2)));
        return "会话 #" + c.getId() + " 已关闭。";
    }
}
