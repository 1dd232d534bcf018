package org.redstation.duty;

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
    DutyLocks(RedissonClient redisson, RedisKeys keys, DutyProperties props) {
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
    }

    /**
     * Runs {@code work} under the shift's Redis lock (one round trip to take, one to give back). Callers queue in memory
     * in front of it ({@link ClaimService}'s line per shift), so one holder runs a whole batch under one hold. A member's
     * own claims are serialised by the {@code party_member} row lock inside the transaction, so no member lock here.
     */
    <T> T withShift(long shiftId, Supplier<T> work) {
        return withRedisLock(shiftId, props.lockWait().toMillis(), work);
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
