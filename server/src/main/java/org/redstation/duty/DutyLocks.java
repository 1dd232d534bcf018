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
 * The Redis duty locks: one per shift and one per member, taken together (Redisson MultiLock) around a claim or
 * release. They keep contention off the database; the database still enforces every rule on its own.
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

    <T> T withShiftAndMember(long shiftId, long memberId, Supplier<T> work) {
        RLock shift = redisson.getLock(keys.lock("duty", "shift", shiftId));
        RLock member = redisson.getLock(keys.lock("duty", "member", memberId));
        RLock both = redisson.getMultiLock(shift, member);
        boolean locked;
        try {
            locked = both.tryLock(props.lockWait().toMillis(), props.lockLease().toMillis(), TimeUnit.MILLISECONDS);
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
            try {
                both.unlock();
            } catch (RuntimeException e) {
                // Redis went away or the lease ran out: the lease expires by itself; the database kept the rules.
                log.warn("duty unlock failed: {}", e.toString());
            }
        }
    }
}
