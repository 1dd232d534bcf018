package org.redstation.booking;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.common.ErrorCode;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "This slot is full" hints in Redis, shared by every instance, so that a rush on a full slot is refused without a
 * database write, a row lock or the per-slot gate. A hint can never outlive a freed seat:
 * <ul>
 *   <li>every seat release (cancellation by resident, staff or closure) bumps the slot's release counter AFTER its
 *       commit, a rule change or a reopened day bumps the district-wide epoch;</li>
 *   <li>a hint records the counter and epoch read BEFORE the database said "full" and is trusted only while both are
 *       unchanged: a release committed after that read moved the counter, one committed before it was seen by the read.</li>
 * </ul>
 * The database stays the judge of capacity: a hint only ever refuses, and only a plain booking (a 候补 request always
 * goes to the database). Redis trouble = no hint (the database answers); a failed bump is bounded by the hint's TTL.
 */
@Component
class FullSlotHints {
    private static final Logger log = LoggerFactory.getLogger(FullSlotHints.class);
    static final Duration TTL = Duration.ofSeconds(60);
    private final RedissonClient redisson;
    private final RedisKeys keys;

    FullSlotHints(RedissonClient redisson, RedisKeys keys) {
        this.redisson = redisson;
        this.keys = keys;
    }

    /** What {@link #check} read: the refusal a trusted hint gives, and the versions a new hint must carry. */
    record Seen(ErrorCode refusal, String release, String epoch) {
        static final Seen NONE = new Seen(null, null, null);
    }

    /** The keys {@link #check} reads: the slot's hint, its release counter and the epoch. */
    List<String> keys(long slotId) {
        return List.of(key("full", slotId), key("released", slotId), keys.key("booking", "released-all"));
    }

    /** One MGET of {@link #keys}. Redis trouble = nothing seen. */
    Seen check(long slotId, Long stationId, LocalDateTime now) {
        try {
            Map<String, Object> got = redisson.getBuckets(StringCodec.INSTANCE).get(keys(slotId).toArray(String[]::new));
            Map<String, String> values = new HashMap<>();
            got.forEach((k, v) -> values.put(k, String.valueOf(v)));
            return seen(values, slotId, stationId, now);
        } catch (RuntimeException e) {
            log.debug("full-slot hint unavailable: {}", e.toString());
            return Seen.NONE;
        }
    }

    /** What the values of {@link #keys} say, read by {@link #check} or with the resident's session. */
    Seen seen(Map<String, String> values, long slotId, Long stationId, LocalDateTime now) {
        String rel = values.getOrDefault(key("released", slotId), "0");
        String ep = values.getOrDefault(keys.key("booking", "released-all"), "0");
        String h = values.get(key("full", slotId));
        ErrorCode refusal = h == null ? null : trusted(h, rel, ep, stationId, now);
        return new Seen(refusal, rel, ep);
    }

    /** hint = release|epoch|stationId|startsAt (epoch seconds)|refusal */
    private static ErrorCode trusted(String hint, String rel, String ep, Long stationId, LocalDateTime now) {
        String[] f = hint.split("\\|");
        if (f.length != 5 || !f[0].equals(rel) || !f[1].equals(ep)) {
            return null;
        }
        if (stationId != null && stationId != Long.parseLong(f[2])) {
            return null; // another station's slot: the database says so
        }
        if (now.toEpochSecond(ZoneOffset.UTC) >= Long.parseLong(f[3])) {
            return null; // started: the database says SLOT_PAST
        }
        return BookingError.SLOT_FULL.name().equals(f[4]) ? BookingError.SLOT_FULL : BookingError.WAITLIST_CLOSED;
    }

    /** The database refused a plain booking on a full open slot: remember it with the versions seen before reading. */
    void full(BookingStore.Slot slot, Seen seen, ErrorCode refusal) {
        if (seen.release() == null) {
            return;
        }
        String v = seen.release() + "|" + seen.epoch() + "|" + slot.stationId() + "|"
                + slot.startsAt().toEpochSecond(ZoneOffset.UTC) + "|" + refusal.name();
        try {
            redisson.getBucket(key("full", slot.id()), StringCodec.INSTANCE).setAsync(v, TTL);
        } catch (RuntimeException e) {
            log.debug("full-slot hint not written: {}", e.toString());
        }
    }

    /** A seat of the slot is released by the current transaction: invalidate its hint once that commits. */
    void releasedAfterCommit(long slotId) {
        afterCommit(() -> redisson.getAtomicLong(key("released", slotId)).incrementAndGet());
    }

    /** Capacities changed or a day reopened (any slot): invalidate every hint once that commits. */
    void everythingAfterCommit() {
        afterCommit(() -> redisson.getAtomicLong(keys.key("booking", "released-all")).incrementAndGet());
    }

    private String key(String kind, long slotId) {
        return keys.key("booking", kind, Long.toString(slotId));
    }

    private static void afterCommit(Runnable bump) {
        Runnable safe = () -> {
            try {
                bump.run();
            } catch (RuntimeException e) {
                log.warn("full-slot hint not invalidated (it expires within {}): {}", TTL, e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    safe.run();
                }
            });
        } else {
            safe.run();
        }
    }
}
