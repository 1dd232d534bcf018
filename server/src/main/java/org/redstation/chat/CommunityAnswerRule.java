package org.redstation.chat;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After "请回复您所在的社区": a community's name opens the conversation and forwards what was waiting. */
@Component
@Order(TextRules.COMMUNITY_ANSWER)
class CommunityAnswerRule implements TextRule {
    private final Conversations conversations;

    CommunityAnswerRule(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public String answer(TextMessage t) {
        if (!t.user().awaitingCommunity()) {
            return null;
        }
        return conversations.findCommunity(t.folded()).map(c -> conversations.communityNamed(t.user(), c)).orElse(null);
    }
}
