package org.redstation.station;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redstation.common.BizException;
import org.redstation.station.StationModel.Day;
import org.redstation.station.StationModel.SearchResult;
import org.redstation.station.StationModel.ServiceHit;
import org.redstation.station.StationModel.StationCard;
import org.springframework.stereotype.Service;

/**
 * Station lists for residents: nearby and search. Each runs a constant number of statements whatever the number of
 * stations and services: the stations (one joined statement), their hours for "open now" (one), and for search the
 * services (one) and the stations offering them (two).
 */
@Service
class StationFinder {
    static final int SEARCH_LIMIT = 20;
    private final StationDirectory directory;
    private final StationRepository repo;
    private final ServiceItemMapper items;
    private final Clock clock;

    StationFinder(StationDirectory directory, StationRepository repo, ServiceItemMapper items, Clock clock) {
        this.directory = directory;
        this.repo = repo;
        this.items = items;
        this.clock = clock;
    }

    List<StationCard> nearby(double latitude, double longitude, int limit, Long serviceId) {
        if (limit < 1 || limit > 50) {
            throw BizException.invalid("limit", "数量应在1到50之间");
        }
        List<StationApi.Nearby> near = directory.nearby(latitude, longitude, limit, serviceId);
        Map<Long, Boolean> open = openNow(near.stream().map(StationApi.Nearby::station).toList());
        return near.stream().map(n -> card(n.station(), n.distanceMeters(), open)).toList();
    }

    SearchResult search(String q) {
        String k = q.trim();
        if (k.isEmpty() || k.length() > 32) {
            throw BizException.invalid("q", "请输入1到32个字的关键字");
        }
        String like = StationDirectory.like(k);
        List<StationRef> byName = directory.search(k, SEARCH_LIMIT);
        List<ServiceItem> services = items.search(like, SEARCH_LIMIT);
        Map<Long, List<StationRef>> offering = directory.offering(services.stream().map(ServiceItem::getId).toList());
        // stations offering a matching service are search hits too
        Map<Long, StationRef> all = new LinkedHashMap<>();
        byName.forEach(s -> all.put(s.id(), s));
        offering.values().forEach(list -> list.forEach(s -> all.putIfAbsent(s.id(), s)));
        Map<Long, Boolean> open = openNow(all.values());
        List<ServiceHit> hits = new ArrayList<>();
        for (ServiceItem s : services) {
            hits.add(new ServiceHit(s.getId(), s.getName(), s.getCategory(), s.getUsageMode(), s.getUsageMode().label(),
                    offering.get(s.getId()).stream().map(r -> card(r, null, open)).toList()));
        }
        return new SearchResult(k, all.values().stream().map(s -> card(s, null, open)).toList(), hits);
    }

    /** Open now of each station, from their hours read in one statement. */
    private Map<Long, Boolean> openNow(Collection<StationRef> stations) {
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Long, List<Day>> schedules = repo.schedules(stations.stream().map(StationRef::id).toList());
        Map<Long, Boolean> out = new HashMap<>();
        for (StationRef s : stations) {
            out.put(s.id(), OpeningHours.openNow(s.statusValue(), OpeningHours.today(schedules.get(s.id()), now), now));
        }
        return out;
    }

    private static StationCard card(StationRef s, Integer distance, Map<Long, Boolean> open) {
        return new StationCard(s.id(), s.code(), s.name(), s.communityName(), s.address(), s.latitude(), s.longitude(),
                null, s.status(), s.statusLabel(), open.get(s.id()), distance);
    }
}
