package org.redstation.notify;

import java.time.Duration;
import java.util.Map;
import org.redstation.common.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Subscribe-message settings. {@code templates}: template key -> WeChat template id (from the mini-program
 * admin console: 订阅消息 → 我的模板). Failed sends are retried with back-off {@code retryBase * 2^(attempt-1)},
 * capped at {@code retryMaxDelay}, up to {@code maxAttempts} (the defaults retry for about 7 hours), then FAILED.
 * One dispatch run stops after {@code batchTimeBox} and continues on the next wake-up.
 */
@ConfigurationProperties("redstation.notify")
public record NotifyProperties(Map<String, String> templates, Duration pollInterval, Duration retryBase,
                               Duration retryMaxDelay, int maxAttempts, int batchSize, Duration batchTimeBox,
                               java.util.Set<String> longTerm) {
    public NotifyProperties(Map<String, String> templates, Duration pollInterval, Duration retryBase, Duration retryMaxDelay,
                            int maxAttempts, int batchSize, Duration batchTimeBox) {
        this(templates, pollInterval, retryBase, retryMaxDelay, maxAttempts, batchSize, batchTimeBox, null);
    }

    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public NotifyProperties {
        longTerm = longTerm == null ? java.util.Set.of() : longTerm;
        templates = templates == null ? Map.of() : templates;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        retryBase = retryBase == null ? Duration.ofSeconds(10) : retryBase;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofHours(1) : retryMaxDelay;
        maxAttempts = maxAttempts <= 0 ? 16 : maxAttempts;
        batchSize = batchSize <= 0 ? 20 : batchSize;
        batchTimeBox = batchTimeBox == null ? Duration.ofSeconds(30) : batchTimeBox;
    }

    RetryPolicy retry() {
        return new RetryPolicy(retryBase, retryMaxDelay, maxAttempts);
    }

    /** Whether a message that failed {@code attempts} times is given up. */
    boolean givesUpAfter(int attempts) {
        return retry().givesUpAfter(attempts);
    }

    /** The wait before the next attempt after {@code attempts} failures. */
    Duration retryDelay(int attempts) {
        return retry().delayAfter(attempts);
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
