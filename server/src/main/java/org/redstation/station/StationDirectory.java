package org.redstation.station;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link StationApi} through the station module's mappers: one statement per call (nearby: at most two). */
@Service
class StationDirectory implements StationApi {
    /** Half the side of the box nearby looks in first; a district fits in it. */
    static final double NEARBY_BOX_METERS = 50_000;
    private static final double METERS_PER_DEGREE = 111_320;

    private final StationMapper stations;
    private final CommunityMapper communities;
    private final ServiceItemMapper items;
    private final StationOfferMapper offers;

    StationDirectory(StationMapper stations, CommunityMapper communities, ServiceItemMapper items, StationOfferMapper offers) {
        this.stations = stations;
        this.communities = communities;
        this.items = items;
        this.offers = offers;
    }

    @Override
    public Optional<StationRef> find(long stationId) {
        return Optional.ofNullable(stations.findJoined(stationId)).map(Station::toRef);
    }

    @Override
    public Optional<StationRef> findByCode(String code) {
        return Optional.ofNullable(stations.findJoinedByCode(code)).map(Station::toRef);
    }

    @Override
    public List<Nearby> nearby(double latitude, double longitude, int limit) {
        return nearby(latitude, longitude, limit, null);
    }

    /**
     * Open or paused stations nearest a point, optionally only those offering a service. First within a box of
     * {@link #NEARBY_BOX_METERS} around the point (an index range instead of every station); only when the box
     * holds fewer than {@code limit} such stations, or the farthest found lies beyond the box's inner circle (a
     * station outside could be nearer), a second statement looks without the box.
     */
    List<Nearby> nearby(double latitude, double longitude, int limit, Long serviceId) {
        double cos = Math.cos(Math.toRadians(latitude));
        double lngScale = cos * cos;
        double dLat = NEARBY_BOX_METERS / METERS_PER_DEGREE;
        if (Math.abs(latitude) + dLat < 89) {
            double dLng = NEARBY_BOX_METERS / (METERS_PER_DEGREE * Math.cos(Math.toRadians(Math.abs(latitude) + dLat)));
            List<Nearby> boxed = rank(latitude, longitude, limit, stations.nearest(latitude, longitude, lngScale,
                    latitude - dLat, latitude + dLat, longitude - dLng, longitude + dLng, serviceId, StationStatus.listed(), limit));
            if (boxed.size() == limit && boxed.get(limit - 1).distanceMeters() <= NEARBY_BOX_METERS) {
                return boxed;
            }
        }
        return rank(latitude, longitude, limit, stations.nearest(latitude, longitude, lngScale, null, null, null, null,
                serviceId, StationStatus.listed(), limit));
    }

    /** Exact distances for the rows the flat-earth estimate ranked, nearest first. */
    private static List<Nearby> rank(double latitude, double longitude, int limit, List<Station> rows) {
        return rows.stream()
                .map(s -> new Nearby(s.toRef(), Geo.distanceMeters(latitude, longitude, s.getLatitude(), s.getLongitude())))
                .sorted(Comparator.comparingInt(Nearby::distanceMeters))
                .limit(limit)
                .toList();
    }

    @Override
    public List<StationRef> search(String keyword, int limit) {
        return stations.search(like(keyword), StationStatus.listed(), limit).stream().map(Station::toRef).toList();
    }

    /** A LIKE pattern matching {@code keyword} literally anywhere (backslash is MySQL's default escape). */
    static String like(String keyword) {
        return "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Open or paused stations offering each of the services, by station id; two statements whatever the counts. */
    Map<Long, List<StationRef>> offering(Collection<Long> serviceIds) {
        Map<Long, List<StationRef>> out = new LinkedHashMap<>();
        serviceIds.forEach(id -> out.put(id, new java.util.ArrayList<>()));
        if (serviceIds.isEmpty()) {
            return out;
        }
        List<StationOffer> rows = offers.selectList(new LambdaQueryWrapper<StationOffer>()
                .in(StationOffer::getServiceId, serviceIds));
        if (rows.isEmpty()) {
            return out;
        }
        Map<Long, StationRef> byId = findAll(rows.stream().map(StationOffer::getStationId).distinct().toList());
        rows.stream().sorted(Comparator.comparing(StationOffer::getStationId)).forEach(o -> {
            StationRef s = byId.get(o.getStationId());
            if (s != null && s.statusValue().visibleToResidents()) {
                out.get(o.getServiceId()).add(s);
            }
        });
        return out;
    }

    @Override
    public Map<Long, StationRef> findAll(Collection<Long> stationIds) {
        Map<Long, StationRef> out = new LinkedHashMap<>();
        if (!stationIds.isEmpty()) {
            stations.findJoinedByIds(stationIds).forEach(s -> out.put(s.getId(), s.toRef()));
        }
        return out;
    }

    @Override
    public Optional<CommunityRef> community(long communityId) {
        return Optional.ofNullable(communities.findJoined(communityId)).map(Community::toRef);
    }

    @Override
    public Map<Long, CommunityRef> communities(Collection<Long> communityIds) {
        Map<Long, CommunityRef> out = new LinkedHashMap<>();
        if (!communityIds.isEmpty()) {
            communities.findJoinedByIds(communityIds).forEach(c -> out.put(c.getId(), c.toRef()));
        }
        return out;
    }

    @Override
    public List<CommunityRef> communitiesOfStreet(long streetId) {
        return communities.ofStreet(streetId).stream().map(Community::toRef).toList();
    }

    @Override
    public Optional<CatalogueService> service(long serviceId) {
        return Optional.ofNullable(items.selectById(serviceId)).map(ServiceItem::toCatalogue);
    }

    @Override
    public Map<Long, CatalogueService> services(Collection<Long> serviceIds) {
        Map<Long, CatalogueService> out = new LinkedHashMap<>();
        if (!serviceIds.isEmpty()) {
            items.selectByIds(serviceIds).forEach(s -> out.put(s.getId(), s.toCatalogue()));
        }
        return out;
    }

    @Override
    public List<CatalogueService> offeredServices(long stationId) {
        return items.offeredBy(stationId).stream().map(ServiceItem::toCatalogue).toList();
    }

    @Override
    public Optional<CatalogueService> offeredService(long stationId, long serviceId) {
        return Optional.ofNullable(items.offeredAt(stationId, serviceId)).map(ServiceItem::toCatalogue);
    }
}
