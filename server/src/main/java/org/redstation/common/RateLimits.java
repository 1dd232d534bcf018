package org.redstation.common;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rate limits shared by all instances: a Bucket4j token bucket per limit and key, kept in Redis through
 * Redisson (bucket4j-redisson 8.14 on Redisson 3.52, compare-and-swap). Limits are configured by name in
 * application.yml ({@link RateLimitProperties}); call at the entry of a request, before any transaction.
 * Redis down: allowed and logged (the service stays up; other Redis users answer 503 anyway).
 */
@Component
public class RateLimits {
    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);
    private final ProxyManager<String> buckets;
    private final RateLimitProperties props;
    private final RedisKeys keys;

    public RateLimits(RedissonClient redisson, RateLimitProperties props, RedisKeys keys) {
        this.props = props;
        this.keys = keys;
        // keys expire once their bucket would be full again: no key outlives its limit's period
        this.buckets = Bucket4jRedisson.casBasedBuilder(((Redisson) redisson).getCommandExecutor())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                .build();
    }

    /** Takes one action of {@code limit} for {@code key}; throws 429 {@code RATE_LIMITED} with Retry-After when used up. */
    public void check(String limit, String key) {
        long wait = secondsToWait(limit, key);
        if (wait > 0) {
            throw new RateLimitedException(wait);
        }
    }

    /** Takes one action; false when the limit is used up (for callers that answer in their own way, e.g. the bot). */
    public boolean tryTake(String limit, String key) {
        return secondsToWait(limit, key) == 0;
    }

    /** 0 = taken; otherwise the seconds until one is free again. */
    private long secondsToWait(String limit, String key) {
        if (!props.enabled()) {
            return 0;
        }
        RateLimitProperties.Limit l = props.limits().get(limit);
        if (l == null) {
            throw new IllegalStateException("rate limit '" + limit + "' is not configured (redstation.rate.limits)");
        }
        // capacity and period are part of the key: a changed setting starts fresh buckets
        String id = keys.key("rate", limit, l.capacity() + "-" + l.period().toSeconds(), key == null || key.isBlank() ? "-" : key);
        try {
            ConsumptionProbe p = buckets.builder().build(id, () -> configuration(l)).tryConsumeAndReturnRemaining(1);
            return p.isConsumed() ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(p.getNanosToWaitForRefill()) + 1);
        } catch (RuntimeException e) {
            log.warn("rate limit {} unavailable ({}), allowed", limit, e.toString());
            return 0;
        }
    }

    private static BucketConfiguration configuration(RateLimitProperties.Limit l) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(l.capacity()).refillIntervally(l.capacity(), l.period()).build())
                .build();
    }
}
