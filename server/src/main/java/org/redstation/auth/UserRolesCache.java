package org.redstation.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The resolved {@link CurrentUser} (id + roles from {@code app_user}) per user, kept {@link #TTL} so a burst of a
 * resident's requests reads {@code app_user} once, not per request. The session itself is still checked in Redis on
 * every request (logout ends at once). A role granted or revoked here is evicted after its commit (at once on this
 * instance); on another instance it takes effect within {@link #TTL}. Staff accounts are never cached (a disabled
 * account ends at once).
 */
@Component
class UserRolesCache {
    static final Duration TTL = Duration.ofSeconds(3);
    private final Cache<Long, CurrentUser> users = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(50_000).build();

    /** The cached user or {@code load} (null = no such user, not cached). */
    CurrentUser get(long userId, LongFunction<CurrentUser> load) {
        return users.get(userId, id -> load.apply(id));
    }

    /** Evicts now and again after the current transaction commits, so no request re-caches the old roles meanwhile. */
    void evictAfterCommit(long userId) {
        users.invalidate(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    users.invalidate(userId);
                }
            });
        }
    }
}
