package org.redstation.station;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import org.redstation.common.RedisKeys;
import org.redstation.station.StationModel.StaticView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The static part of station views: a small local cache in front of a Redis copy shared by every
 * instance. A change bumps the station's generation in Redis, deletes the Redis copy and broadcasts
 * the station id on a Redisson topic so every instance drops its local copy. A loader only writes its
 * copy back when no change happened while it was loading (generation check, locally and in Redis).
 */
@Component
class StationViewCache {
    private static final Logger log = LoggerFactory.getLogger(StationViewCache.class);
    /** KEYS: value key, generation key; ARGV: value, generation seen before loading, ttl seconds. */
    private static final String SET_IF_GEN = "local g = redis.call('get', KEYS[2]) "
            + "if (g == false and ARGV[2] == '0') or g == ARGV[2] then "
            + "redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[3]) return 1 end return 0";

    /** A locally cached view: the parsed static view and its JSON without the closing brace (view null = no such station). */
    record Entry(StaticView view, byte[] jsonPrefix, long expiresAt) {
    }

    /** Unknown ids and codes are remembered briefly (scan floods of a bad code spare the database), at most this many. */
    static final int MAX_NEGATIVE = 1_000;
    /** Stations cached locally (a district has a few hundred). */
    static final int MAX_STATIONS = 5_000;
    private static final Duration NEGATIVE_TTL = Duration.ofSeconds(5);
    private final Cache<String, Boolean> missingCodes = Caffeine.newBuilder().maximumSize(MAX_NEGATIVE)
            .expireAfterWrite(NEGATIVE_TTL).build();
    private final Cache<Long, Boolean> missingIds = Caffeine.newBuilder().maximumSize(MAX_NEGATIVE)
            .expireAfterWrite(NEGATIVE_TTL).build();

    private final StationRepository repo;
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final long localTtlNanos;
    private final long redisTtlSeconds;
    /** Only stations that exist; bounded. */
    private final Cache<Long, Entry> local = Caffeine.newBuilder().maximumSize(MAX_STATIONS).build();
    /**
     * Bumped by every local eviction: a loader writes its copy back only when nothing was evicted while it loaded.
     * One counter, not one per id, so that unknown ids leave nothing behind (changes are rare, a spurious miss is cheap).
     */
    private final AtomicLong localGen = new AtomicLong();
    private final Cache<String, Long> codes = Caffeine.newBuilder().maximumSize(MAX_STATIONS).build();
    private RTopic topic;
    private int listenerId = -1;

    StationViewCache(StationRepository repo, RedissonClient redisson, RedisKeys keys, ObjectMapper json,
                     @Value("${redstation.station.local-cache-ttl:30s}") Duration localTtl,
                     @Value("${redstation.station.redis-cache-ttl:1h}") Duration redisTtl) {
        this.repo = repo;
        this.redisson = redisson;
        this.keys = keys;
        this.json = json;
        this.localTtlNanos = localTtl.toNanos();
        this.redisTtlSeconds = Math.max(1, redisTtl.toSeconds());
    }

    @PostConstruct
    void listen() {
        topic = redisson.getTopic(keys.key("station", "evict"), StringCodec.INSTANCE);
        try {
            listenerId = topic.addListener(String.class, (channel, msg) -> dropLocal(Long.parseLong(msg)));
        } catch (RedisException e) {
            log.warn("station cache: eviction topic unavailable ({}); local entries expire after their TTL", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (listenerId >= 0) {
            try {
                topic.removeListener(listenerId);
            } catch (RuntimeException e) {
                log.debug("station cache: removing listener failed: {}", e.toString());
            }
        }
    }

    /** The cached view of a station, loading it when needed; empty when there is no such station. */
    Optional<Entry> get(long id) {
        Entry e = local.getIfPresent(id);
        if (e != null && e.expiresAt - System.nanoTime() > 0) {
            return Optional.of(e);
        }
        if (missingIds.getIfPresent(id) != null) {
            return Optional.empty();
        }
        long seen = localGen.get();
        Optional<StaticView> view = loadShared(id);
        if (view.isEmpty()) {
            if (localGen.get() == seen) {
                missingIds.put(id, Boolean.TRUE);
            }
            return Optional.empty();
        }
        Entry fresh = entry(view.get());
        if (localGen.get() == seen) {
            local.put(id, fresh);
        }
        return Optional.of(fresh);
    }

    /** Entries held locally (stations, unknown ids, codes), for the bounds test. */
    long[] sizes() {
        local.cleanUp();
        missingIds.cleanUp();
        missingCodes.cleanUp();
        codes.cleanUp();
        return new long[] {local.estimatedSize(), missingIds.estimatedSize(), missingCodes.estimatedSize(), codes.estimatedSize()};
    }

    /** Station id for a QR code (codes never change once given). */
    Optional<Long> idByCode(String code) {
        Long id = codes.getIfPresent(code);
        if (id != null) {
            return Optional.of(id);
        }
        if (missingCodes.getIfPresent(code) != null) {
            return Optional.empty();
        }
        Optional<Long> found = repo.idByCode(code);
        if (found.isPresent()) {
            codes.put(code, found.get());
        } else {
            missingCodes.put(code, Boolean.TRUE);
        }
        return found;
    }

    private Optional<StaticView> loadShared(long id) {
        String valueKey = keys.key("station", "view", String.valueOf(id));
        String genKey = keys.key("station", "gen", String.valueOf(id));
        String seenGen;
        try {
            String cached = redisson.<String>getBucket(valueKey, StringCodec.INSTANCE).get();
            if (cached != null) {
                return Optional.of(json.readValue(cached, StaticView.class));
            }
            String g = redisson.<String>getBucket(genKey, StringCodec.INSTANCE).get();
            seenGen = g == null ? "0" : g;
        } catch (RedisException e) {
            log.warn("station cache: Redis unavailable, reading station {} from the database: {}", id, e.toString());
            return repo.staticView(id);
        } catch (IOException e) {
            log.warn("station cache: unreadable entry for station {}, reloading", id);
            seenGen = null;
        }
        Optional<StaticView> view = repo.staticView(id);
        if (view.isPresent() && seenGen != null) {
            try {
                redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, SET_IF_GEN, RScript.ReturnType.INTEGER,
                        List.of(valueKey, genKey), write(view.get()), seenGen, String.valueOf(redisTtlSeconds));
            } catch (RedisException e) {
                log.warn("station cache: could not store station {} in Redis: {}", id, e.toString());
            }
        }
        return view;
    }

    private String write(StaticView v) {
        try {
            return json.writeValueAsString(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Entry entry(StaticView v) {
        try {
            byte[] all = json.writeValueAsBytes(v);
            byte[] prefix = java.util.Arrays.copyOf(all, all.length - 1); // drop the closing '}'
            return new Entry(v, prefix, System.nanoTime() + localTtlNanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a change: drop the shared copy and tell every instance (this one at once). */
    void evict(long id) {
        dropLocal(id);
        try {
            redisson.getAtomicLong(keys.key("station", "gen", String.valueOf(id))).incrementAndGet();
            redisson.getBucket(keys.key("station", "view", String.valueOf(id))).delete();
            topic.publish(String.valueOf(id));
        } catch (RedisException e) {
            log.error("station cache: eviction of station {} not shared (Redis unavailable): {}", id, e.toString());
        }
    }

    /** Evict once the change is committed (never before: a reader could cache the old row again). */
    void evictAfterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict(id);
                }
            });
        } else {
            evict(id);
        }
    }

    private void dropLocal(long id) {
        localGen.incrementAndGet();
        local.invalidate(id);
        missingIds.invalidate(id); // a created station may take an id that was just asked for in vain
        missingCodes.invalidateAll(); // … or carry a code that was just scanned in vain
    }
}
