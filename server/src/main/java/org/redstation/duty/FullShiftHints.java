package org.redstation.duty;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "This shift is full" hints in Redis, shared by every instance, so a rush on a full shift is refused without a
 * database read, a lock or the shift queue (the booking module's FullSlotHints, for shifts). A hint never outlives a
 * freed seat: every seat release (a member's release, a staff cancel) bumps the shift's release counter AFTER its
 * commit, and a hint records the counter read BEFORE the database said "full" and is trusted only while it is
 * unchanged. The database stays the judge: a hint only ever refuses. Redis trouble = no hint; a failed bump is bounded
 * by the hint's TTL.
 */
@Component
class FullShiftHints {
    private static final Logger log = LoggerFactory.getLogger(FullShiftHints.class);
    static final Duration TTL = Duration.ofSeconds(60);
    private final RedissonClient redisson;
    private final RedisKeys keys;

    FullShiftHints(RedissonClient redisson, RedisKeys keys) {
        this.redisson = redisson;
        this.keys = keys;
    }

    /** What {@link #check} read: the community of a trusted "full" hint (else null), and the counter a new hint carries. */
    record Seen(Long fullIn, String release) {
        static final Seen NONE = new Seen(null, null);
    }

    /** The keys {@link #check} reads: the shift's hint and its release counter. */
    List<String> keys(long shiftId) {
        return List.of(key("full", shiftId), key("released", shiftId));
    }

    /** One MGET of {@link #keys}. Redis trouble = nothing seen. */
    Seen check(long shiftId, LocalDateTime now) {
        try {
            Map<String, Object> got = redisson.getBuckets(StringCodec.INSTANCE).get(keys(shiftId).toArray(String[]::new));
            Map<String, String> values = new HashMap<>();
            got.forEach((k, v) -> values.put(k, String.valueOf(v)));
            return seen(values, shiftId, now);
        } catch (RuntimeException e) {
            log.debug("full-shift hint unavailable: {}", e.toString());
            return Seen.NONE;
        }
    }

    /** What the values of {@link #keys} say, read by {@link #check} or with the member's session. */
    Seen seen(Map<String, String> values, long shiftId, LocalDateTime now) {
        String rel = values.getOrDefault(key("released", shiftId), "0");
        String h = values.get(key("full", shiftId));
        return new Seen(h == null ? null : trusted(h, rel, now), rel);
    }

    /** hint = release|communityId|startAt (epoch seconds); the community, or null when not to be trusted. */
    private static Long trusted(String hint, String rel, LocalDateTime now) {
        String[] f = hint.split("\\|");
        if (f.length != 3 || !f[0].equals(rel)) {
            return null;
        }
        if (now.toEpochSecond(ZoneOffset.UTC) >= Long.parseLong(f[2])) {
            return null; // started: the database says SHIFT_PAST
        }
        return Long.parseLong(f[1]);
    }

    /** The database showed the open shift full: remember it with the counter seen before reading. */
    void full(DutyShift s, Seen seen) {
        if (seen.release() == null) {
            return;
        }
        String v = seen.release() + "|" + s.getCommunityId() + "|" + s.getStartAt().toEpochSecond(ZoneOffset.UTC);
        try {
            redisson.getBucket(key("full", s.getId()), StringCodec.INSTANCE).setAsync(v, TTL);
        } catch (RuntimeException e) {
            log.debug("full-shift hint not written: {}", e.toString());
        }
    }

    /** A seat of the shift is released (or the shift cancelled) by the current transaction: invalidate once it commits. */
    void releasedAfterCommit(long shiftId) {
        Runnable bump = () -> {
            try {
                redisson.getAtomicLong(key("released", shiftId)).incrementAndGet();
            } catch (RuntimeException e) {
                log.warn("full-shift hint not invalidated (it expires within {}): {}", TTL, e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump.run();
                }
            });
        } else {
            bump.run();
        }
    }

    private String key(String kind, long shiftId) {
        return keys.key("duty", kind, Long.toString(shiftId));
    }
}
