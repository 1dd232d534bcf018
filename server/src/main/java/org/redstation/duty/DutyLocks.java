package org.redstation.duty;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redstation.common.BizException;
import org.redstation.common.Coalescer;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Redis duty lock: one per shift, held around a claim or release. They keep contention off the database; the database still enforces every rule on its own.
 */
@Component
class DutyLocks {
    private static final Logger log = LoggerFactory.getLogger(DutyLocks.class);
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final DutyProperties props;
    /**
     * Per shift, this instance's line in front of the Redis lock: the claims and releases waiting there are run by one
     * of them under ONE hold of the lock (each in its own transaction, in arrival order), so a hot shift pays the lock's
     * two round trips per batch, not per claim, and waiters are handed their answers, not woken to race for the lock.
     */
    private final Coalescer<Supplier<?>, Object> lines;
    /** At most this many transactions under one hold (well inside the lease). */
    static final int BATCH_MAX = 16;

    DutyLocks(RedissonClient redisson, RedisKeys keys, DutyProperties props) {
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
        // the shift id travels with each work (Keyed): the batch's lock is the first one's shift, the same for all
        this.lines = new Coalescer<>(BATCH_MAX, 10_000, props.lockWait(), works -> withRedisLock(((Keyed) works.get(0)).shiftId(),
                props.lockWait().toMillis(), () -> works.stream().map(w -> Coalescer.Result.<Object>of(w::get)).toList()),
                () -> new BizException(DutyError.DUTY_BUSY));
    }

    private record Keyed(long shiftId, Supplier<?> work) implements Supplier<Object> {
        @Override
        public Object get() {
            return work.get();
        }
    }

    /**
     * Runs {@code work} (one transaction) under the shift's Redis lock, taken once for every claim or release of the
     * shift that waits on this instance at the same time. The lock only keeps contention off the database: every rule
     * is the transaction's.
     */
    @SuppressWarnings("unchecked")
    <T> T withShift(long shiftId, Supplier<T> work) {
        return (T) lines.submit(shiftId, new Keyed(shiftId, work));
    }

    private <T> T withRedisLock(long shiftId, long waitMillis, Supplier<T> work) {
        RLock shift = redisson.getLock(keys.lock("duty", "shift", shiftId));
        boolean locked;
        try {
            locked = shift.tryLock(waitMillis, props.lockLease().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RedisException e) {
            log.warn("duty lock unavailable: {}", e.toString());
            throw new BizException(DutyError.DUTY_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BizException(DutyError.DUTY_BUSY);
        }
        if (!locked) {
            throw new BizException(DutyError.DUTY_BUSY);
        }
        try {
            return work.get();
        } finally {
            release(shift, null);
        }
    }

    /** Kept for callers of the two-lock version: the member is serialised by its database row (see {@link #withShift}). */
    <T> T withShiftAndMember(long shiftId, long memberId, Supplier<T> work) {
        return withShift(shiftId, work);
    }

    /** Unlocks in parallel; a failure (Redis gone, lease over) only logs: the lease ends by itself. */
    private void release(RLock a, RLock b) {
        try {
            var fa = a == null ? null : a.unlockAsync();
            var fb = b == null ? null : b.unlockAsync();
            if (fa != null) {
                fa.toCompletableFuture().join();
            }
            if (fb != null) {
                fb.toCompletableFuture().join();
            }
        } catch (RuntimeException e) {
            log.warn("duty unlock failed: {}", e.toString());
        }
    }
}
