package org.redstation.common;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits by name ({@code redstation.rate.limits.<name>.capacity / period}, application.yml): at most
 * {@code capacity} actions per {@code period} for one key (an address, a resident, a sender).
 * {@code enabled: false} turns every limit off (never in production).
 */
@ConfigurationProperties("redstation.rate")
public record RateLimitProperties(Boolean enabled, Map<String, Limit> limits) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    public record Limit(long capacity, Duration period) {
        public Limit {
            if (capacity <= 0 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
            }
        }
    }
}
