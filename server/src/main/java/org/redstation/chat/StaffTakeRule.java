package org.redstation.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "接单 12": the resident's further messages go only to this staff member. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class StaffTakeRule extends StaffCommandRule {
    private static final Pattern TAKE = Pattern.compile("^(接单|接手|认领)\\s*#?\\s*(\\d{1,12})$");
    private final Conversations conversations;

    StaffTakeRule(StaffBindings bindings, Conversations conversations) {
        super(bindings);
        this.conversations = conversations;
    }

    @Override
    boolean matches(TextMessage t) {
        return TAKE.matcher(t.folded()).matches();
    }

    @Override
    String answer(BoundStaff staff, CurrentStaff live, TextMessage t) {
        Matcher m = TAKE.matcher(t.folded());
        m.matches();
        ConversationRow c = conversations.take(live, Long.parseLong(m.group(2)));
        return "已接单 #" + c.getId() + "，居民后续留言只转给您。";
    }
}
