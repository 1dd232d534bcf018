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
 * The Redis duty locks: one per shift and one per member, both held around a claim or release. They keep contention off the database; the database still enforces every rule on its own.
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
     * Shift lock first, then member lock (always this order, so two claims never wait on each other in a cycle).
     * Taken one after the other rather than with a MultiLock, which re-sets both leases after acquiring them
     * (two more round trips inside the serial section of a hot shift).
     */
    <T> T withShiftAndMember(long shiftId, long memberId, Supplier<T> work) {
        RLock shift = redisson.getLock(keys.lock("duty", "shift", shiftId));
        RLock member = redisson.getLock(keys.lock("duty", "member", memberId));
        long deadline = System.nanoTime() + props.lockWait().toNanos();
        boolean shiftLocked = false;
        boolean memberLocked = false;
        try {
            shiftLocked = shift.tryLock(props.lockWait().toMillis(), props.lockLease().toMillis(), TimeUnit.MILLISECONDS);
            if (shiftLocked) {
                long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                memberLocked = member.tryLock(left, props.lockLease().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RedisException e) {
            release(shiftLocked ? shift : null, null);
            log.warn("duty lock unavailable: {}", e.toString());
            throw new BizException(DutyError.DUTY_UNAVAILABLE);
        } catch (InterruptedException e) {
            release(shiftLocked ? shift : null, null);
            Thread.currentThread().interrupt();
            throw new BizException(DutyError.DUTY_BUSY);
        }
        if (!shiftLocked || !memberLocked) {
            release(shiftLocked ? shift : null, null);
            throw new BizException(DutyError.DUTY_BUSY);
        }
        try {
            return work.get();
        } finally {
            release(shift, member);
        }
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
