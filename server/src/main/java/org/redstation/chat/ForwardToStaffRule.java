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
        Conversations.Forwarded f = conversations.residentMessage(t.user(), "text", t.folded(), t.wxKey());
        return f == null ? null : f.text();
    }

    @Override
    public Answer reply(TextMessage t) {
        return handOff(conversations.residentMessage(t.user(), "text", t.folded(), t.wxKey()));
    }

    /** The answer for a forwarded message: a hand-off part once the conversation exists, else the question asked. */
    static Answer handOff(Conversations.Forwarded f) {
        if (f == null) {
            return null;
        }
        return f.conversationId() == null ? Answer.text(f.text()) : Answer.of(new Answer.HandOff(f.conversationId(), f.text()));
    }
}
