package org.redstation.station;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redstation.common.BizException;
import org.redstation.station.StationModel.Day;
import org.redstation.station.StationModel.LiveView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The station view: the cached static part plus the live parts (open now, on duty, next slots) per request. */
@Service
class StationViewService {
    private static final Logger log = LoggerFactory.getLogger(StationViewService.class);
    /** QR scene contract: st=<CODE>. */
    static final Pattern SCENE = Pattern.compile("st=([A-Za-z0-9]{2,16})");
    static final int NEXT_SLOTS = 5;

    private final StationViewCache cache;
    private final ObjectProvider<OnDutyProvider> onDuty;
    private final ObjectProvider<NextSlotsProvider> nextSlots;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile List<OnDutyProvider> dutyBeans;
    private volatile List<NextSlotsProvider> slotBeans;
    /** On duty and next slots per station, kept for a moment: a burst of scans asks the providers once. */
    private final com.github.benmanes.caffeine.cache.Cache<Long, Live> live = com.github.benmanes.caffeine.cache.Caffeine
            .newBuilder().maximumSize(StationViewCache.MAX_STATIONS).build();
    private final long liveTtlNanos;

    private record Live(List<OnDutyProvider.OnDutyPerson> onDuty, List<NextSlotsProvider.SlotSummary> slots, long until) {
    }

    StationViewService(StationViewCache cache, ObjectProvider<OnDutyProvider> onDuty,
                       ObjectProvider<NextSlotsProvider> nextSlots, ObjectMapper json, Clock clock,
                       @Value("${redstation.station.live-ttl:2s}") Duration liveTtl) {
        this.cache = cache;
        this.onDuty = onDuty;
        this.nextSlots = nextSlots;
        this.json = json;
        this.clock = clock;
        this.liveTtlNanos = liveTtl.toNanos();
    }

    /** The live parts of a station, asked of the providers at most once per {@code redstation.station.live-ttl}. */
    private Live live(long id) {
        long now = System.nanoTime();
        Live l = live.getIfPresent(id);
        if (l == null || now - l.until() > 0) {
            l = new Live(onDuty(id), nextSlots(id), now + liveTtlNanos);
            live.put(id, l);
        }
        return l;
    }

    /** The station code in a scanned scene ("st=CY01", also when still URL-encoded). */
    static String codeOfScene(String scene) {
        String s = scene == null ? "" : scene.trim();
        if (s.contains("%")) {
            try {
                s = URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw BizException.invalid("scene", "二维码内容不正确，请重新扫描驿站门口的二维码");
            }
        }
        Matcher m = SCENE.matcher(s);
        if (s.length() > 32 || !m.matches()) {
            throw BizException.invalid("scene", "二维码内容不正确，请重新扫描驿站门口的二维码");
        }
        return m.group(1).toUpperCase(Locale.ROOT);
    }

    byte[] viewByScene(String scene) {
        String code = codeOfScene(scene);
        long id = cache.idByCode(code).orElseThrow(() -> new BizException(StationError.STATION_NOT_FOUND));
        return view(id);
    }

    /** The whole view as JSON bytes: cached static JSON spliced with the live JSON. */
    byte[] view(long id) {
        StationViewCache.Entry e = cache.get(id).orElseThrow(() -> new BizException(StationError.STATION_NOT_FOUND));
        StationStatus status = e.view().station().status();
        if (!status.visibleToResidents()) {
            throw new BizException(StationError.STATION_CLOSED);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Day today = OpeningHours.today(e.view().schedule(), now);
        Live parts = live(id);
        LiveView live = new LiveView(OpeningHours.openNow(status, today, now), OpeningHours.todayText(status, today), today,
                parts.onDuty(), parts.slots());
        try {
            byte[] l = json.writeValueAsBytes(live);
            byte[] p = e.jsonPrefix();
            byte[] out = new byte[p.length + l.length];
            System.arraycopy(p, 0, out, 0, p.length);
            out[p.length] = ',';
            System.arraycopy(l, 1, out, p.length + 1, l.length - 1);
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Provider beans are singletons: resolve them once (after startup), not per request. */
    private List<OnDutyProvider> dutyBeans() {
        List<OnDutyProvider> b = dutyBeans;
        if (b == null) {
            b = onDuty.orderedStream().toList();
            dutyBeans = b;
        }
        return b;
    }

    private List<NextSlotsProvider> slotBeans() {
        List<NextSlotsProvider> b = slotBeans;
        if (b == null) {
            b = nextSlots.orderedStream().toList();
            slotBeans = b;
        }
        return b;
    }

    private List<OnDutyProvider.OnDutyPerson> onDuty(long id) {
        List<OnDutyProvider.OnDutyPerson> all = new ArrayList<>();
        dutyBeans().forEach(p -> {
            try {
                all.addAll(p.onDutyNow(id));
            } catch (RuntimeException ex) {
                log.warn("on-duty provider {} failed for station {}: {}", p.getClass().getSimpleName(), id, ex.toString());
            }
        });
        return all;
    }

    private List<NextSlotsProvider.SlotSummary> nextSlots(long id) {
        List<NextSlotsProvider.SlotSummary> all = new ArrayList<>();
        slotBeans().forEach(p -> {
            try {
                all.addAll(p.nextSlots(id, NEXT_SLOTS));
            } catch (RuntimeException ex) {
                log.warn("next-slots provider {} failed for station {}: {}", p.getClass().getSimpleName(), id, ex.toString());
            }
        });
        return all.size() > NEXT_SLOTS ? all.subList(0, NEXT_SLOTS) : all;
    }
}
