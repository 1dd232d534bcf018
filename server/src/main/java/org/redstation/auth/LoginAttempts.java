package org.redstation.auth;

import java.time.Duration;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.redstation.common.RedisKeys;
import org.springframework.stereotype.Component;

/**
 * The Redis side of sign-in limits: failures per client address, and failures per unknown username
 * (so an unknown name is refused like a known one and answers do not reveal which names exist).
 * Counters are incremented before the password is checked, so parallel tries cannot pass together.
 */
@Component
class LoginAttempts {
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final StaffLoginProperties props;

    LoginAttempts(RedissonClient redisson, RedisKeys keys, StaffLoginProperties props) {
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
    }

    /** Counts one try from {@code ip}; false when the address used up its failures in this window. */
    boolean tryFromAddress(String ip) {
        return take(counter("staff-login-ip", ip), props.ipWindow()) <= props.ipMaxFailures();
    }

    /** The try from {@code ip} succeeded: it does not count against the address. */
    void succeededFromAddress(String ip) {
        RAtomicLong c = counter("staff-login-ip", ip);
        if (c.decrementAndGet() <= 0) {
            c.delete(); // the window ended meanwhile: leave no counter without expiry
        }
    }

    /** Counts one try for a name without an account; false once it had as many as an account gets before waiting. */
    boolean tryUnknownName(String name) {
        return take(counter("staff-login-unknown", name), props.maxDelay()) <= props.freeFailures();
    }

    private RAtomicLong counter(String kind, String id) {
        return redisson.getAtomicLong(keys.key(kind, id == null || id.isBlank() ? "-" : id));
    }

    private static long take(RAtomicLong c, Duration window) {
        long n = c.incrementAndGet();
        // a counter must never outlive its window (no permanent lock), also if a crash came between the two
        // calls; not EXPIRE … NX: that needs Redis 7
        if (n == 1 || c.remainTimeToLive() < 0) {
            c.expire(window);
        }
        return n;
    }
}
