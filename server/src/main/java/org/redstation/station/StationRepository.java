package org.redstation.station;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.redstation.station.StationModel.Day;
import org.redstation.station.StationModel.ServiceEntry;
import org.redstation.station.StationModel.ServiceGroup;
import org.redstation.station.StationModel.StaticView;
import org.redstation.station.StationModel.StationInfo;
import org.springframework.stereotype.Repository;

/** Reads of a station with its hours and services, as the views need them (a constant number of statements each). */
@Repository
class StationRepository {
    private final StationMapper stations;
    private final StationHoursMapper hours;
    private final StationOfferMapper offers;
    private final ServiceItemMapper items;

    StationRepository(StationMapper stations, StationHoursMapper hours, StationOfferMapper offers, ServiceItemMapper items) {
        this.stations = stations;
        this.hours = hours;
        this.offers = offers;
        this.items = items;
    }

    /** The station (any status) with its community and street names. */
    Optional<StationInfo> info(long id) {
        return Optional.ofNullable(stations.findJoined(id)).map(Station::toInfo);
    }

    /** Id of the station with this code. */
    Optional<Long> idByCode(String code) {
        return Optional.ofNullable(stations.selectOne(new LambdaQueryWrapper<Station>().select(Station::getId)
                .eq(Station::getCode, code))).map(Station::getId);
    }

    List<Day> schedule(long stationId) {
        return OpeningHours.schedule(hours.selectList(new LambdaQueryWrapper<StationHours>()
                .eq(StationHours::getStationId, stationId)));
    }

    /** The weekly schedules of several stations in one statement (stations without hours get seven empty days). */
    Map<Long, List<Day>> schedules(Collection<Long> stationIds) {
        Map<Long, List<StationHours>> rows = new HashMap<>();
        if (!stationIds.isEmpty()) {
            hours.selectList(new LambdaQueryWrapper<StationHours>().in(StationHours::getStationId, stationIds))
                    .forEach(h -> rows.computeIfAbsent(h.getStationId(), k -> new ArrayList<>()).add(h));
        }
        Map<Long, List<Day>> out = new HashMap<>();
        stationIds.forEach(id -> out.put(id, OpeningHours.schedule(rows.getOrDefault(id, List.of()))));
        return out;
    }

    /** The enabled services a station offers, in its order, with the station's note and hours for each. */
    List<ServiceEntry> services(long stationId) {
        Map<Long, StationOffer> byService = offers.selectList(new LambdaQueryWrapper<StationOffer>()
                .eq(StationOffer::getStationId, stationId)).stream()
                .collect(Collectors.toMap(StationOffer::getServiceId, o -> o));
        List<ServiceEntry> out = new ArrayList<>();
        for (ServiceItem s : items.offeredBy(stationId)) {
            StationOffer o = byService.get(s.getId());
            if (Boolean.TRUE.equals(s.getEnabled()) && o != null) {
                out.add(new ServiceEntry(s.getId(), s.getName(), s.getCategory(), s.getDescription(), s.getUsageMode(),
                        s.getUsageMode().label(), o.getNote(), o.getHours()));
            }
        }
        return out;
    }

    /**
     * Every offer of a station as stored, in its order, disabled services included: what the staff editor starts
     * from, so saving it never drops an offer the resident view hides.
     */
    List<StationModel.OfferEntry> offers(long stationId) {
        Map<Long, StationOffer> byService = offers.selectList(new LambdaQueryWrapper<StationOffer>()
                .eq(StationOffer::getStationId, stationId)).stream()
                .collect(Collectors.toMap(StationOffer::getServiceId, o -> o));
        List<StationModel.OfferEntry> out = new ArrayList<>();
        for (ServiceItem s : items.offeredBy(stationId)) {
            StationOffer o = byService.get(s.getId());
            out.add(new StationModel.OfferEntry(s.getId(), s.getName(), s.getCategory(), Boolean.TRUE.equals(s.getEnabled()),
                    o == null ? null : o.getNote(), o == null ? null : o.getHours()));
        }
        return out;
    }

    Optional<StaticView> staticView(long id) {
        return info(id).map(info -> {
            List<ServiceEntry> services = services(id);
            Map<String, List<ServiceEntry>> groups = new LinkedHashMap<>();
            for (ServiceEntry s : services) {
                groups.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s);
            }
            List<ServiceGroup> g = groups.entrySet().stream().map(e -> new ServiceGroup(e.getKey(), e.getValue())).toList();
            // the listed services are enabled ones, so "bookable" is the catalogue's rule on their usage mode
            boolean bookable = services.stream().anyMatch(s -> new CatalogueService(s.id(), s.name(), s.category(),
                    s.usageMode(), true).bookable());
            return new StaticView(info, info.notice(), schedule(id), g, services.size(), bookable);
        });
    }

    /** Ids of stations that offer a service (to evict their cached views). */
    List<Long> stationsOffering(long serviceId) {
        return offers.selectList(new LambdaQueryWrapper<StationOffer>().select(StationOffer::getStationId)
                .eq(StationOffer::getServiceId, serviceId)).stream().map(StationOffer::getStationId).toList();
    }
}
