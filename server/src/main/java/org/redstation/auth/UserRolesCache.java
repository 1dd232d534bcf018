package org.redstation.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongFunction;
import org.redisson.api.RedissonClient;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The resolved {@link CurrentUser} (id + roles from {@code app_user}) per user, so a resident's requests do not read
 * {@code app_user} each time. Every instance's entries are void at once after any role change: the change bumps the
 * district-wide roles epoch in Redis after its commit, every request reads that epoch in the same round trip as its
 * session ({@link SessionTokens#resolve}, one MGET), and an entry is used only while the epoch it was loaded under is
 * still current. Role changes are rare, so voiding every user's entry costs one {@code app_user} read per user then.
 * {@link #TTL} only bounds a bump lost to a Redis failure. The session itself is read live on every request (logout
 * ends at once). Staff accounts are never cached (a disabled account ends at once).
 */
@Component
class UserRolesCache {
    private static final Logger log = LoggerFactory.getLogger(UserRolesCache.class);
    static final Duration TTL = Duration.ofMinutes(5);
    private final Cache<Long, Entry> users = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();
    private final RedissonClient redisson;
    private final RedisKeys keys;

    private record Entry(CurrentUser user, String epoch) {
    }

    UserRolesCache(RedissonClient redisson, RedisKeys keys) {
        this.redisson = redisson;
        this.keys = keys;
    }

    /** The Redis key of the roles epoch (read with the session: {@link SessionTokens}). */
    String epochKey() {
        return keys.key("auth", "roles-epoch");
    }

    /**
     * The cached user if it was loaded under {@code epoch}, else {@code load} (null = no such user, not cached). A null
     * epoch (Redis did not say) always loads.
     */
    CurrentUser get(long userId, String epoch, LongFunction<CurrentUser> load) {
        Entry e = users.getIfPresent(userId);
        if (e != null && epoch != null && epoch.equals(e.epoch())) {
            return e.user();
        }
        CurrentUser u = load.apply(userId);
        if (u != null && epoch != null) {
            users.put(userId, new Entry(u, epoch));
        } else {
            users.invalidate(userId);
        }
        return u;
    }

    /**
     * Evicts now and again after the transaction ends (no request of this instance re-caches the old roles meanwhile),
     * and bumps the roles epoch after the commit: every instance's entries are void from then on.
     */
    void evictAfterCommit(long userId) {
        users.invalidate(userId);
        Runnable bump = () -> {
            try {
                redisson.getAtomicLong(epochKey()).incrementAndGet();
            } catch (RuntimeException e) {
                log.warn("roles epoch not bumped (other instances see the change within {}): {}", TTL, e.toString());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump.run();
                }

                @Override
                public void afterCompletion(int status) {
                    users.invalidate(userId);
                }
            });
        } else {
            bump.run();
        }
    }
}
