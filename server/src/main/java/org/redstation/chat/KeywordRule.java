package org.redstation.chat;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The keyword rules staff edit (chat_rule), for the resident's community and district-wide. */
@Component
@Order(TextRules.KEYWORD_RULES)
class KeywordRule implements TextRule {
    private final RuleService rules;

    KeywordRule(RuleService rules) {
        this.rules = rules;
    }

    @Override
    public String answer(TextMessage t) {
        return rules.match(t.folded(), t.user().communityId()).orElse(null);
    }
}
