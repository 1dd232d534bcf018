package org.redstation.chat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "转心愿 12 [类别]": the resident's messages of conversation #12 become a need of theirs (类别 optional, 其他 by default). */
@Component
@Order(TextRules.STAFF_COMMANDS)
class StaffWishRule extends StaffCommandRule {
    private static final Pattern TO_WISH = Pattern.compile("^转心愿\\s*#?\\s*(\\d{1,12})(?:\\s+(\\S{1,16}))?$");
    private final ConversationWishes wishes;

    StaffWishRule(StaffBindings bindings, ConversationWishes wishes) {
        super(bindings);
        this.wishes = wishes;
    }

    @Override
    boolean matches(TextMessage t) {
        return TO_WISH.matcher(t.folded()).matches();
    }

    @Override
    String answer(BoundStaff staff, CurrentStaff live, TextMessage t) {
        Matcher m = TO_WISH.matcher(t.folded());
        m.matches();
        return ConversationWishes.answer(wishes.turn(live, Long.parseLong(m.group(1)), m.group(2)));
    }
}
