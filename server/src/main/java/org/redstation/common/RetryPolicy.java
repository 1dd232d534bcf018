package org.redstation.common;

import java.time.Duration;

/**
 * Exponential back-off for durable sends (outbox, chat deliveries): the wait after the n-th failed attempt is
 * {@code base × 2^(n-1)}, capped at {@code maxDelay}; the send is given up after {@code maxAttempts} attempts.
 * With the defaults a WeChat or Redis outage of several hours loses nothing.
 */
public record RetryPolicy(Duration base, Duration maxDelay, int maxAttempts) {
    public RetryPolicy {
        if (base == null || base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("retry base must be positive");
        }
        if (maxDelay == null || maxDelay.compareTo(base) < 0) {
            throw new IllegalArgumentException("retry max delay must be at least the base");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
    }

    /** The wait after {@code attempts} failed attempts (1 = the first failure). */
    public Duration delayAfter(int attempts) {
        int exp = Math.min(Math.max(attempts - 1, 0), 30);
        Duration d = base.multipliedBy(1L << exp);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Whether a send that failed {@code attempts} times is given up. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** How long sends are retried in all before they are given up (the sum of every wait). */
    public Duration retriedFor() {
        Duration total = Duration.ZERO;
        for (int i = 1; i < maxAttempts; i++) {
            total = total.plus(delayAfter(i));
        }
        return total;
    }
}
