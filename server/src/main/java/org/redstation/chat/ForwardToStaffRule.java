package org.redstation.chat;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Last: what the bot cannot answer goes to the resident's community staff (null for a duplicate delivery). */
@Component
@Order(TextRules.FORWARD_TO_STAFF)
class ForwardToStaffRule implements TextRule {
    private final Conversations conversations;

    ForwardToStaffRule(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public String answer(TextMessage t) {
        return conversations.residentMessage(t.user(), "text", t.folded(), t.wxKey());
    }
}
