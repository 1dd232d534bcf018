package org.redstation.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the slots of the active weekly rules for the days they are open ahead, skipping holidays and
 * closures. Idempotent (unique rule + date, INSERT IGNORE: with the driver's found-rows default ON DUPLICATE KEY would count duplicates); the scheduled run happens on one instance at a time (Redisson lock).
 */
@Component
class SlotMaterialiser {
    private static final Logger log = LoggerFactory.getLogger(SlotMaterialiser.class);

    record Rule(long id, long stationId, String kind, String name, Set<Integer> weekdays, LocalTime start, LocalTime end,
                int capacity, int openDaysAhead, int cancelCutoffMinutes, boolean waitlistEnabled) {
    }

    private final JdbcTemplate jdbc;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final Clock clock;

    SlotMaterialiser(JdbcTemplate jdbc, RedissonClient redisson, RedisKeys keys, Clock clock) {
        this.jdbc = jdbc;
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
        }
        if (!held) {
            return -1;
        }
        try {
            int created = 0;
            for (Rule r : rules("WHERE active = 1")) {
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
        return rules("WHERE id = " + ruleId + " AND active = 1").stream().mapToInt(this::materialise).sum();
    }

    private int materialise(Rule r) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        Set<LocalDate> closed = jdbc.queryForList("SELECT closed_on FROM booking_closure WHERE station_id IN (0, ?) "
                        + "AND closed_on BETWEEN ? AND ?", LocalDate.class, r.stationId(), today, today.plusDays(r.openDaysAhead()))
                .stream().collect(Collectors.toSet());
        int created = 0;
        for (int d = 0; d <= r.openDaysAhead(); d++) {
            LocalDate day = today.plusDays(d);
            if (!r.weekdays().contains(day.getDayOfWeek().getValue()) || closed.contains(day)
                    || !day.atTime(r.start()).isAfter(now)) {
                continue;
            }
            created += jdbc.update("INSERT IGNORE INTO booking_slot (station_id, rule_id, slot_date, start_time, end_time, kind, name, "
                            + "capacity, booked, cancel_cutoff_minutes, waitlist_enabled, status, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'OPEN', ?)",
                    r.stationId(), r.id(), day, r.start(), r.end(), r.kind(), r.name(), r.capacity(), r.cancelCutoffMinutes(),
                    r.waitlistEnabled(), Timestamp.valueOf(now)) == 1 ? 1 : 0;
        }
        return created;
    }

    List<Rule> rules(String where) {
        return jdbc.query("SELECT id, station_id, kind, name, weekdays, start_time, end_time, capacity, open_days_ahead, "
                + "cancel_cutoff_minutes, waitlist_enabled FROM booking_rule " + where + " ORDER BY id", (rs, i) -> new Rule(
                rs.getLong("id"), rs.getLong("station_id"), rs.getString("kind"), rs.getString("name"),
                parseDays(rs.getString("weekdays")), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), rs.getInt("capacity"), rs.getInt("open_days_ahead"),
                rs.getInt("cancel_cutoff_minutes"), rs.getBoolean("waitlist_enabled")));
    }

    static Set<Integer> parseDays(String s) {
        return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).map(Integer::valueOf)
                .collect(Collectors.toSet());
    }
}
