package org.redstation.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "历史 12": the resident's conversations (this one and earlier ones) with their last message. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class StaffHistoryRule extends StaffCommandRule {
    private static final Pattern HISTORY = Pattern.compile("^(历史|记录|往来)\\s*#?\\s*(\\d{1,12})$");
    private final Conversations conversations;

    StaffHistoryRule(StaffBindings bindings, Conversations conversations) {
        super(bindings);
        this.conversations = conversations;
    }

    @Override
    boolean matches(TextMessage t) {
        return HISTORY.matcher(t.folded()).matches();
    }

    @Override
    String answer(BoundStaff staff, CurrentStaff live, TextMessage t) {
        Matcher m = HISTORY.matcher(t.folded());
        m.matches();
        long id = Long.parseLong(m.group(2));
        StringBuilder b = new StringBuilder("#" + id + " 居民的会话记录：");
        for (Conversations.QueueItem i : conversations.historyWithLast(live, id)) {
            ConversationRow c = i.conversation();
            b.append("\n#").append(c.getId()).append(' ').append(c.getCreatedAt().toLocalDate()).append(' ')
                    .append(c.getStatus().label()).append('：')
                    .append(i.last() == null ? "" : Deliveries.abbreviate(i.last().getContent(), 40));
        }
        return Deliveries.abbreviate(b.toString(), 1900);
    }
}
