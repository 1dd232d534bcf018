package org.redstation.chat;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The CONTAINS keyword rules, after the intent parser: "充电" must not answer "我家电动车充电桩坏了". */
@Component
@Order(TextRules.CONTAINS_RULES)
class ContainsKeywordRule extends KeywordRule {

    ContainsKeywordRule(RuleService rules, Conversations conversations) {
        super(rules, conversations);
    }

    @Override
    public String answer(TextMessage t) {
        return rules().matchRule(t.folded(), t.user().communityId(), true).map(ChatRule::getReply).orElse(null);
    }

    @Override
    boolean contains() {
        return true;
    }
}
