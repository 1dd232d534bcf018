package org.redstation.chat;

import java.util.Optional;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.redstation.common.BizException;

/**
 * A command only bound staff may send. Others are told to bind first; refusals (not their community, closed)
 * become the answer.
 */
abstract class StaffCommandRule implements TextRule {
    static final String STAFF_ONLY = "该指令仅限社区工作人员使用。工作人员请先在工作台获取绑定码，再发送“绑定 123456”。";
    static final String ACCOUNT_GONE = "您的工作人员账号已停用，微信绑定已失效。如有疑问请联系管理员。";
    private final StaffBindings bindings;

    StaffCommandRule(StaffBindings bindings) {
        this.bindings = bindings;
    }

    /** Whether the text is this command. */
    abstract boolean matches(TextMessage t);

    /** {@code live}: the staff account as it is now (enabled, role, community), not as it was at binding time. */
    abstract String answer(BoundStaff staff, CurrentStaff live, TextMessage t);

    @Override
    public final String answer(TextMessage t) {
        if (!matches(t)) {
            return null;
        }
        Optional<BoundStaff> staff = bindings.byOpenid(t.openid());
        if (staff.isEmpty()) {
            return STAFF_ONLY;
        }
        Optional<CurrentStaff> live = bindings.live(staff.get());
        if (live.isEmpty()) {
            return ACCOUNT_GONE;
        }
        try {
            return answer(staff.get(), live.get(), t);
        } catch (BizException e) {
            return e.userMessage();
        }
    }
}
