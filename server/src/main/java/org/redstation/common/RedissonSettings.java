package org.redstation.common;

import org.redisson.config.SingleServerConfig;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redisson fails fast when Redis is gone (callers answer 503) and sends no AUTH for an empty password. */
@Configuration(proxyBeanMethods = false)
class RedissonSettings {
    @Bean
    RedissonAutoConfigurationCustomizer redissonFailFast(@Value("${redstation.redis.timeout-ms:2000}") int timeoutMs,
                                                         @Value("${redstation.redis.retry-attempts:1}") int retries) {
        return config -> {
            if (config.isSingleConfig()) {
                SingleServerConfig s = config.useSingleServer();
                if (s.getPassword() != null && s.getPassword().isEmpty()) {
                    s.setPassword(null);
                }
                s.setTimeout(timeoutMs);
                s.setConnectTimeout(timeoutMs);
                s.setRetryAttempts(retries);
                s.setRetryDelay(new org.redisson.config.ConstantDelay(java.time.Duration.ofMillis(200)));
                s.setConnectionMinimumIdleSize(4);
            }
        };
    }
}
