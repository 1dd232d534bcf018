package org.redstation.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.common.RedisKeys;
import org.springframework.stereotype.Component;

/**
 * Who is on duty at a station now, in Redis: hash {@code <prefix>:duty:onduty:<stationId>}, field = claim id,
 * value = masked name, organisation, "until" time and the shift end (epoch ms). An entry lives until check-out or
 * the shift's end (stale entries are ignored and removed on read; the key expires after the latest shift end).
 */
@Component
class DutyPresence {
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final Clock clock;

    DutyPresence(RedissonClient redisson, RedisKeys keys, Clock clock) {
        this.redisson = redisson;
        this.keys = keys;
        this.clock = clock;
    }

    record Entry(String maskedName, String organisation, String until) {
    }

    private RMap<String, String> map(long stationId) {
        return redisson.getMap(keys.key("duty", "onduty", String.valueOf(stationId)), StringCodec.INSTANCE);
    }

    void put(long stationId, long claimId, String maskedName, String org, LocalDateTime end) {
        long endMs = end.atZone(clock.getZone()).toInstant().toEpochMilli();
        String until = end.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        RMap<String, String> m = map(stationId);
        m.fastPut(String.valueOf(claimId), String.join("\t", clean(maskedName), clean(org), until, String.valueOf(endMs)));
        Duration ttl = Duration.ofMillis(Math.max(60_000, endMs - clock.millis() + 60_000));
        // not expireIfGreater: PEXPIRE GT needs Redis 7; a lost race here only shortens the key to a later shift's end
        if (m.remainTimeToLive() < ttl.toMillis()) {
            m.expire(ttl);
        }
    }

    void remove(long stationId, long claimId) {
        map(stationId).fastRemove(String.valueOf(claimId));
    }

    List<Entry> list(long stationId) {
        RMap<String, String> m = map(stationId);
        long now = clock.millis();
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<String, String> e : m.readAllMap().entrySet()) {
            String[] p = e.getValue().split("\t", -1);
            if (p.length < 4 || Long.parseLong(p[3]) <= now) {
                m.fastRemove(e.getKey());
                continue;
            }
            out.add(new Entry(p[0], p[1], p[2]));
        }
        return out;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ');
    }
}
