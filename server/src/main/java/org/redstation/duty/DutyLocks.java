package org.redstation.duty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redstation.common.BizException;
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
    /** Per shift, this instance's queue in front of the Redis lock (idle gates are dropped after ten minutes). */
    private final Cache<Long, Semaphore> gates = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    DutyLocks(RedissonClient redisson, RedisKeys keys, DutyProperties props) {
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
    }

    /**
     * The shift lock only (one Redis round trip to take, one to give back). A member's own claims are serialised by
     * the {@code party_member} row lock inside the transaction, so a second Redis lock per member only added two round
     * trips to the serial section of a hot shift without protecting anything the database does not.
     */
    <T> T withShift(long shiftId, Supplier<T> work) {
        // one claim per shift and instance queues for the Redis lock; the others wait here, in memory: a hot shift's
        // hand-off is then a local semaphore, not every waiter woken by Redis pub/sub to race for the lock again
        Semaphore gate = gates.get(shiftId, id -> new Semaphore(1, true));
        long deadline = System.nanoTime() + props.lockWait().toNanos();
        try {
            if (!gate.tryAcquire(props.lockWait().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BizException(DutyError.DUTY_BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BizException(DutyError.DUTY_BUSY);
        }
        try {
            return withRedisLock(shiftId, Math.max(0, (deadline - System.nanoTime()) / 1_000_000), work);
        } finally {
            gate.release();
        }
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
