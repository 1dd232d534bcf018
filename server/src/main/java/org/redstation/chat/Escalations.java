package org.redstation.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.chat.StaffBindings.BoundStaff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Conversations nobody answered: after {@code redstation.chat.escalate-after} (30 minutes) the community's other
 * bound staff are told (everyone but the one who took it), after twice that the street (district staff bound
 * to WeChat). Each step happens once across all instances: the conditional UPDATE of the level decides who sends.
 */
@Component
class Escalations {
    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    private final ConversationMapper conversations;
    private final StaffBindings bindings;
    private final Deliveries deliveries;
    private final Conversations names;
    private final ChatProperties props;
    private final Clock clock;

    Escalations(ConversationMapper conversations, StaffBindings bindings, Deliveries deliveries, Conversations names,
                ChatProperties props, Clock clock) {
        this.conversations = conversations;
        this.bindings = bindings;
        this.deliveries = deliveries;
        this.names = names;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${redstation.chat.escalate-check-millis:30000}", initialDelay = 10_000)
    void sweep() {
        try {
            escalateDue();
        } catch (RuntimeException e) {
            log.warn("chat escalation sweep failed: {}", e.toString());
        }
    }

    /** Escalates every conversation that is due; returns how many this instance escalated. */
    int escalateDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        int n = 0;
        for (int level = 0; level < 2; level++) {
            LocalDateTime before = now.minus(props.escalateAfter().multipliedBy(level + 1L));
            for (ConversationRow c : conversations.unanswered(level, before)) {
                n += escalate(c, level, before) ? 1 : 0;
            }
        }
        return n;
    }

    /** Not transactional on purpose: the level UPDATE commits first, so a failed send is never repeated by another instance. */
    boolean escalate(ConversationRow c, int level, LocalDateTime before) {
        if (conversations.escalate(c.getId(), level, before) == 0) {
            return false; // answered meanwhile, or another instance did it
        }
        List<BoundStaff> to = level == 0
                ? bindings.communityStaff(c.getCommunityId()).stream().filter(s -> c.getAssignedStaffId() == null || s.staffId() != c.getAssignedStaffId()).toList()
                : bindings.districtStaff();
        if (to.isEmpty() && level == 0) {
            to = bindings.districtStaff();
        }
        String text = "【催办】会话 #" + c.getId() + "（" + names.communityName(c.getCommunityId()) + "）居民留言已等待超过"
                + props.escalateAfter().multipliedBy(level + 1L).toMinutes() + "分钟未回复" + (level == 0 ? "" : "，已转街道")
                + "。回复请发送“#" + c.getId() + " 回复内容”，查看往来发送“历史 " + c.getId() + "”。";
        to.forEach(s -> deliveries.enqueue(DeliveryKind.NOTICE, s.openid(), text, null, c.getId(), null));
        return true;
    }
}
