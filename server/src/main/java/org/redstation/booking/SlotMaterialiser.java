package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the slots of the active weekly rules for the days they are open ahead, skipping holidays and closures.
 * Idempotent (unique rule + date, INSERT IGNORE: with the driver's found-rows default ON DUPLICATE KEY would count
 * duplicates); the scheduled run happens on one instance at a time (Redisson lock).
 * <p>
 * A run does the work due, not a pass over every rule: it reads only the rules due (V78 {@code materialise_due}: a rule
 * is due the day after it was last materialised, as its horizon moves on by a day, and at once when it is new or
 * changed or a closure of its station is removed), creates only the days after the one it was materialised through,
 * and marks them done. Runs within a day find nothing due; the first run of a day creates each rule's new day. Per
 * round of {@link #BATCH} rules: one closures read, multi-row INSERT IGNOREs, one update of the rules.
 */
@Component
class SlotMaterialiser {
    private static final Logger log = LoggerFactory.getLogger(SlotMaterialiser.class);
    /** Rules per round, and slot rows per INSERT: bounds statement sizes and memory on a large district. */
    static final int BATCH = 500;

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
            return materialiseDue();
        }
        if (!held) {
            return -1;
        }
        try {
            int created = materialiseDue();
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

    /**
     * The rules due today, a round of BATCH at a time, by id: a round that fails stays due for the next run and does
     * not keep the rounds after it from theirs.
     */
    private int materialiseDue() {
        LocalDate today = LocalDate.now(clock);
        int created = 0;
        long after = 0;
        for (List<Rule> due = rules.dueForSlots(today, after, BATCH); !due.isEmpty();
             due = rules.dueForSlots(today, after, BATCH)) {
            try {
                created += materialise(due, today);
            } catch (RuntimeException e) {
                log.warn("slot materialisation of rules {}..{} failed: {}", due.get(0).id(), due.get(due.size() - 1).id(),
                        e.toString());
            }
            after = due.get(due.size() - 1).id();
        }
        return created;
    }

    /**
     * Creates the missing slots of one rule, its whole horizon when it was changed (safe to run concurrently: the
     * unique key keeps one slot per rule and day).
     */
    int materialise(long ruleId) {
        Rule r = rules.selectById(ruleId);
        return r == null || !r.active() ? 0 : materialise(List.of(r), LocalDate.now(clock));
    }

    private int materialise(List<Rule> batch, LocalDate today) {
        LocalDateTime now = LocalDateTime.now(clock);
        int horizon = batch.stream().mapToInt(Rule::openDaysAhead).max().orElse(0);
        Map<Long, Set<LocalDate>> closed = new HashMap<>();
        for (Closure c : closures.ofStations(batch.stream().map(Rule::stationId).distinct().toList(), today,
                today.plusDays(horizon))) {
            closed.computeIfAbsent(c.stationId(), k -> new HashSet<>()).add(c.closedOn());
        }
        Set<LocalDate> everywhere = closed.getOrDefault(Closure.ALL_STATIONS, Set.of());
        List<Slot> rows = new ArrayList<>();
        for (Rule r : batch) {
            Set<LocalDate> station = closed.getOrDefault(r.stationId(), Set.of());
            LocalDate through = r.materialisedThrough();
            LocalDate from = through == null || through.isBefore(today) ? today : through.plusDays(1);
            for (LocalDate day = from; !day.isAfter(today.plusDays(r.openDaysAhead())); day = day.plusDays(1)) {
                if (r.fallsOn(day) && !everywhere.contains(day) && !station.contains(day)
                        && day.atTime(r.startTime()).isAfter(now)) {
                    rows.add(r.slotOn(day, now));
                }
            }
        }
        int created = 0;
        for (int i = 0; i < rows.size(); i += BATCH) {
            created += slots.insertAllIfAbsent(rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
        rules.materialised(batch.stream().map(Rule::id).toList(), today);
        return created;
    }
}
