package org.redstation.wish;

import java.time.LocalDateTime;
import org.redstation.wish.WishTransitions.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Please rate" (请评价): a completed item the resident has neither rated nor reopened after {@code rate-reminder-after}
 * gets one reminder through the outbox and the message centre (a subscribe message only against an accepted
 * {@code wish-rate-reminder}, as notify decides). Like {@link WishEscalation}, the reminder of each completion is
 * claimed in the database ({@code rate_reminded_version} set from another value to the row's version by one conditional
 * UPDATE), and only the instance that changed the row writes the timeline entry and the message: exactly once across
 * instances and restarts, nothing kept in memory.
 */
@Component
class WishRateReminders {
    private static final Logger log = LoggerFactory.getLogger(WishRateReminders.class);
    private static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, null, "系统");
    private final WishMapper wishes;
    private final WishTransitions transitions;
    private final WishNotices notices;
    private final TransactionTemplate tx;
    private final WishProperties props;

    WishRateReminders(WishMapper wishes, WishTransitions transitions, WishNotices notices, TransactionTemplate tx,
                      WishProperties props) {
        this.wishes = wishes;
        this.transitions = transitions;
        this.notices = notices;
        this.tx = tx;
        this.props = props;
    }

    @Scheduled(initialDelayString = "PT35S", fixedDelayString = "${redstation.wish.rate-reminder-scan-every:PT10M}")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("wish rate reminder scan failed: {}", e.toString());
        }
    }

    /** One scan; returns how many reminders this instance queued. */
    int runOnce() {
        LocalDateTime now = transitions.now();
        int sent = 0;
        for (Wish w : wishes.dueForRateReminder(now.minus(props.rateReminderAfter()))) {
            Boolean won = tx.execute(s -> {
                if (wishes.claimRateReminder(w.getId(), w.getVersion()) == 0) {
                    return false;
                }
                transitions.record(w.getId(), WishAction.REMIND, SYSTEM, w.getState(), w.getState(),
                        "已提醒居民确认并评价", now);
                notices.rateReminder(w);
                return true;
            });
            if (Boolean.TRUE.equals(won)) {
                sent++;
            }
        }
        return sent;
    }
}
