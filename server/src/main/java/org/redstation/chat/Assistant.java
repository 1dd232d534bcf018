package org.redstation.chat;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The bot brain, one for every channel: a text from a known resident in, answer parts out. The official account
 * ({@link TextHandler}), the assistant page ({@link AssistantService}) and mini-program customer service
 * ({@link MaPushController}) are thin adapters over it: the same rules and commands everywhere.
 */
@Service
class Assistant {
    private final List<TextRule> rules;

    /** Spring injects the rules sorted by their {@code @Order}. */
    Assistant(List<TextRule> rules) {
        this.rules = rules;
    }

    /** The first answer of the rules (null = none, e.g. a duplicate delivery). */
    Answer answer(TextMessage t) {
        for (TextRule rule : rules) {
            Answer a = rule.reply(t);
            if (a != null) {
                return a;
            }
        }
        return null;
    }
}
