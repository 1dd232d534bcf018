package org.redstation.notify;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Subscribe-message settings. {@code templates}: template key -> WeChat template id (from the mini-program
 * admin console: 订阅消息 → 我的模板). Failed sends are retried with backoff {@code retryBase * 2^attempt}
 * up to {@code maxAttempts}.
 */
@ConfigurationProperties("redstation.notify")
public record NotifyProperties(Map<String, String> templates, Duration pollInterval, Duration retryBase,
                               int maxAttempts, int batchSize, java.util.Set<String> longTerm) {
    public NotifyProperties(Map<String, String> templates, Duration pollInterval, Duration retryBase, int maxAttempts,
                            int batchSize) {
        this(templates, pollInterval, retryBase, maxAttempts, batchSize, null);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public NotifyProperties {
        longTerm = longTerm == null ? java.util.Set.of() : longTerm;
        templates = templates == null ? Map.of() : templates;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        batchSize = batchSize <= 0 ? 20 : batchSize;
    }

    /** Whether a message that failed {@code attempts} times is given up. */
    boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait before the next attempt after {@code attempts} failures: {@code retryBase * 2^(attempts-1)}, capped at 2^10. */
    Duration retryDelay(int attempts) {
        return retryBase.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
    }

    String templateId(String key) {
        return templates.getOrDefault(key, key);
    }

    /** The template key of a key or a WeChat template id (the mini-program reports ids), if configured. */
    java.util.Optional<String> templateKey(String keyOrId) {
        if (templates.containsKey(keyOrId)) {
            return java.util.Optional.of(keyOrId);
        }
        return templates.entrySet().stream().filter(e -> e.getValue().equals(keyOrId)).map(Map.Entry::getKey).findFirst();
    }

    /** Long-term templates (长期订阅, granted to some public-service categories) need no acceptance per send. */
    boolean needsAcceptance(String key) {
        return !longTerm.contains(key);
    }
}
