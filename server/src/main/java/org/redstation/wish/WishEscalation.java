package org.redstation.wish;

import java.time.LocalDateTime;
import java.util.List;
import org.redstation.wish.WishTransitions.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Escalates unaccepted and overdue items. Each step is claimed in the database (escalation_level raised by a
 * conditional UPDATE from the level read), so with several instances, and across restarts, each level of each
 * stretch is recorded exactly once. An item skipping level 1 (found late) goes straight to level 2, once.
 */
@Component
class WishEscalation {
    private static final Logger log = LoggerFactory.getLogger(WishEscalation.class);
    private final WishMapper wishes;
    private final WishTransitions transitions;
    private final TransactionTemplate tx;
    private final List<EscalationRule> rules;

    WishEscalation(WishMapper wishes, WishTransitions transitions, TransactionTemplate tx, WishProperties props) {
        this.wishes = wishes;
        this.transitions = transitions;
        this.tx = tx;
        this.rules = EscalationRule.of(props);
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${redstation.wish.escalation-scan-every:PT5M}")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("wish escalation scan failed: {}", e.toString());
        }
    }

    /** One scan; returns how many escalations this instance recorded. */
    int runOnce() {
        LocalDateTime now = transitions.now();
        int done = 0;
        for (EscalationRule r : rules) {
            for (Wish w : wishes.dueForEscalation(r.states(), r.level(), now.minus(r.after()))) {
                Boolean won = tx.execute(s -> {
                    if (wishes.escalate(w.getId(), w.getState(), w.getEscalationLevel(), r.level(), now) == 0) {
                        return false;
                    }
                    transitions.record(w.getId(), WishAction.ESCALATE, new Actor(ActorKind.SYSTEM, null, "系统"),
                            w.getState(), w.getState(), EscalationRule.levelName(r.level()) + "：" + r.note(), now);
                    return true;
                });
                if (Boolean.TRUE.equals(won)) {
                    done++;
                }
            }
        }
        return done;
    }
}
