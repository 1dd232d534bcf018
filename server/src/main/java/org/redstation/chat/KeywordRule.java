package org.redstation.chat;

import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The EXACT and REGEX keyword rules staff edit (chat_rule), for the resident's community and district-wide; the
 * CONTAINS ones come after the intent parser ({@link ContainsKeywordRule}). A rule with {@code forwards} answers and
 * also hands the message to the community's staff.
 */
@Component
@Order(TextRules.KEYWORD_RULES)
class KeywordRule implements TextRule {
    private final RuleService rules;
    private final Conversations conversations;

    KeywordRule(RuleService rules, Conversations conversations) {
        this.rules = rules;
        this.conversations = conversations;
    }

    @Override
    public String answer(TextMessage t) {
        return rules.matchRule(t.folded(), t.user().communityId(), false).map(ChatRule::getReply).orElse(null);
    }

    @Override
    public Answer reply(TextMessage t) {
        return answer(t, rules.matchRule(t.folded(), t.user().communityId(), contains()));
    }

    boolean contains() {
        return false;
    }

    RuleService rules() {
        return rules;
    }

    /** The rule's reply; a forwarding rule's message also goes to staff (the hand-off follows the reply). */
    Answer answer(TextMessage t, Optional<ChatRule> rule) {
        if (rule.isEmpty()) {
            return null;
        }
        Answer a = Answer.text(rule.get().getReply());
        if (!Boolean.TRUE.equals(rule.get().getForwards())) {
            return a;
        }
        Conversations.Forwarded f = conversations.residentMessage(t.user(), "text", t.folded(), t.wxKey(), rule.get().getReply());
        if (f == null) {
            return null;
        }
        return f.conversationId() == null ? a.plus(new Answer.Text(f.text())) : a.plus(new Answer.HandOff(f.conversationId(), f.text()));
    }
}
