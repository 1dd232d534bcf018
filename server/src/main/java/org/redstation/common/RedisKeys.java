package org.redstation.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Every Redis key and lock name of the app goes through here so that one prefix separates deployments and test runs. */
@Component
public class RedisKeys {
    private final String prefix;

    public RedisKeys(@Value("${redstation.redis.prefix:rs}") String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** {@code key("session", id)} -> {@code rs:session:id}. */
    public String key(String... parts) {
        return prefix + ":" + String.join(":", parts);
    }

    /** {@code lock("duty", "shift", 7)} -> {@code rs:lock:duty:shift:7}. */
    public String lock(Object... parts) {
        StringBuilder b = new StringBuilder(prefix).append(":lock");
        for (Object p : parts) {
            b.append(':').append(p);
        }
        return b.toString();
    }
}
