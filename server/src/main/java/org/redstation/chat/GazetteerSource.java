package org.redstation.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.redstation.nlu.Gazetteer;
import org.redstation.nlu.IntentParser;
import org.redstation.station.CatalogueService;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The intent parser with the names the station module knows (stations, communities, catalogue services offered),
 * read through {@link StationApi}. Rebuilt every {@code redstation.chat.gazetteer-refresh} (3 minutes) when the
 * names changed; the station module owns those tables and publishes no change events yet. Per instance.
 */
@Component
class GazetteerSource {
    private static final Logger log = LoggerFactory.getLogger(GazetteerSource.class);
    private final StationApi stations;
    private final ChatProperties props;
    private final Clock clock;
    private volatile Snapshot current;

    /** One consistent view: the parser, the stations and what each offers. */
    record Snapshot(IntentParser parser, List<StationRef> stations, Map<Long, List<CatalogueService>> offered, int fingerprint,
                    Instant builtAt) {
        StationRef station(long id) {
            return stations.stream().filter(s -> s.id() == id).findFirst().orElse(null);
        }

        List<StationRef> ofCommunity(long communityId) {
            return stations.stream().filter(s -> s.communityId() == communityId).toList();
        }

        /** Stations offering a service, in station order. */
        List<StationRef> offering(long serviceId) {
            return stations.stream().filter(s -> offered.getOrDefault(s.id(), List.of()).stream().anyMatch(c -> c.id() == serviceId))
                    .toList();
        }
    }

    GazetteerSource(StationApi stations, ChatProperties props, Clock clock) {
        this.stations = stations;
        this.props = props;
        this.clock = clock;
    }

    /** HanLP's dictionaries load once (about a second), off the first resident's request. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread t = new Thread(() -> {
            try {
                IntentParser.warmUp();
                snapshot();
            } catch (RuntimeException e) {
                log.warn("intent parser warm-up failed: {}", e.toString());
            }
        }, "nlu-warmup");
        t.setDaemon(true);
        t.start();
    }

    Snapshot snapshot() {
        Snapshot s = current;
        if (s == null) {
            synchronized (this) {
                if (current == null) {
                    current = build(null);
                }
                s = current;
            }
        }
        return s;
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void refreshWhenDue() {
        Snapshot s = current;
        if (s != null && s.builtAt().plus(props.gazetteerRefresh()).isBefore(clock.instant())) {
            refresh();
        }
    }

    /** Reads the names again; a new parser only when they changed. */
    synchronized void refresh() {
        try {
            current = build(current);
        } catch (RuntimeException e) {
            log.warn("intent parser names not refreshed: {}", e.toString());
        }
    }

    private Snapshot build(Snapshot previous) {
        List<StationRef> all = stations.search("", 2000);
        Map<Long, List<CatalogueService>> offered = new LinkedHashMap<>();
        for (StationRef s : all) {
            offered.put(s.id(), stations.offeredServices(s.id()));
        }
        int fingerprint = Objects.hash(all, offered);
        if (previous != null && previous.fingerprint() == fingerprint) {
            return new Snapshot(previous.parser(), previous.stations(), previous.offered(), fingerprint, clock.instant());
        }
        Gazetteer.Builder g = Gazetteer.builder();
        Map<Long, String> communities = new LinkedHashMap<>();
        Map<Long, CatalogueService> services = new LinkedHashMap<>();
        for (StationRef s : all) {
            communities.putIfAbsent(s.communityId(), s.communityName());
            g.station(s.id(), s.name(), s.code(), s.communityId());
            offered.get(s.id()).stream().filter(CatalogueService::enabled).forEach(c -> services.putIfAbsent(c.id(), c));
        }
        communities.forEach(g::community);
        services.values().forEach(c -> g.service(c.id(), c.name()));
        log.info("intent parser names: {} stations, {} communities, {} services", all.size(), communities.size(), services.size());
        return new Snapshot(new IntentParser(g.build()), List.copyOf(all), offered, fingerprint, clock.instant());
    }

    static List<String> names(List<StationRef> stations) {
        List<String> out = new ArrayList<>();
        stations.forEach(s -> out.add(s.name()));
        return out;
    }
}
