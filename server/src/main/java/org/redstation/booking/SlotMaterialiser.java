package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the slots of the active weekly rules for the days they are open ahead, skipping holidays and
 * closures. Idempotent (unique rule + date, INSERT IGNORE: with the driver's found-rows default ON DUPLICATE KEY would count duplicates); the scheduled run happens on one instance at a time (Redisson lock).
 */
@Component
class SlotMaterialiser {
    private static final Logger log = LoggerFactory.getLogger(SlotMaterialiser.class);

    private final RuleMapper rules;
    private final SlotMapper slots;
    private final ClosureMapper closures;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final Clock clock;

    SlotMaterialiser(RuleMapper rules, SlotMapper slots, ClosureMapper closures, RedissonClient redisson, RedisKeys keys,
                     Clock clock) {
        this.rules = rules;
        this.slots = slots;
        this.closures = closures;
        this.redisson = redisson;
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${redstation.booking.materialise-initial-delay:PT3S}",
            fixedDelayString = "${redstation.booking.materialise-every:PT15M}")
    void scheduled() {
        try {
            materialiseAllLocked();
        } catch (RuntimeException e) {
            log.warn("slot materialisation failed: {}", e.toString());
        }
    }

    /** Runs across all instances at most once at a time; returns the slots created, or -1 when another instance runs it. */
    int materialiseAllLocked() {
        RLock lock = redisson.getLock(keys.lock("booking", "materialise"));
        boolean held;
        try {
            held = lock.tryLock(0, 5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (org.redisson.client.RedisException e) {
            // Redis down: run anyway, the unique (rule, date) key with INSERT IGNORE makes it idempotent
            log.warn("slot materialisation: Redis lock unavailable ({}), running without it", e.getClass().getSimpleName());
            int created = 0;
            for (Rule r : rules.allActive()) {
                created += materialise(r);
            }
            return created;
        }
        if (!held) {
            return -1;
        }
        try {
            int created = 0;
            for (Rule r : rules.allActive()) {
                created += materialise(r);
            }
            if (created > 0) {
                log.info("materialised {} booking slots", created);
            }
            return created;
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /** Creates the missing slots of one rule (safe to run concurrently: the unique key keeps one slot per rule and day). */
    int materialise(long ruleId) {
        Rule r = rules.selectById(ruleId);
        return r == null || !r.active() ? 0 : materialise(r);
    }

    private int materialise(Rule r) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        Set<LocalDate> closed = new HashSet<>(closures.closedDays(r.stationId(), today, today.plusDays(r.openDaysAhead())));
        int created = 0;
        for (int d = 0; d <= r.openDaysAhead(); d++) {
            LocalDate day = today.plusDays(d);
            if (!r.fallsOn(day) || closed.contains(day) || !day.atTime(r.startTime()).isAfter(now)) {
                continue;
            }
            created += slots.insertIfAbsent(r.slotOn(day, now)) == 1 ? 1 : 0;
        }
        return created;
    }
}
