package org.redstation.chat;

import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "解绑": the staff member stops receiving residents' messages on this WeChat. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class UnbindRule extends StaffCommandRule {
    private static final Set<String> WORDS = Set.of("解绑", "解除绑定");
    private final StaffBindings bindings;

    UnbindRule(StaffBindings bindings) {
        super(bindings);
        this.bindings = bindings;
    }

    @Override
    boolean matches(TextMessage t) {
        return WORDS.contains(t.normalized());
    }

    @Override
    String answer(BoundStaff staff, CurrentStaff live, TextMessage t) {
        bindings.unbind(t.openid());
        return "已解除绑定，您将不再收到居民留言。";
    }
}
