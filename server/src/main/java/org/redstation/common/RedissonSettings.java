package org.redstation.common;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import org.redisson.client.NettyHook;
import org.redisson.config.SingleServerConfig;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redisson fails fast when Redis is gone (callers answer 503) and sends no AUTH for an empty password.
 * <p>
 * Its client is sized for many short commands from many request threads: a few event-loop threads over a few shared
 * connections, and the writes queued in one loop turn flushed together. Redisson's defaults (32 threads, 64
 * connections, one flush per command) spread a rush of refusals over as many loops, so each command woke a loop,
 * wrote alone and woke Redis alone: the loops took a fifth of the JVM's CPU in a full-slot refusal run (now an
 * eighth), and Redis two to four times the CPU it now takes (server/bench/README.md, "Redis client"). The pool size
 * is the single server's; Sentinel and Cluster keep Redisson's (RedisTopologySettings).
 */
@Configuration(proxyBeanMethods = false)
class RedissonSettings {
    @Bean
    RedissonAutoConfigurationCustomizer redissonFailFast(@Value("${redstation.redis.timeout-ms:2000}") int timeoutMs,
                                                         @Value("${redstation.redis.retry-attempts:1}") int retries,
                                                         @Value("${redstation.redis.netty-threads:2}") int nettyThreads,
                                                         @Value("${redstation.redis.pool-size:8}") int poolSize,
                                                         @Value("${redstation.redis.consolidate-flushes:true}") boolean consolidate) {
        return config -> {
            config.setNettyThreads(nettyThreads);
            if (consolidate) {
                config.setNettyHook(new ConsolidatedFlushes());
            }
            if (config.isSingleConfig()) {
                SingleServerConfig s = config.useSingleServer();
                if (s.getPassword() != null && s.getPassword().isEmpty()) {
                    s.setPassword(null);
                }
                s.setTimeout(timeoutMs);
                s.setConnectTimeout(timeoutMs);
                s.setRetryAttempts(retries);
                s.setRetryDelay(new org.redisson.config.ConstantDelay(java.time.Duration.ofMillis(200)));
                s.setConnectionPoolSize(poolSize);
                s.setConnectionMinimumIdleSize(Math.min(4, poolSize));
            }
        };
    }

    /**
     * Netty's flush consolidation at the socket end of every Redis connection: the commands written in one event-loop
     * turn (or while a reply is being read) leave in one write, up to 64 at a time. A flush asked for outside a read is
     * still sent in the same turn, so no command waits for a later one.
     */
    static final class ConsolidatedFlushes implements NettyHook {
        @Override
        public void afterBoostrapInitialization(Bootstrap bootstrap) {
        }

        @Override
        public void afterChannelInitialization(Channel channel) {
            channel.pipeline().addFirst(new FlushConsolidationHandler(64, true));
        }
    }
}
