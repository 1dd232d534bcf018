package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Queues the reminder of every confirmed booking whose slot starts within {@code reminderBefore}. Exactly once
 * across instances: a conditional UPDATE of reminded_at claims the booking and the outbox dedup key
 * "booking-reminder:&lt;id&gt;" refuses a second message; the Redisson lock only saves duplicate work. When Redis is
 * unavailable the job runs without the lock (the database claims still make it exactly once), so reminders go out.
 */
@Component
class ReminderJob {
    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    private final BookingMapper bookings;
    private final BookingStore store;
    private final BookingNotices notices;
    private final BookingProperties props;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final Clock clock;
    private final TransactionTemplate tx;

    ReminderJob(BookingMapper bookings, BookingStore store, BookingNotices notices, BookingProperties props, RedissonClient redisson,
                RedisKeys keys, Clock clock, PlatformTransactionManager txm) {
        this.bookings = bookings;
        this.store = store;
        this.notices = notices;
        this.props = props;
        this.redisson = redisson;
        this.keys = keys;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    @Scheduled(initialDelayString = "${redstation.booking.reminder-initial-delay:PT20S}",
            fixedDelayString = "${redstation.booking.reminder-scan-every:PT1M}")
    void scheduled() {
        try {
            RLock lock = redisson.getLock(keys.lock("booking", "reminders"));
            boolean held;
            try {
                held = lock.tryLock(0, 2, TimeUnit.MINUTES);
            } catch (RedisException e) {
                int n = sendDue();
                log.warn("booking reminders: Redis lock unavailable ({}), {} queued through database claims", e.getClass().getSimpleName(), n);
                return;
            }
            if (held) {
                try {
                    sendDue();
                } finally {
                    if (lock.isHeldByCurrentThread()) {
                        lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("booking reminders failed: {}", e.toString());
        }
    }

    /** Queues the due reminders; returns how many this call queued. Safe to run on several instances at once. */
    int sendDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime until = now.plus(props.reminderBefore());
        List<Long> due = bookings.dueReminders(now, until, now.toLocalDate(), until.toLocalDate());
        int sent = 0;
        for (long id : due) {
            Boolean queued = tx.execute(s -> {
                int claimed = bookings.claimReminder(id, now);
                if (claimed != 1) {
                    return false;
                }
                Booking b = store.booking(id).orElseThrow();
                notices.reminder(b, store.slot(b.slotId()).orElseThrow());
                return true;
            });
            sent += Boolean.TRUE.equals(queued) ? 1 : 0;
        }
        return sent;
    }
}
