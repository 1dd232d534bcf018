package org.redstation.common;

import java.time.Duration;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;
import org.redisson.config.SubscriptionMode;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redis Sentinel and Cluster. Redisson's starter picks the topology from Spring's settings:
 * SPRING_DATA_REDIS_SENTINEL_MASTER + SPRING_DATA_REDIS_SENTINEL_NODES (host:port,...), or
 * SPRING_DATA_REDIS_CLUSTER_NODES; otherwise REDIS_HOST/REDIS_PORT (single server, see RedissonSettings).
 * The same fail-fast timeouts apply, with a few more retries so that a failover (the sentinels elect a
 * new primary in a few seconds) is ridden out by most requests instead of answering 503.
 */
@Configuration(proxyBeanMethods = false)
class RedisTopologySettings {
    @Bean
    RedissonAutoConfigurationCustomizer redissonTopology(@Value("${redstation.redis.timeout-ms:2000}") int timeoutMs,
                                                        @Value("${redstation.redis.failover-retry-attempts:4}") int retries,
                                                        @Value("${redstation.redis.failover-retry-delay-ms:500}") int retryDelayMs) {
        return config -> {
            BaseMasterSlaveServersConfig<?> s = null;
            if (config.isSentinelConfig()) {
                var sentinel = config.useSentinelServers();
                // a local test or a small site may run sentinels that Redisson cannot all reach by their announced address
                sentinel.setCheckSentinelsList(false);
                s = sentinel;
            } else if (config.isClusterConfig()) {
                s = config.useClusterServers();
            }
            if (s == null) {
                return;
            }
            if (s.getPassword() != null && s.getPassword().isEmpty()) {
                s.setPassword(null);
            }
            // Redisson reads from replicas by default: a session or lock written a moment ago on the primary
            // may not be there yet. Everything here needs read-your-writes.
            s.setReadMode(ReadMode.MASTER);
            s.setSubscriptionMode(SubscriptionMode.MASTER);
            s.setTimeout(timeoutMs);
            s.setConnectTimeout(timeoutMs);
            s.setRetryAttempts(retries);
            s.setRetryDelay(new ConstantDelay(Duration.ofMillis(retryDelayMs)));
        };
    }
}
