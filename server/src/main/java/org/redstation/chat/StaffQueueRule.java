package org.redstation.chat;

import java.util.List;
import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "待回复": the open conversations of the staff member's community, with their last message. */
@Component
@Order(TextRules.STAFF_COMMANDS)
class StaffQueueRule extends StaffCommandRule {
    private static final Set<String> WORDS = Set.of("待回复", "待处理");
    private final Conversations conversations;

    StaffQueueRule(StaffBindings bindings, Conversations conversations) {
        super(bindings);
        this.conversations = conversations;
    }

    @Override
    boolean matches(TextMessage t) {
        return WORDS.contains(t.normalized());
    }

    @Override
    String answer(BoundStaff staff, CurrentStaff live, TextMessage t) {
        List<Conversations.QueueItem> open = conversations.queue(live, null, ConversationStatus.OPEN, 20);
        if (open.isEmpty()) {
            return "目前没有待回复的会话。";
        }
        StringBuilder b = new StringBuilder("待回复会话（最近" + open.size() + "个）：");
        for (Conversations.QueueItem q : open) {
            ConversationRow c = q.conversation();
            b.append("\n#").append(c.getId()).append(' ').append(q.communityName()).append(c.assignmentFor(staff.staffId()))
                    .append("：").append(q.last() == null ? "" : Deliveries.abbreviate(q.last().getContent(), 30));
        }
        b.append("\n回复“#编号 内容”回复居民，“接单 编号”接单，“关闭 编号”结束会话，“转心愿 编号”把居民的诉求转为心愿。");
        return b.toString();
    }
}
